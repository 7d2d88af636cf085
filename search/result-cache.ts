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

// The server runs two copies of this module (its own and the Remix build's): they share the cache.
const SHARED = Symbol.for('gtac.searchResultCache')
const shared = globalThis as typeof globalThis & { [SHARED]?: { entries: Map<string, Entry>; hits: number; misses: number } }
const cache = () => (shared[SHARED] ??= { entries: new Map(), hits: 0, misses: 0 })

/** The index's version: Meilisearch's `updatedAt`, with nanoseconds, moved by every applied change. */
async function indexVersion(indexUid: string) {
  const info = await getMeili().index(indexUid).getRawInfo()
  return String(info.updatedAt)
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

/** How often searches were answered from memory (tests and the benchmark read it). */
export function searchCacheStats() {
  const { hits, misses, entries } = cache()
  return { hits, misses, entries: entries.size }
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value)
    for (const child of Object.values(value)) deepFreeze(child)
  }
  return value
}
