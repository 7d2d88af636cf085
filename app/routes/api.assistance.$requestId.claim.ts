import type { ActionFunctionArgs } from '@remix-run/node'
import { getRequest, toApiRequest } from '~/modules/assistance/assistance.server'
import { isExpert } from '~/modules/assistance/experts.server'
import { claimRequest } from '~/modules/assistance/request-actions.server'
import { methodNotAllowed } from '~/utils/api.server'
import { requireApiUser } from '~/utils/auth.server'

/** `POST /api/assistance/:id/claim`: exactly one expert wins; the others get 409 with the holder. */
export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireApiUser(request)
  if (request.method !== 'POST') return methodNotAllowed()
  if (!isExpert(user)) return Response.json({ error: 'only experts claim requests' }, { status: 403 })
  const outcome = await claimRequest({ user, requestId: params.requestId! })
  if (!outcome.ok) {
    if (outcome.reason === 'conflict') return Response.json({ error: 'another expert holds this request', assignee: outcome.holder }, { status: 409 })
    if (outcome.reason === 'not-found') return Response.json({ error: 'not found' }, { status: 404 })
    if (outcome.reason === 'forbidden') return Response.json({ error: 'forbidden' }, { status: 403 })
    return Response.json({ error: 'the request is no longer open' }, { status: 409 })
  }
  const claimed = await getRequest({ user, requestId: params.requestId! })
  return Response.json(toApiRequest(claimed!))
}

export const loader = methodNotAllowed
