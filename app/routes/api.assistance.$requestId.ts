import type { LoaderFunctionArgs } from '@remix-run/node'
import { getRequest, toApiRequest } from '~/modules/assistance/assistance.server'
import { methodNotAllowed } from '~/utils/api.server'
import { requireApiUser } from '~/utils/auth.server'

/** `GET /api/assistance/:id`: 404 also for a request the caller may not see (its existence is not revealed). */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireApiUser(request)
  const found = await getRequest({ user, requestId: params.requestId! })
  if (!found) return Response.json({ error: 'not found' }, { status: 404 })
  return Response.json(toApiRequest(found))
}

export const action = methodNotAllowed
