import type { Task } from 'meilisearch'
import { getBulkSql } from '../app/utils/bulk-sql.server'
import type { CaseDocument } from './case-document'
import { casesIndexName, getMeili } from './client'

export type CaseIndexChange = { documents: CaseDocument[]; deletedIds: string[]; outboxIds: string[] }

type Sent = { taskUids: number[]; outboxIds: string[]; count: number }

const FINISHED = new Set<Task['status']>(['succeeded', 'failed', 'canceled'])

/**
 * Feeds a stream of case changes to Meilisearch without waiting for each to be indexed, so the
 * caller's next PostgreSQL write overlaps with indexing. Changes are gathered into tasks of
 * `batchSize` documents: Meilisearch's cost per document falls steeply with the size of the
 * batch it indexes (on 100,000 cases: ~0.42 ms of CPU per document in batches of 2,000, ~0.18 ms
 * in batches of 25,000), and on a small machine that CPU is taken from the writer. A batch's
 * outbox rows are deleted once its tasks have succeeded; anything unconfirmed (a crash, an
 * outage, a failed task) stays in the outbox for the indexer.
 */
export function openCaseIndexStream({
  indexName = casesIndexName(),
  batchSize = 25_000,
  maxUnfinishedBatches = 2,
  pollMs = 200,
}: { indexName?: string; batchSize?: number; maxUnfinishedBatches?: number; pollMs?: number } = {}) {
  const meili = getMeili()
  const index = meili.index<CaseDocument>(indexName)
  let buffer: CaseIndexChange = { documents: [], deletedIds: [], outboxIds: [] }
  const unfinished: Sent[] = []
  let failure: Error | null = null
  let indexed = 0
  let polling: Promise<void> | undefined
  let progressed: (() => void) | undefined

  const fail = (error: Error) => {
    failure ??= error
    unfinished.length = 0
  }

  /** Confirms the oldest batches whose tasks have all finished; Meilisearch runs an index's tasks in order. */
  const confirmFinished = async () => {
    const uids = unfinished.flatMap((sent) => sent.taskUids)
    const { results } = await meili.tasks.getTasks({ uids, limit: uids.length })
    const byUid = new Map(results.map((task) => [task.uid, task]))
    while (unfinished.length > 0) {
      const tasks = unfinished[0].taskUids.map((uid) => byUid.get(uid))
      if (!tasks.every((task) => task && FINISHED.has(task.status))) return
      const failed = tasks.find((task) => task!.status !== 'succeeded')
      if (failed) throw new Error(`Meilisearch task ${failed.uid} ${failed.status}: ${failed.error?.message ?? ''}`)
      const done = unfinished[0]
      await getBulkSql().query('delete from "SearchOutbox" where "id" = any($1::bigint[])', [done.outboxIds])
      unfinished.shift()
      indexed += done.count
    }
  }

  const poll = async () => {
    while (unfinished.length > 0 && !failure) {
      await new Promise((resolve) => setTimeout(resolve, pollMs))
      await confirmFinished().catch(fail)
      progressed?.()
    }
    polling = undefined
  }

  const flush = async () => {
    while (!failure && unfinished.length >= maxUnfinishedBatches) {
      await new Promise<void>((resolve) => (progressed = resolve))
    }
    const { documents, deletedIds, outboxIds } = buffer
    buffer = { documents: [], deletedIds: [], outboxIds: [] }
    if (failure || outboxIds.length === 0) return
    try {
      const taskUids: number[] = []
      if (documents.length > 0) taskUids.push((await index.addDocuments(documents, { primaryKey: 'id' })).taskUid)
      if (deletedIds.length > 0) taskUids.push((await index.deleteDocuments(deletedIds)).taskUid)
      unfinished.push({ taskUids, outboxIds, count: documents.length + deletedIds.length })
      polling ??= poll()
    } catch (error) {
      fail(error as Error)
    }
  }

  return {
    /**
     * Adds changes to the next batch; once it is full, resolves when Meilisearch has accepted it
     * (after waiting while `maxUnfinishedBatches` are still being indexed). After a failure it
     * does nothing (see `failure`).
     */
    async send(change: CaseIndexChange) {
      if (failure) return
      buffer.documents.push(...change.documents)
      buffer.deletedIds.push(...change.deletedIds)
      buffer.outboxIds.push(...change.outboxIds)
      if (buffer.documents.length + buffer.deletedIds.length >= batchSize) await flush()
    },
    /** Sends what is gathered and resolves when every batch is indexed and confirmed, or the stream has failed. */
    async finish() {
      await flush()
      while (polling) await polling
    },
    failure: () => failure,
    /** Changes Meilisearch has applied and confirmed so far. */
    indexed: () => indexed,
  }
}

export type CaseIndexStream = ReturnType<typeof openCaseIndexStream>
