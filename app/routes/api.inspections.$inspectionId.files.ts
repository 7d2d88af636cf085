import type { ActionFunctionArgs } from '@remix-run/node'
import { attachInspectionFile } from '~/modules/inspections/inspections.server'
import { attachFileSchema } from '~/modules/inspections/schema'
import { methodNotAllowed, readJsonBody } from '~/utils/api.server'
import { requireApiUser } from '~/utils/auth.server'
import { fieldErrors } from '~/utils/validation'

/** `POST /api/inspections/:id/files` {attachmentId}: a file the caller uploaded (a frame from the call) becomes the inspection's, so both sides may open it. */
export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireApiUser(request)
  if (request.method !== 'POST') return methodNotAllowed()
  const body = await readJsonBody(request)
  if (!body.ok) return body.response
  const parsed = attachFileSchema.safeParse(body.body)
  if (!parsed.success) return Response.json({ errors: fieldErrors(parsed.error) }, { status: 400 })
  const linked = await attachInspectionFile({ user, inspectionId: params.inspectionId!, attachmentId: parsed.data.attachmentId })
  if (!linked) return Response.json({ error: 'not found' }, { status: 404 })
  return Response.json({ id: parsed.data.attachmentId }, { status: 201 })
}

export const loader = methodNotAllowed
