import { applyChanges, ensureIndex } from './case-index'
import { getMeili } from './client'
import { entityIndexes, type IndexedEntity } from './indexed-entities'

const PAGE = 2000

/**
 * Rebuilds one entity's index from PostgreSQL into a fresh index, then swaps it in: searches keep
 * working on the old index until the new one is complete.
 */
export async function reindexEntity(entity: IndexedEntity, log: (line: string) => void = () => {}) {
  const target = entityIndexes[entity]
  const live = target.indexName()
  const next = `${live}_rebuild`
  const meili = getMeili()
  await meili.deleteIndexIfExists(next)
  await ensureIndex(live, target.settings)
  await ensureIndex(next, target.settings)

  let total = 0
  for (let ids = await target.listIds(undefined, PAGE); ids.length > 0; ids = await target.listIds(ids.at(-1), PAGE)) {
    const { documents } = await target.load(ids)
    await applyChanges(next, documents, [])
    total += documents.length
    log(`… ${total} ${entity} documents indexed`)
  }
  const swap = await meili.swapIndexes([{ indexes: [live, next], rename: false }]).waitTask({ timeout: 120_000 })
  if (swap.status !== 'succeeded') throw new Error(`index swap failed: ${swap.error?.message}`)
  await meili.deleteIndexIfExists(next)
  return total
}


/** Rebuilds every index; returns the documents indexed per entity. */
export async function reindexAll(log?: (line: string) => void) {
  const totals: Partial<Record<IndexedEntity, number>> = {}
  for (const entity of Object.keys(entityIndexes) as IndexedEntity[]) totals[entity] = await reindexEntity(entity, log)
  return totals as Record<IndexedEntity, number>
}
