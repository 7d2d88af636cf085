import type { MultiSearchQueryWithFederation } from 'meilisearch'
import type { CaseDocument } from './case-document'
import { stemQuery } from './english-stems'
import { casesIndexName, getMeili } from './client'
import { federatedSearch } from './federated-search'
import { cachedSearch } from './result-cache'
import { rewriteThesaurusTerms } from './thesaurus-rewrites'

export type FacetName = 'modelId' | 'year' | 'system' | 'dtcs' | 'classic'

export type CaseSearchQuery = {
  q: string
  /** The facets to count (each costs Meilisearch ~2 ms over thousands of matches); all by default. */
  facets?: readonly FacetName[]
  modelId?: string
  year?: number
  system?: string
  dtc?: string
  classic?: boolean
  limit: number
  offset: number
}

export type TextPart = { text: string; hit: boolean }

export type CaseSearchHit = {
  id: string
  externalId: string | null
  title: string
  titleParts: TextPart[]
  modelId: string
  modelZh: string
  modelEn: string
  year: number
  system: string
  dtcs: string[]
  snippetParts: TextPart[]
  classic: boolean
  confirmCount: number
}

export type FacetDistribution = Record<FacetName, Record<string, number>>

export type CaseSearchResult = {
  hits: CaseSearchHit[]
  estimatedTotalHits: number
  processingTimeMs: number
  facets: FacetDistribution
}

/** Meilisearch marks matches with these control characters (never HTML, so nothing to escape). */
export const PRE = '\u0002'
export const POST = '\u0003'
const FACETS: readonly FacetName[] = ['modelId', 'year', 'system', 'dtcs', 'classic']
const SNIPPET_FIELDS = ['symptoms', 'rootCause', 'fix', 'diagnosis'] as const

const quote = (value: string) => `"${value.replace(/["\\]/g, '\\$&')}"`

export function buildCaseFilter(query: Omit<CaseSearchQuery, 'q' | 'limit' | 'offset' | 'facets'>) {
  const filter: string[] = []
  if (query.modelId) filter.push(`modelId = ${quote(query.modelId)}`)
  if (query.year) filter.push(`year = ${query.year}`)
  if (query.system) filter.push(`system = ${quote(query.system)}`)
  if (query.dtc) filter.push(`dtcs = ${quote(query.dtc.toUpperCase())}`)
  if (query.classic !== undefined) filter.push(`classic = ${query.classic}`)
  return filter
}

/** Meilisearch marks matches with control characters; split them into plain-text parts (never HTML). */
export function toTextParts(formatted: string): TextPart[] {
  const parts: TextPart[] = []
  for (const [index, segment] of formatted.split(PRE).entries()) {
    if (index === 0) {
      if (segment) parts.push({ text: segment, hit: false })
      continue
    }
    const [hit, rest = ''] = segment.split(POST)
    if (hit) parts.push({ text: hit, hit: true })
    if (rest) parts.push({ text: rest, hit: false })
  }
  return parts
}

/** The first of the fields with a match, or the first field when none has one. */
export function pickSnippet(formatted: Partial<Record<string, unknown>>, fields: readonly string[] = SNIPPET_FIELDS) {
  const texts = fields.map((field) => String(formatted[field] ?? ''))
  return texts.find((text) => text.includes(PRE)) ?? texts[0]
}

const DTC_WORD = /\b[PBCU][0-3][0-9A-F]{3}\b/gi

/**
 * A DTC differs from its neighbour by one character (P0171/P0172), so DTC-shaped words become
 * phrases: Meilisearch matches phrases exactly, without typo tolerance.
 */
export function quoteDtcWords(q: string) {
  if (q.includes('"')) return q
  return q.replace(DTC_WORD, (code) => `"${code.toUpperCase()}"`)
}

/** The query as Meilisearch takes it: thesaurus entries it cannot expand rewritten, DTCs quoted. */
export const searchableQuery = (q: string) => quoteDtcWords(rewriteThesaurusTerms(q))

/** The exact Meilisearch request behind a case search (benchmarks send it raw to compare). */
export function buildCaseSearchRequest(query: CaseSearchQuery) {
  const browsing = !query.q.trim()
  return {
    q: searchableQuery(query.q),
    filter: buildCaseFilter(query),
    facets: [...(query.facets ?? FACETS)],
    limit: query.limit,
    offset: query.offset,
    attributesToRetrieve: ['id', 'externalId', 'title', 'modelId', 'modelZh', 'modelEn', 'year', 'system', 'dtcs', 'classic', 'confirmCount'],
    // Browsing (no words) has nothing to mark, and its snippet is always the first field:
    // Meilisearch segments every field it formats (~2 ms a page of Chinese text).
    attributesToHighlight: browsing ? [] : ['title', ...SNIPPET_FIELDS],
    attributesToCrop: browsing ? [SNIPPET_FIELDS[0]] : [...SNIPPET_FIELDS],
    cropLength: 40,
    highlightPreTag: PRE,
    highlightPostTag: POST,
    sort: browsing ? ['approvedAt:desc'] : undefined,
  }
}

/**
 * The query and its variants, merged by a federated multi-search: when stemming changes it, its
 * stemmed form (which meets the documents' stemmed shadow), weighted lower so that the words as
 * typed rank first; when a thesaurus rewrite changed it, the words as typed, weighted lower too,
 * so that their own partial matches stay when no document mentions the rewritten group. The
 * variants search every field: restricting one to the shadow fails on an index without documents yet.
 */
export function withQueryVariants<T extends MultiSearchQueryWithFederation>(query: T, typed: string): MultiSearchQueryWithFederation[] {
  const variants: MultiSearchQueryWithFederation[] = [query]
  const stemmed = stemQuery(query.q ?? '')
  if (stemmed) variants.push({ ...query, q: stemmed, federationOptions: { weight: STEMMED_WEIGHT } })
  const asTyped = quoteDtcWords(typed)
  if (asTyped.trim() && asTyped !== query.q) variants.push({ ...query, q: asTyped, federationOptions: { weight: AS_TYPED_WEIGHT } })
  return variants
}

const STEMMED_WEIGHT = 0.7
const AS_TYPED_WEIGHT = 0.8

/**
 * The Meilisearch call behind a case search: one search, or (with variants) the searches merged
 * by a federated multi-search. Benchmarks send it raw.
 */
export function caseSearchCall(query: CaseSearchQuery) {
  const request = buildCaseSearchRequest(query)
  const index = casesIndexName()
  const { q, limit, offset, facets, sort, ...display } = request
  const queries = sort ? [] : withQueryVariants({ indexUid: index, q, ...display }, query.q)
  if (queries.length < 2) return { path: `/indexes/${index}/search`, body: request } as const
  return { path: '/multi-search', body: { federation: { limit, offset, facetsByIndex: { [index]: facets } }, queries } } as const
}

async function runCaseSearch(query: CaseSearchQuery) {
  const index = casesIndexName()
  const call = caseSearchCall(query)
  return cachedSearch(index, call, () => sendCaseSearch(index, call))
}

async function sendCaseSearch(index: string, call: ReturnType<typeof caseSearchCall>) {
  if (call.path === '/multi-search') {
    const response = await federatedSearch<CaseDocument>(call.body)
    return { hits: response.hits, estimatedTotalHits: response.estimatedTotalHits ?? 0, facetDistribution: response.facetsByIndex?.[index]?.distribution }
  }
  const { q, ...options } = call.body
  const response = await getMeili().index<CaseDocument>(index).search(q, options)
  return { hits: response.hits, estimatedTotalHits: response.estimatedTotalHits ?? 0, facetDistribution: response.facetDistribution }
}

/** Search as the API and the search page use it. */
export async function searchCases(query: CaseSearchQuery): Promise<CaseSearchResult> {
  const started = performance.now()
  const response = await runCaseSearch(query)
  const hits: CaseSearchHit[] = response.hits.map((hit) => {
    const formatted = (hit._formatted ?? {}) as Partial<Record<string, unknown>>
    return {
      id: hit.id,
      externalId: hit.externalId ?? null,
      title: hit.title,
      titleParts: toTextParts(String(formatted.title ?? hit.title)),
      modelId: hit.modelId,
      modelZh: hit.modelZh,
      modelEn: hit.modelEn,
      year: hit.year,
      system: hit.system,
      dtcs: hit.dtcs,
      snippetParts: toTextParts(pickSnippet(formatted)),
      classic: hit.classic,
      confirmCount: hit.confirmCount,
    }
  })
  return {
    hits,
    estimatedTotalHits: response.estimatedTotalHits,
    // What this search took, answered from memory or not (Meilisearch's figure would be the first answer's).
    processingTimeMs: Math.round(performance.now() - started),
    facets: { modelId: {}, year: {}, system: {}, dtcs: {}, classic: {}, ...(response.facetDistribution ?? {}) } as FacetDistribution,
  }
}
