import type { LoaderFunctionArgs } from '@remix-run/node'
import { listOpenExams } from '~/modules/exams/attempts.server'
import { methodNotAllowed } from '~/utils/api.server'
import { requireApiUser } from '~/utils/auth.server'

/** `GET /api/exams`: the published exams open to the caller (prerequisite met), with attempts left. */
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireApiUser(request)
  return Response.json({ exams: await listOpenExams({ user }) }, { headers: { 'Cache-Control': 'private, no-store' } })
}

export const action = methodNotAllowed
