import { withAdvisoryLock } from '../app/utils/advisory-lock.server'
import { getDb } from '../app/utils/db.server'
import { applyChanges } from './case-index'
import { applyThesaurus, entityIndexes, isIndexedEntity } from './indexed-entities'

const THESAURUS = 'thesaurus'

/**
 * Moves one batch of outbox rows into Meilisearch, each entity into its own index. Rows are
 * deleted only after Meilisearch has applied the change, so a crash or an outage leaves them for
 * the next run.
 */
export async function drainOutboxBatch(batchSize = 500) {
  const db = getDb()
  const rows = await db.searchOutbox.findMany({ orderBy: { id: 'asc' }, take: batchSize, select: { id: true, entity: true, entityId: true } })
  if (rows.length === 0) return 0
  const idsByEntity = new Map<string, Set<string>>()
  for (const row of rows) idsByEntity.set(row.entity, (idsByEntity.get(row.entity) ?? new Set()).add(row.entityId))
  await Promise.all(
    [...idsByEntity].map(async ([entity, ids]) => {
      if (entity === THESAURUS) return applyThesaurus()
      // A row of an entity this version does not index has nothing to do; it is dropped with the batch.
      if (!isIndexedEntity(entity)) return
      const target = entityIndexes[entity]
      const { documents, deletedIds } = await target.load([...ids])
      await applyChanges(target.indexName(), documents, deletedIds)
    }),
  )
  await db.searchOutbox.deleteMany({ where: { id: { in: rows.map((row) => row.id) } } })
  return rows.length
}

// One drain at a time across every node: two drains could otherwise load the same case at two
// versions and apply the older one last, leaving a stale document in the index.
export const OUTBOX_LOCK = 7_243_001

/** Empties the outbox, after any drain under way (on any node) has finished. */
export async function drainOutbox(batchSize = 500) {
  const drained = await withAdvisoryLock(OUTBOX_LOCK, { wait: true }, () => drainAll(batchSize))
  return drained.ran ? drained.value : 0
}

/** Empties the outbox unless another process is doing it (then `null`: that one will). */
export async function drainOutboxUnlessBusy(batchSize = 500) {
  const drained = await withAdvisoryLock(OUTBOX_LOCK, { wait: false }, () => drainAll(batchSize))
  return drained.ran ? drained.value : null
}

async function drainAll(batchSize: number) {
  let total = 0
  for (let drained = await drainOutboxBatch(batchSize); drained > 0; drained = await drainOutboxBatch(batchSize)) {
    total += drained
  }
  return total
}

export type OutboxIndexer = { stop: () => Promise<void>; lastError: () => string | null }

/** Polls the outbox (an empty poll is one indexed query) and backs off while Meilisearch is unreachable. */
export function startOutboxIndexer({
  pollMs = 250,
  maxBackoffMs = 30_000,
  prepare = async () => {},
  log = console.warn as (line: string) => void,
}: { pollMs?: number; maxBackoffMs?: number; prepare?: () => Promise<unknown>; log?: (line: string) => void } = {}): OutboxIndexer {
  let stopped = false
  let timer: NodeJS.Timeout | undefined
  let running: Promise<void> | undefined
  let failures = 0
  let lastError: string | null = null
  let prepared = false

  const schedule = (delay: number) => {
    if (stopped) return
    clearTimeout(timer)
    timer = setTimeout(run, delay)
  }
  const run = () => {
    if (running) return
    running = (prepared ? Promise.resolve() : prepare().then(() => void (prepared = true)))
      .then(() => drainOutboxUnlessBusy())
      .then(() => {
        if (failures > 0) log('search indexer: Meilisearch is back, the index has caught up')
        failures = 0
        lastError = null
        schedule(pollMs)
      })
      .catch((error: Error) => {
        failures += 1
        lastError = error.message
        if (failures === 1) log(`search indexer: ${error.message}; retrying with backoff`)
        schedule(Math.min(maxBackoffMs, pollMs * 2 ** failures))
      })
      .finally(() => {
        running = undefined
      })
  }
  schedule(0)
  return {
    stop: async () => {
      stopped = true
      clearTimeout(timer)
      await running
    },
    lastError: () => lastError,
  }
}
