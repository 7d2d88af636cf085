import crypto from 'node:crypto'
import { getMeili, indexName } from './client'

/**
 * Meilisearch looks a query up in the synonyms only one, two or three neighbouring words at a
 * time, so a thesaurus entry that its tokenizer cuts into more words (车往一边跑, "pulls to one
 * side", and standard terms such as 发动机异响) never expands. The portal asks Meilisearch which
 * entries do not expand, on a small probe index, and rewrites them in queries into a word of
 * the same group that does (which brings back the word as typed too).
 */
type Rule = { term: string; replacement: string }
type Synonyms = Record<string, string[]>
/** `pending`: a thesaurus applied but not learned yet; `eager`: this process learns it at once (the server). */
type Rewrites = { fingerprint: string; rules: Rule[]; learning: Promise<void>; pending?: Synonyms; eager: boolean }

// The server runs two copies of this module (its own and the Remix build's): they share the rules.
const SHARED = Symbol.for('gtac.thesaurusRewrites')
const shared = globalThis as typeof globalThis & { [SHARED]?: Rewrites }
const state = () => (shared[SHARED] ??= { fingerprint: '', rules: [], learning: Promise.resolve(), eager: false })

const TASK_WAIT = { timeout: 120_000, interval: 50 }
const ASCII_WORD = /^[\x20-\x7e]+$/
const isWordChar = (char: string | undefined) => char !== undefined && /[a-z0-9]/i.test(char)

const mustSucceed = (task: { uid: number; status: string }) => {
  if (task.status !== 'succeeded') throw new Error(`task ${task.uid} ${task.status}`)
}

const fingerprintOf = (synonyms: Synonyms) => crypto.createHash('sha1').update(JSON.stringify(synonyms)).digest('hex')

/** The query with every entry that Meilisearch cannot expand replaced by one that it can. */
export function rewriteThesaurusTerms(q: string) {
  if (state().pending) void thesaurusRewritesLearned()
  return rewriteQuery(q, state().rules)
}

/** What search looks for instead of this entry, when Meilisearch cannot expand it. */
export const thesaurusRewriteOf = (term: string) => state().rules.find((rule) => rule.term === term.toLowerCase())?.replacement ?? null

/** `rules` longest term first; terms lower-case. Replacements never overlap. */
export function rewriteQuery(q: string, rules: Rule[]) {
  if (rules.length === 0 || !q) return q
  const lower = q.toLowerCase()
  const taken = new Array<boolean>(q.length).fill(false)
  const found: Array<{ start: number; end: number; replacement: string }> = []
  for (const { term, replacement } of rules) {
    for (let start = lower.indexOf(term); start !== -1; start = lower.indexOf(term, start + 1)) {
      const end = start + term.length
      // English entries match whole words; Chinese ones anywhere (the query has no spaces).
      if (ASCII_WORD.test(term) && (isWordChar(lower[start - 1]) || isWordChar(lower[end]))) continue
      if (taken.slice(start, end).some(Boolean)) continue
      taken.fill(true, start, end)
      found.push({ start, end, replacement })
    }
  }
  if (found.length === 0) return q
  found.sort((a, b) => a.start - b.start)
  let out = ''
  let at = 0
  for (const { start, end, replacement } of found) {
    out += `${q.slice(at, start)} ${replacement} `
    at = end
  }
  return `${out}${q.slice(at)}`.replace(/\s+/g, ' ').trim()
}

type ProbeHit = { id: number }
type Learned = { id: typeof LEARNED_ID; fingerprint: string; rules: Rule[] }
const LEARNED_ID = 'learned'
const probeIndexName = () => indexName('thesaurus_probe')
const PROBE_BATCH = 50

/**
 * Called with each thesaurus put into the indexes. The server learns its rewrites at once; other
 * processes (the import, the re-index) only when they search, so they never probe for nothing.
 */
export function noteThesaurus(synonyms: Synonyms) {
  const current = state()
  current.pending = synonyms
  if (current.eager) void thesaurusRewritesLearned()
}

/** This process serves searches: it learns every thesaurus as soon as it is applied. */
export function learnThesaurusRewritesEagerly() {
  state().eager = true
  void thesaurusRewritesLearned()
}

/** Starts learning the thesaurus last applied, if needed; resolves once its rules are in place (tests wait for it). */
export function thesaurusRewritesLearned() {
  const current = state()
  const synonyms = current.pending
  if (synonyms) {
    current.pending = undefined
    current.learning = current.learning.then(() =>
      learn(synonyms).catch((error: unknown) => console.warn(`thesaurus probe failed, rewrites unchanged: ${(error as Error).message}`)),
    )
  }
  return current.learning
}

/**
 * Finds the entries of these synonyms that do not expand, once per thesaurus version (the result
 * is kept in the probe index for the next start): each word of the thesaurus is a document of the
 * probe index and each entry is searched there; an entry that misses one of its alternatives does
 * not expand. Its replacement is the entry that reaches most of them (same script first, then the
 * shortest). One at a time (they share the probe index); a failure keeps the rules there were.
 */
async function learn(synonyms: Synonyms) {
  if (await adoptLearnedRewrites(synonyms)) return
  const fingerprint = fingerprintOf(synonyms)
  const rules = await probe(synonyms)
  const index = getMeili().index(probeIndexName())
  mustSucceed(await index.addDocuments([{ id: LEARNED_ID, fingerprint, rules } satisfies Learned]).waitTask(TASK_WAIT))
  Object.assign(state(), { fingerprint, rules })
}

/**
 * Takes the rewrites already learned for these synonyms (by this process, or kept in the probe
 * index by another); false when there are none yet. Never probes.
 */
export async function adoptLearnedRewrites(synonyms: Synonyms) {
  const fingerprint = fingerprintOf(synonyms)
  const current = state()
  if (current.fingerprint === fingerprint) return true
  const kept = await getMeili().index(probeIndexName()).getDocument<Learned>(LEARNED_ID).catch(() => null)
  if (kept?.fingerprint !== fingerprint) return false
  Object.assign(current, { fingerprint, rules: kept.rules })
  return true
}

async function probe(synonyms: Synonyms): Promise<Rule[]> {
  const words = [...new Set(Object.entries(synonyms).flatMap(([word, others]) => [word, ...others]))]
  const idOf = new Map(words.map((word, id) => [word, id]))
  const name = probeIndexName()
  const meili = getMeili()
  await meili.createIndex(name, { primaryKey: 'id' }).waitTask(TASK_WAIT)
  const index = meili.index(name)
  mustSucceed(await index.updateSettings({ searchableAttributes: ['text'], typoTolerance: { enabled: false } }).waitTask(TASK_WAIT))
  mustSucceed(await index.deleteAllDocuments().waitTask(TASK_WAIT))
  mustSucceed(await index.addDocuments(words.map((text, id) => ({ id, text }))).waitTask(TASK_WAIT))
  const entries = Object.entries(synonyms)
  const reach = new Map<string, Set<number>>()
  // A few entries at a time: whether an entry expands does not depend on the others, and every
  // search reads the whole synonyms map (~7 ms a search with the full thesaurus, ~1 ms with 50).
  for (let start = 0; start < entries.length; start += PROBE_BATCH) {
    const batch = entries.slice(start, start + PROBE_BATCH)
    mustSucceed(await index.updateSynonyms(Object.fromEntries(batch)).waitTask(TASK_WAIT))
    const { results } = await meili.multiSearch({
      queries: batch.map(([word]) => ({ indexUid: name, q: word, matchingStrategy: 'all' as const, limit: 1000, attributesToRetrieve: ['id'] })),
    })
    for (const [i, [word]] of batch.entries()) reach.set(word, new Set((results[i].hits as ProbeHit[]).map((hit) => hit.id)))
  }
  const covered = (word: string, targets: string[]) => targets.filter((target) => reach.get(word)?.has(idOf.get(target)!)).length
  const rules: Rule[] = []
  for (const [word, others] of entries) {
    if (covered(word, others) === others.length) continue
    const group = [word, ...others]
    const sameScript = (other: string) => ASCII_WORD.test(other) === ASCII_WORD.test(word)
    const best = others
      .filter((other) => reach.has(other))
      .map((other) => ({ other, score: covered(other, group) }))
      .sort((a, b) => b.score - a.score || Number(sameScript(b.other)) - Number(sameScript(a.other)) || a.other.length - b.other.length)[0]
    if (best && best.score > covered(word, group)) rules.push({ term: word, replacement: best.other })
  }
  return rules.sort((a, b) => b.term.length - a.term.length)
}
