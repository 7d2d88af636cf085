import type { ActionFunctionArgs } from '@remix-run/node'
import { acknowledgeBulletin } from '~/modules/bulletins/bulletin.server'
import { methodNotAllowed } from '~/utils/api.server'
import { requireApiUser } from '~/utils/auth.server'

/** `POST /api/bulletins/:id/ack`: "read and understood" (idempotent); 404 for a bulletin not addressed to the caller. */
export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireApiUser(request)
  if (request.method !== 'POST') return methodNotAllowed()
  if (!(await acknowledgeBulletin({ user, bulletinId: params.bulletinId! }))) return Response.json({ error: 'not found' }, { status: 404 })
  return Response.json({ ok: true })
}

export const loader = methodNotAllowed
