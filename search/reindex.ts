import { getDb } from '../app/utils/db.server'
import { caseDocumentSelect, toCaseDocument } from './case-document'
import { applyCaseChanges, ensureCaseIndex } from './case-index'
import { casesIndexName, getMeili } from './client'

const PAGE = 2000

/**
 * Rebuilds the cases index from PostgreSQL into a fresh index, then swaps it in: searches keep
 * working on the old index until the new one is complete.
 */
export async function reindexCases(log: (line: string) => void = () => {}) {
  const live = casesIndexName()
  const next = `${live}_rebuild`
  const meili = getMeili()
  await meili.deleteIndexIfExists(next)
  await ensureCaseIndex(live)
  await ensureCaseIndex(next)

  let cursor: string | undefined
  let total = 0
  for (;;) {
    const rows = await getDb().repairCase.findMany({
      where: { status: { in: ['APPROVED', 'CLASSIC'] } },
      orderBy: { id: 'asc' },
      take: PAGE,
      ...(cursor ? { skip: 1, cursor: { id: cursor } } : {}),
      select: caseDocumentSelect,
    })
    if (rows.length === 0) break
    await applyCaseChanges(rows.map(toCaseDocument), [], next)
    total += rows.length
    cursor = rows.at(-1)!.id
    log(`… ${total} cases indexed`)
  }
  const swap = await meili.swapIndexes([{ indexes: [live, next], rename: false }]).waitTask({ timeout: 120_000 })
  if (swap.status !== 'succeeded') throw new Error(`index swap failed: ${swap.error?.message}`)
  await meili.deleteIndexIfExists(next)
  return total
}
