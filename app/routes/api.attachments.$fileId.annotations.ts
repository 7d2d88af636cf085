import type { ActionFunctionArgs } from '@remix-run/node'
import { saveAnnotationsSchema } from '~/modules/live/annotation'
import { saveAttachmentAnnotations } from '~/modules/live/annotation.server'
import { methodNotAllowed, readJsonBody } from '~/utils/api.server'
import { requireApiUser } from '~/utils/auth.server'
import { fieldErrors } from '~/utils/validation'

/** `POST /api/attachments/:fileId/annotations` `{ annotations: Stroke[] }`: the uploader stores the marks on an image. */
export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireApiUser(request)
  if (request.method !== 'POST') return methodNotAllowed()
  const body = await readJsonBody(request)
  if (!body.ok) return body.response
  const parsed = saveAnnotationsSchema.safeParse(body.body)
  if (!parsed.success) return Response.json({ errors: fieldErrors(parsed.error) }, { status: 400 })
  const outcome = await saveAttachmentAnnotations({ user, attachmentId: params.fileId!, annotations: parsed.data.annotations })
  if (outcome === 'not-found') return Response.json({ error: 'file not found' }, { status: 404 })
  if (outcome === 'forbidden') return Response.json({ error: 'only the uploader may annotate this file' }, { status: 403 })
  if (outcome === 'not-an-image') return Response.json({ errors: { _form: 'only images carry annotations' } }, { status: 400 })
  return Response.json({ ok: true, count: parsed.data.annotations.length })
}

export function loader() {
  return methodNotAllowed()
}
