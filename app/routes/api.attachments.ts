import { type ActionFunctionArgs, unstable_parseMultipartFormData } from '@remix-run/node'
import { AttachmentRejectedError, saveAttachment } from '~/modules/files/attachment.server'
import { requireApiUser } from '~/utils/auth.server'
import { getEnv } from '~/utils/env.server'

/** `POST /api/attachments` (multipart, field `file`): images and PDFs up to UPLOAD_MAX_BYTES. */
export async function action({ request }: ActionFunctionArgs) {
  const user = await requireApiUser(request)
  if (request.method !== 'POST') return Response.json({ error: 'method not allowed' }, { status: 405 })
  const limitBytes = getEnv().UPLOAD_MAX_BYTES
  const declared = Number(request.headers.get('Content-Length') ?? 0)
  if (declared > limitBytes + 64 * 1024) {
    return Response.json({ errors: { file: 'file-too-large' }, maxBytes: limitBytes }, { status: 413 })
  }
  const saved: Array<Awaited<ReturnType<typeof saveAttachment>>> = []
  try {
    await unstable_parseMultipartFormData(request, async ({ name, filename, data }) => {
      if (name !== 'file' || !filename) return undefined
      saved.push(await saveAttachment({ user, fileName: filename, data, limitBytes }))
      return saved.at(-1)!.id
    })
  } catch (error) {
    if (error instanceof AttachmentRejectedError) {
      const status = error.message === 'file-too-large' ? 413 : 415
      return Response.json({ errors: { file: error.message }, maxBytes: limitBytes }, { status })
    }
    throw error
  }
  if (saved.length !== 1) return Response.json({ errors: { file: 'exactly one file is required' } }, { status: 400 })
  const [attachment] = saved
  return Response.json({ ...attachment, url: `/files/${attachment.id}` }, { status: 201 })
}

export function loader() {
  return Response.json({ error: 'method not allowed' }, { status: 405 })
}
