import { getDb } from '~/utils/db.server'
import { enqueueCaseIndexing } from '~/utils/search-outbox.server'
import type { SessionUser } from '~/utils/session-user'
import { searchCasesWithFallback } from './case-search.server'

type Curator = Pick<SessionUser, 'id' | 'role'>

/** Engineers and admins merge duplicates. */
export const mayMergeCases = (user: Pick<SessionUser, 'role'>) => user.role === 'ENGINEER' || user.role === 'ADMIN'

export type MergeOutcome = { ok: true } | { ok: false; reason: 'forbidden' | 'not-found' | 'same-case' | 'already-merged' }

/**
 * Merges a duplicate into the case that stays: confirmations (one per person) and comments move
 * over, cases merged into the duplicate earlier now point at the one that stays, the duplicate
 * leaves the search and its page leads to the other. All in one transaction.
 */
export async function mergeCases({ user, duplicateId, intoId, now = new Date() }: { user: Curator; duplicateId: string; intoId: string; now?: Date }): Promise<MergeOutcome> {
  if (!mayMergeCases(user)) return { ok: false, reason: 'forbidden' }
  if (duplicateId === intoId) return { ok: false, reason: 'same-case' }
  return getDb().$transaction(async (tx) => {
    // Both rows locked in a fixed order, so two merges of the same pair cannot interleave.
    const rows = await tx.$queryRaw<Array<{ id: string; mergedIntoId: string | null }>>`
      SELECT id, "mergedIntoId" FROM "RepairCase" WHERE id IN (${duplicateId}, ${intoId}) ORDER BY id FOR UPDATE`
    const duplicate = rows.find((row) => row.id === duplicateId)
    const into = rows.find((row) => row.id === intoId)
    if (!duplicate || !into) return { ok: false, reason: 'not-found' } as const
    if (duplicate.mergedIntoId || into.mergedIntoId) return { ok: false, reason: 'already-merged' } as const
    await tx.$executeRaw`
      INSERT INTO "CaseConfirmation" ("caseId", "userId", "createdAt")
      SELECT ${intoId}, "userId", "createdAt" FROM "CaseConfirmation" WHERE "caseId" = ${duplicateId}
      ON CONFLICT DO NOTHING`
    await tx.caseConfirmation.deleteMany({ where: { caseId: duplicateId } })
    await tx.caseComment.updateMany({ where: { caseId: duplicateId }, data: { caseId: intoId } })
    await tx.repairCase.updateMany({ where: { mergedIntoId: duplicateId }, data: { mergedIntoId: intoId } })
    const confirmCount = await tx.caseConfirmation.count({ where: { caseId: intoId } })
    await tx.repairCase.update({ where: { id: intoId }, data: { confirmCount }, select: { id: true } })
    await tx.repairCase.update({ where: { id: duplicateId }, data: { mergedIntoId: intoId, mergedAt: now, confirmCount: 0 }, select: { id: true } })
    await enqueueCaseIndexing(tx, [duplicateId, intoId])
    return { ok: true } as const
  })
}

/**
 * Published cases that look like this one, for the engineer deciding what to merge: its codes
 * then its title as the query (Meilisearch drops words from the end until cases match, so the
 * codes stay), the same first DTC.
 */
export async function duplicateCandidates(record: { id: string; title: string; dtcs: string[]; model: { id: string } }, take = 5) {
  const found = await searchCasesWithFallback({ q: [...record.dtcs, record.title].join(' ').slice(0, 200), dtc: record.dtcs[0], limit: take + 1, offset: 0, facets: [] })
  return found.hits.filter((hit) => hit.id !== record.id).slice(0, take).map((hit) => ({ id: hit.id, title: hit.title, modelZh: hit.modelZh, modelEn: hit.modelEn, year: hit.year, sameModel: hit.modelId === record.model.id, confirmCount: hit.confirmCount }))
}
