import type { Prisma } from '~/generated/prisma/client'
import { getDb } from './db.server'

type Tx = Prisma.TransactionClient

/** Called inside the transaction that changes a case, so the index update cannot be lost. */
export async function enqueueCaseIndexing(tx: Tx, caseIds: string[]) {
  if (caseIds.length === 0) return
  await tx.searchOutbox.createMany({ data: caseIds.map((entityId) => ({ entity: 'case', entityId })) })
}

export function countPendingIndexUpdates() {
  return getDb().searchOutbox.count()
}
