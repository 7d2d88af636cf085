import type { LoaderFunctionArgs } from '@remix-run/node'
import { getCase, withRenderedHtml } from '~/modules/cases/case.server'
import { requireApiUser } from '~/utils/auth.server'

/** `GET /api/cases/:id`: the case with its rich text as editor JSON and as server-rendered, safe HTML. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireApiUser(request)
  const record = await getCase({ user, caseId: params.caseId! })
  if (!record) return Response.json({ error: 'not found' }, { status: 404 })
  const { authorId: _authorId, stationId: _stationId, canEdit: _canEdit, actions: _actions, ...visible } = withRenderedHtml(record)
  return Response.json(visible)
}
