import { getMeili } from './client'

/**
 * The answers of recent searches, each kept while its index stays as it was: the same search
 * (same request, same index version) is answered from memory instead of being ranked again. It is
 * what Solr's query result cache does (emptied when a commit opens a new searcher); Meilisearch has
 * none. Every search reads the index's version first (its `updatedAt`, which Meilisearch moves on
 * every change of documents or settings), so an answer is never older than the index the search
 * found: a write seen by the version check is seen by the search.
 */
type Entry = { version: string; answer: Promise<unknown> }

const MAX_ENTRIES = 200

type VersionRead = { running: Promise<string>; queued?: Promise<string> }
type Cache = { entries: Map<string, Entry>; pendingVersionReads: Map<string, VersionRead>; hits: number; misses: number; versionReads: number }

// The server runs two copies of this module (its own and the Remix build's): they share the cache.
const SHARED = Symbol.for('gtac.searchResultCache')
const shared = globalThis as typeof globalThis & { [SHARED]?: Cache }
const cache = () => (shared[SHARED] ??= { entries: new Map(), pendingVersionReads: new Map(), hits: 0, misses: 0, versionReads: 0 })

/** The index's version: Meilisearch's `updatedAt`, with nanoseconds, moved by every applied change. */
async function readIndexVersion(indexUid: string) {
  cache().versionReads += 1
  const info = await getMeili().index(indexUid).getRawInfo()
  return String(info.updatedAt)
}

/**
 * The index's version as read after the caller asked: concurrent searches share one read, but
 * never one that started before they arrived (it could miss a change made just before). A caller
 * arriving during a read waits for the next one, which all such callers share.
 */
function indexVersion(indexUid: string): Promise<string> {
  const read = cache().pendingVersionReads.get(indexUid)
  if (!read) return startVersionRead(indexUid)
  read.queued ??= read.running.then(
    () => startVersionRead(indexUid),
    () => startVersionRead(indexUid),
  )
  return read.queued
}

function startVersionRead(indexUid: string) {
  const pending = cache().pendingVersionReads
  const running: Promise<string> = readIndexVersion(indexUid).finally(() => {
    if (pending.get(indexUid)?.running === running) pending.delete(indexUid)
  })
  pending.set(indexUid, { running })
  return running
}

/**
 * `run()`'s answer to `request` on `indexUid`, from memory when the same request was answered on
 * the index as it is now. Answers are frozen (every caller shares them); a failed search is not kept.
 */
export async function cachedSearch<T>(indexUid: string, request: unknown, run: () => Promise<T>): Promise<T> {
  const version = await indexVersion(indexUid)
  const state = cache()
  const key = `${indexUid}\n${JSON.stringify(request)}`
  const entry = state.entries.get(key)
  if (entry?.version === version) {
    state.hits += 1
    // Most recently used last: the oldest entries go first when the cache is full.
    state.entries.delete(key)
    state.entries.set(key, entry)
    return entry.answer as Promise<T>
  }
  state.misses += 1
  const answer = run().then(deepFreeze)
  state.entries.delete(key)
  state.entries.set(key, { version, answer })
  if (state.entries.size > MAX_ENTRIES) state.entries.delete(state.entries.keys().next().value!)
  answer.catch(() => {
    if (state.entries.get(key)?.answer === answer) state.entries.delete(key)
  })
  return answer
}

/** How often searches were answered from memory, and how often the index's version was read (tests read it). */
export function searchCacheStats() {
  const { hits, misses, entries, versionReads } = cache()
  return { hits, misses, versionReads, entries: entries.size }
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value)
    for (const child of Object.values(value)) deepFreeze(child)
  }
  return value
}
