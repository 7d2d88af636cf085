import { findBulletinsByWords } from '~/modules/bulletins/bulletin.server'
import { isBulletinEditor, readerOf } from '~/modules/bulletins/audience.server'
import { basicCaseSearch } from '~/modules/cases/case-search.server'
import { findQuestionsByWords } from '~/modules/forum/questions.server'
import type { SessionUser } from '~/utils/session-user'
import { searchSite, type BulletinViewer, type SiteHit, type SiteSearchResult } from '../../../search/search-all'
import type { SiteSearchParams } from './schema'

type Searcher = Pick<SessionUser, 'id' | 'role' | 'stationId'>

export type SiteSearchOutcome = SiteSearchResult & { degraded: boolean }

async function bulletinViewer(user: Searcher): Promise<BulletinViewer> {
  if (isBulletinEditor(user)) return 'all-bulletins'
  const reader = await readerOf(user)
  return { role: reader.role, region: reader.region, stationCode: reader.stationCode }
}

const plain = (text: string) => [{ text, hit: false }]

/**
 * Without Meilisearch: every word in the title, the text or the DTCs, each type newest first, one
 * type after the other (no typo tolerance, no synonyms, no ranking across types).
 */
async function databaseSiteSearch(user: Searcher, params: SiteSearchParams): Promise<SiteSearchResult> {
  const started = Date.now()
  const words = params.q.split(/\s+/).filter(Boolean).slice(0, 8)
  const take = params.offset + params.limit
  const wanted = (type: SiteHit['type']) => params.type === 'all' || params.type === type
  const [cases, bulletins, questions] = await Promise.all([
    wanted('case') ? basicCaseSearch({ q: params.q, limit: take, offset: 0 }) : null,
    wanted('bulletin') ? findBulletinsByWords({ user, words, take }) : [],
    wanted('question') ? findQuestionsByWords({ words, take }) : [],
  ])
  const hits: SiteHit[] = [
    ...(cases?.hits ?? []).map((hit): SiteHit => ({ type: 'case', id: hit.id, title: hit.title, titleParts: hit.titleParts, snippetParts: hit.snippetParts, dtcs: hit.dtcs, modelZh: hit.modelZh, modelEn: hit.modelEn, year: hit.year, system: hit.system, classic: hit.classic })),
    ...bulletins.map((row): SiteHit => ({
      type: 'bulletin',
      id: row.id,
      title: row.title,
      titleParts: plain(row.title),
      snippetParts: plain(row.bodyText.slice(0, 160)),
      dtcs: row.dtcs,
      number: row.number,
      bulletinType: row.type.toLowerCase(),
      requiresAck: row.requiresAck,
      publishedAt: row.publishedAt ? Math.floor(row.publishedAt.getTime() / 1000) : 0,
    })),
    ...questions.map((row): SiteHit => ({
      type: 'question',
      id: row.id,
      title: row.title,
      titleParts: plain(row.title),
      snippetParts: plain(row.bodyText.slice(0, 160)),
      dtcs: row.dtcs,
      modelZh: row.model?.nameZh ?? '',
      modelEn: row.model?.nameEn ?? '',
      solved: row.solvedAt !== null,
      answerCount: row.answerCount,
    })),
  ]
  const total = (cases?.estimatedTotalHits ?? 0) + bulletins.length + questions.length
  return { hits: hits.slice(params.offset, take), estimatedTotalHits: total, processingTimeMs: Date.now() - started }
}

/** One search over cases, bulletins and questions, each hit one the user may open. */
export async function siteSearch(user: Searcher, params: SiteSearchParams): Promise<SiteSearchOutcome> {
  const viewer = await bulletinViewer(user)
  try {
    return { ...(await searchSite({ ...params, bulletinViewer: viewer })), degraded: false }
  } catch (error) {
    console.warn(`search: Meilisearch unavailable (${(error as Error).message}); using database search`)
    return { ...(await databaseSiteSearch(user, params)), degraded: true }
  }
}
