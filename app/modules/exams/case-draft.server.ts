import { classicCaseWithPeers } from '~/modules/cases/case-peers.server'
import type { SessionUser } from '~/utils/session-user'
import { canManageExams } from './access'
import { draftQuestionFromCase } from './case-draft'

/** A question drafted from a classic case, for trainers and admins; null when the case is not a classic one they can see. */
export async function draftQuestionFromCaseId({ user, caseId }: { user: Pick<SessionUser, 'id' | 'role' | 'stationId'>; caseId: string }) {
  if (!canManageExams(user)) return null
  const source = await classicCaseWithPeers({ user, caseId })
  return source ? { caseId: source.id, caseTitle: source.title, question: draftQuestionFromCase(source) } : null
}
