import { unstable_composeUploadHandlers, unstable_createMemoryUploadHandler, unstable_parseMultipartFormData } from '@remix-run/node'
import { AttachmentRejectedError, deleteAttachment, saveAttachment } from '~/modules/files/attachment.server'
import type { SessionUser } from '~/utils/session-user'
import { fieldErrors } from '~/utils/validation'
import { SESSION_PHOTO_MAX_BYTES, SESSION_PHOTO_MAX_COUNT, SESSION_PHOTO_TYPES } from './inhouse.server'
import { sessionInputSchema, type SessionInput } from './schema'

export type SessionForm = { ok: true; input: SessionInput; photoIds: string[] } | { ok: false; errors: Record<string, string> }

/**
 * The session form (multipart). Each photo streams to the file store through the attachments
 * (size-limited, typed by its bytes) and is kept only if it is a JPEG, PNG or WebP; when any
 * field or photo is refused, the photos already stored are removed again.
 */
export async function readSessionForm(request: Request, user: Pick<SessionUser, 'id'>): Promise<SessionForm> {
  const photoIds: string[] = []
  let photoError: string | undefined
  const form = await unstable_parseMultipartFormData(
    request,
    unstable_composeUploadHandlers(async ({ name, filename, data }) => {
      if (name !== 'photos' || !filename) return undefined
      if (photoError || photoIds.length >= SESSION_PHOTO_MAX_COUNT) {
        photoError ??= 'invalid.photoCount'
        for await (const chunk of data) void chunk // drain the refused part
        return undefined
      }
      try {
        const saved = await saveAttachment({ user, fileName: filename, data, limitBytes: SESSION_PHOTO_MAX_BYTES })
        if ((SESSION_PHOTO_TYPES as readonly string[]).includes(saved.mimeType)) photoIds.push(saved.id)
        else {
          await deleteAttachment(saved.id)
          photoError = 'invalid.photoType'
        }
      } catch (error) {
        if (!(error instanceof AttachmentRejectedError)) throw error
        photoError = error.message === 'file-too-large' ? 'invalid.photoTooLarge' : 'invalid.photoType'
      }
      return filename
    }, unstable_createMemoryUploadHandler({ maxPartSize: 64 * 1024 })),
  )
  const parsed = sessionInputSchema.safeParse({ heldOn: form.get('heldOn'), topic: form.get('topic'), trainerName: form.get('trainerName'), notes: form.get('notes'), attendees: form.getAll('attendees') })
  const errors = parsed.success ? {} : fieldErrors(parsed.error)
  if (photoError) errors.photos = photoError
  if (!parsed.success || photoError) {
    for (const photoId of photoIds) await deleteAttachment(photoId)
    return { ok: false, errors }
  }
  return { ok: true, input: parsed.data, photoIds }
}
