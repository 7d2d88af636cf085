import type { ActionFunctionArgs } from '@remix-run/node'
import { ImportContext, prepareCase, writePreparedCases } from '~/modules/cases/case-import.server'
import { readJsonBody, methodNotAllowed } from '~/utils/api.server'
import { requireApiUser } from '~/utils/auth.server'
import { getDb } from '~/utils/db.server'
import { REVIEWER_ROLES, hasRole } from '~/utils/permissions.server'

/** `POST /api/cases`: one case in the import-line shape. Drafts by default; publishing needs a reviewer. */
export async function action({ request }: ActionFunctionArgs) {
  const user = await requireApiUser(request)
  if (request.method !== 'POST') return methodNotAllowed()
  const body = await readJsonBody(request)
  if (!body.ok) return body.response

  const prepared = await prepareCase(body.body, new ImportContext('DRAFT', user.stationId))
  if (!prepared.ok) return Response.json({ errors: prepared.errors }, { status: 400 })
  const { status, stationId, externalId } = prepared.prepared
  if ((status === 'APPROVED' || status === 'CLASSIC') && !hasRole(user, REVIEWER_ROLES)) {
    return Response.json({ errors: { status: 'only engineers and admins may publish' } }, { status: 403 })
  }
  if (stationId !== user.stationId && user.role !== 'ADMIN') {
    return Response.json({ errors: { stationCode: 'you may only post cases for your own station' } }, { status: 403 })
  }
  if (externalId) {
    const existing = await getDb().repairCase.findUnique({ where: { externalId }, select: { authorId: true } })
    if (existing && existing.authorId !== user.id && user.role !== 'ADMIN') {
      return Response.json({ errors: { externalId: 'a case with this externalId belongs to someone else' } }, { status: 409 })
    }
  }
  const [written] = await writePreparedCases([prepared.prepared], user.id)
  return Response.json({ id: written.id }, { status: written.created ? 201 : 200 })
}

export const loader = methodNotAllowed
