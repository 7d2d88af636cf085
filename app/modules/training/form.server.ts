import { unstable_composeUploadHandlers, unstable_createMemoryUploadHandler, unstable_parseMultipartFormData } from '@remix-run/node'
import { lessonInputSchema } from './schema'
import { discardUpload, storeLessonUpload, type StoredUpload } from './manage.server'

function editorJson(value: FormDataEntryValue | null) {
  if (value === null || value === '') return undefined
  try {
    return JSON.parse(String(value)) as unknown
  } catch {
    return String(value)
  }
}

/**
 * The lesson form (multipart): its file streams straight to the file store (size-limited),
 * the other fields are read into the lesson schema. A refused form removes the file again.
 */
export async function readLessonForm(request: Request) {
  let upload: StoredUpload | undefined
  let tooLarge = false
  const form = await unstable_parseMultipartFormData(
    request,
    unstable_composeUploadHandlers(async ({ name, filename, data }) => {
      if (name !== 'file' || !filename) return undefined
      const stored = await storeLessonUpload({ fileName: filename, data })
      if (stored === 'too-large') tooLarge = true
      else {
        if (upload) await discardUpload(upload.key)
        upload = stored
      }
      return filename
    }, unstable_createMemoryUploadHandler({ maxPartSize: 2 * 1024 * 1024 })),
  )
  const parsed = lessonInputSchema.safeParse({ title: form.get('title'), kind: form.get('kind'), body: form.get('kind') === 'TEXT' ? editorJson(form.get('body')) : undefined })
  // A file sent with a text lesson is not kept.
  if ((!parsed.success || parsed.data.kind === 'TEXT') && upload) {
    await discardUpload(upload.key)
    upload = undefined
  }
  return { parsed, upload, tooLarge }
}
