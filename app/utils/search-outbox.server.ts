import type { Prisma } from '~/generated/prisma/client'
import { getDb } from './db.server'

type Tx = Prisma.TransactionClient

/**
 * What the search indexes hold (search/indexed-entities.ts maps each to its index), and the
 * thesaurus (one row, id "all": the synonyms of every index).
 */
export type SearchEntity = 'case' | 'bulletin' | 'question' | 'thesaurus'

/** Called inside the transaction that changes the records, so the index update cannot be lost. */
export async function enqueueIndexing(tx: Tx, entity: SearchEntity, ids: Array<string | null | undefined>) {
  const entityIds = [...new Set(ids.filter((id): id is string => Boolean(id)))]
  if (entityIds.length === 0) return
  await tx.searchOutbox.createMany({ data: entityIds.map((entityId) => ({ entity, entityId })) })
}

export const enqueueCaseIndexing = (tx: Tx, caseIds: string[]) => enqueueIndexing(tx, 'case', caseIds)

export function countPendingIndexUpdates() {
  return getDb().searchOutbox.count()
}
