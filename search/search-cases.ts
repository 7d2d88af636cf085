import { dtcsInQuery } from '../app/utils/vehicle-codes'
import type { CaseDocument } from './case-document'
import { casesIndexName, getMeili } from './client'

export type CaseSearchQuery = {
  q: string
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

export type FacetDistribution = Record<'modelId' | 'year' | 'system' | 'dtcs' | 'classic', Record<string, number>>

export type CaseSearchResult = {
  hits: CaseSearchHit[]
  estimatedTotalHits: number
  processingTimeMs: number
  facets: FacetDistribution
}

const PRE = '\u0002'
const POST = '\u0003'
const FACETS = ['modelId', 'year', 'system', 'dtcs', 'classic'] as const
const SNIPPET_FIELDS = ['symptoms', 'rootCause', 'fix', 'diagnosis'] as const

const quote = (value: string) => `"${value.replace(/["\\]/g, '\\$&')}"`

export function buildCaseFilter(query: Omit<CaseSearchQuery, 'q' | 'limit' | 'offset'>) {
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

function pickSnippet(formatted: Partial<Record<string, unknown>>) {
  const texts = SNIPPET_FIELDS.map((field) => String(formatted[field] ?? ''))
  return texts.find((text) => text.includes(PRE)) ?? texts[0]
}

/** Search as the API and the search page use it; DTC-shaped words in the query also match the DTC list exactly. */
export async function searchCases(query: CaseSearchQuery): Promise<CaseSearchResult> {
  const index = getMeili().index<CaseDocument>(casesIndexName())
  const response = await index.search(query.q, {
    filter: buildCaseFilter(query),
    facets: [...FACETS],
    limit: query.limit,
    offset: query.offset,
    attributesToRetrieve: ['id', 'externalId', 'title', 'modelId', 'modelZh', 'modelEn', 'year', 'system', 'dtcs', 'classic', 'confirmCount'],
    attributesToHighlight: ['title', ...SNIPPET_FIELDS],
    attributesToCrop: SNIPPET_FIELDS.map((field) => field),
    cropLength: 40,
    highlightPreTag: PRE,
    highlightPostTag: POST,
    sort: query.q.trim() ? undefined : ['approvedAt:desc'],
  })
  const dtcWords = new Set(dtcsInQuery(query.q))
  const hits = response.hits.map((hit) => {
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
      exactDtc: hit.dtcs.some((code) => dtcWords.has(code)),
    }
  })
  // Meilisearch ranks by words first; a case that carries a queried DTC belongs on top of its page.
  const ordered = dtcWords.size > 0 ? [...hits.filter((hit) => hit.exactDtc), ...hits.filter((hit) => !hit.exactDtc)] : hits
  return {
    hits: ordered.map(({ exactDtc: _exactDtc, ...hit }) => hit),
    estimatedTotalHits: response.estimatedTotalHits ?? 0,
    processingTimeMs: response.processingTimeMs,
    facets: { modelId: {}, year: {}, system: {}, dtcs: {}, classic: {}, ...(response.facetDistribution ?? {}) } as FacetDistribution,
  }
}
