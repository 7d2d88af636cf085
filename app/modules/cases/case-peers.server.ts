import type { SessionUser } from '~/utils/session-user'
import { getDb } from '~/utils/db.server'
import { caseVisibilityWhere } from './case.server'

/**
 * A classic case's texts with the root causes of other published cases of the same system:
 * what a trainer needs to draft an exam question from it. Null unless the case is classic and
 * visible to the user.
 */
export async function classicCaseWithPeers({ user, caseId, peers = 12 }: { user: Pick<SessionUser, 'id' | 'role' | 'stationId'>; caseId: string; peers?: number }) {
  const db = getDb()
  const record = await db.repairCase.findFirst({
    where: { AND: [{ id: caseId, status: 'CLASSIC' }, caseVisibilityWhere(user)] },
    select: { id: true, title: true, language: true, systemCode: true, dtcs: true, symptomsText: true, rootCauseText: true, fixText: true },
  })
  if (!record) return null
  const others = await db.repairCase.findMany({
    where: { systemCode: record.systemCode, id: { not: record.id }, status: { in: ['APPROVED', 'CLASSIC'] }, NOT: { rootCauseText: '' } },
    orderBy: [{ status: 'desc' }, { confirmCount: 'desc' }, { approvedAt: 'desc' }],
    take: peers,
    select: { rootCauseText: true },
  })
  return { ...record, otherRootCauses: others.map((other) => other.rootCauseText) }
}
