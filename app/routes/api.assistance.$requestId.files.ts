import type { ActionFunctionArgs } from '@remix-run/node'
import { z } from 'zod'
import { RequestInputError, attachRequestFile } from '~/modules/assistance/assistance.server'
import { methodNotAllowed, readJsonBody } from '~/utils/api.server'
import { requireApiUser } from '~/utils/auth.server'
import { fieldErrors } from '~/utils/validation'

const bodySchema = z.object({ attachmentId: z.string().min(1).max(40) }).strict()

/** `POST /api/assistance/:id/files` {attachmentId}: a file the caller uploaded becomes a file of the request (a frame frozen in the call). */
export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireApiUser(request)
  if (request.method !== 'POST') return methodNotAllowed()
  const body = await readJsonBody(request)
  if (!body.ok) return body.response
  const parsed = bodySchema.safeParse(body.body)
  if (!parsed.success) return Response.json({ errors: fieldErrors(parsed.error) }, { status: 400 })
  try {
    const linked = await attachRequestFile({ user, requestId: params.requestId!, attachmentId: parsed.data.attachmentId })
    if (!linked) return Response.json({ error: 'not found' }, { status: 404 })
    return Response.json({ id: parsed.data.attachmentId }, { status: 201 })
  } catch (error) {
    if (error instanceof RequestInputError) return Response.json({ errors: error.errors }, { status: 400 })
    throw error
  }
}

export const loader = methodNotAllowed
