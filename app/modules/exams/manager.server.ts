import { requireUser } from '~/utils/auth.server'
import { invariantResponse } from '~/utils/permissions.server'
import { canManageExams } from './access'

/** For the trainer pages: signed in (else to the sign-in page) and a trainer or admin (else 403). */
export async function requireExamManager(request: Request) {
  const user = await requireUser(request)
  invariantResponse(canManageExams(user), 'Forbidden', 403)
  return user
}
