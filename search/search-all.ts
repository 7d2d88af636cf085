import type { MultiSearchQueryWithFederation } from 'meilisearch'
import { ANYONE, type BulletinDocument } from './bulletin-document'
import type { CaseDocument } from './case-document'
import { federatedSearch } from './federated-search'
import { bulletinsIndexName, casesIndexName, questionsIndexName } from './client'
import type { QuestionDocument } from './question-document'
import type { HitType, SearchType } from './search-types'
import { pickSnippet, POST, PRE, searchableQuery, toTextParts, withQueryVariants, type TextPart } from './search-cases'


/** Whose bulletins a search may show: a reader's audience, or all of them (those who write bulletins). */
export type BulletinViewer = { role: string; region: string | null; stationCode: string | null } | 'all-bulletins'

export type SiteSearchQuery = { q: string; type: SearchType; bulletinViewer: BulletinViewer; limit: number; offset: number; now?: Date }

type CommonHit = { id: string; title: string; titleParts: TextPart[]; snippetParts: TextPart[]; dtcs: string[] }
export type SiteHit =
  | (CommonHit & { type: 'case'; modelZh: string; modelEn: string; year: number; system: string; classic: boolean })
  | (CommonHit & { type: 'bulletin'; number: number; bulletinType: string; requiresAck: boolean; publishedAt: number })
  | (CommonHit & { type: 'question'; modelZh: string; modelEn: string; solved: boolean; answerCount: number })

export type SiteSearchResult = { hits: SiteHit[]; estimatedTotalHits: number; processingTimeMs: number }

const quote = (value: string) => `"${value.replace(/["\\]/g, '\\$&')}"`
const oneOf = (field: string, value: string | null) => (value === null ? `${field} = ${quote(ANYONE)}` : `${field} IN [${quote(ANYONE)}, ${quote(value)}]`)

/** Published, not expired, not replaced, and (for a reader) addressed to them: the same rule as the bulletin list. */
export function bulletinVisibilityFilter(viewer: BulletinViewer, now = new Date()) {
  const seconds = Math.floor(now.getTime() / 1000)
  const filter = [`publishedAt <= ${seconds}`, `expiresAt > ${seconds}`, `supersededAt > ${seconds}`]
  if (viewer === 'all-bulletins') return filter
  return [...filter, oneOf('audienceRoles', viewer.role), oneOf('audienceRegions', viewer.region), oneOf('audienceStations', viewer.stationCode)]
}

const CASE_SNIPPETS = ['symptoms', 'rootCause', 'fix', 'diagnosis'] as const
const BULLETIN_SNIPPETS = ['body'] as const
const QUESTION_SNIPPETS = ['body', 'acceptedAnswer'] as const

const display = (snippets: readonly string[]) => ({
  attributesToHighlight: ['title', ...snippets],
  attributesToCrop: [...snippets],
  cropLength: 40,
  highlightPreTag: PRE,
  highlightPostTag: POST,
})

/** The per-index queries behind a search (the benchmark sends them raw to compare). */
export function buildSiteSearchQueries(query: Omit<SiteSearchQuery, 'limit' | 'offset'>): MultiSearchQueryWithFederation[] {
  const q = searchableQuery(query.q)
  const queries: Record<HitType, MultiSearchQueryWithFederation> = {
    case: {
      indexUid: casesIndexName(),
      q,
      attributesToRetrieve: ['id', 'title', 'modelZh', 'modelEn', 'year', 'system', 'dtcs', 'classic'],
      ...display(CASE_SNIPPETS),
    },
    bulletin: {
      indexUid: bulletinsIndexName(),
      q,
      filter: bulletinVisibilityFilter(query.bulletinViewer, query.now),
      attributesToRetrieve: ['id', 'number', 'title', 'type', 'dtcs', 'requiresAck', 'publishedAt'],
      ...display(BULLETIN_SNIPPETS),
    },
    question: {
      indexUid: questionsIndexName(),
      q,
      attributesToRetrieve: ['id', 'title', 'modelZh', 'modelEn', 'dtcs', 'solved', 'answerCount'],
      ...display(QUESTION_SNIPPETS),
    },
  }
  return (query.type === 'all' ? Object.values(queries) : [queries[query.type]]).flatMap((variant) => withQueryVariants(variant, query.q))
}

type AnyDocument = Partial<CaseDocument & BulletinDocument & QuestionDocument> & { id: string; title: string }

function toSiteHit(hit: AnyDocument & { _formatted?: Partial<Record<string, unknown>> }, type: HitType): SiteHit {
  const formatted = hit._formatted ?? {}
  const common = { id: hit.id, title: hit.title, titleParts: toTextParts(String(formatted.title ?? hit.title)), dtcs: hit.dtcs ?? [] }
  if (type === 'case') {
    return { ...common, type, snippetParts: toTextParts(pickSnippet(formatted, CASE_SNIPPETS)), modelZh: hit.modelZh ?? '', modelEn: hit.modelEn ?? '', year: hit.year ?? 0, system: hit.system ?? '', classic: Boolean(hit.classic) }
  }
  if (type === 'bulletin') {
    return { ...common, type, snippetParts: toTextParts(pickSnippet(formatted, BULLETIN_SNIPPETS)), number: hit.number ?? 0, bulletinType: String(hit.type ?? ''), requiresAck: Boolean(hit.requiresAck), publishedAt: hit.publishedAt ?? 0 }
  }
  return { ...common, type, snippetParts: toTextParts(pickSnippet(formatted, QUESTION_SNIPPETS)), modelZh: String(hit.modelZh ?? ''), modelEn: String(hit.modelEn ?? ''), solved: Boolean(hit.solved), answerCount: hit.answerCount ?? 0 }
}

const TYPE_OF_INDEX = () => new Map<string, HitType>([[casesIndexName(), 'case'], [bulletinsIndexName(), 'bulletin'], [questionsIndexName(), 'question']])

/** One ranked list over cases, bulletins and questions (Meilisearch federated multi-search). */
export async function searchSite(query: SiteSearchQuery): Promise<SiteSearchResult> {
  const response = await federatedSearch<AnyDocument>({
    federation: { limit: query.limit, offset: query.offset },
    queries: buildSiteSearchQueries(query),
  })
  const typeOfIndex = TYPE_OF_INDEX()
  return {
    hits: response.hits.map((hit) => toSiteHit(hit, typeOfIndex.get(hit._federation?.indexUid ?? '') ?? 'case')),
    estimatedTotalHits: response.estimatedTotalHits ?? 0,
    processingTimeMs: response.processingTimeMs,
  }
}
