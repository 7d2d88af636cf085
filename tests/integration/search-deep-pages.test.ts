import type { FederatedMultiSearchParams } from 'meilisearch'
import { beforeAll, describe, expect, test } from 'vitest'
import type { CaseDocument } from '../../search/case-document'
import { applyCaseChanges } from '../../search/case-index'
import { getMeili } from '../../search/client'
import { englishStems } from '../../search/english-stems'
import { ensureSearchIndexes } from '../../search/indexed-entities'
import { buildSiteSearchQueries, searchSite, type SiteSearchQuery } from '../../search/search-all'
import { RANK_THEN_HIGHLIGHT_FROM_OFFSET } from '../../search/federated-search'
import { caseSearchCall, PRE, searchCases, toTextParts, type CaseSearchQuery } from '../../search/search-cases'

// A deep page of a federated search (the query and its stemmed form) is ranked first and then
// highlighted by id: a user must see exactly the page Meilisearch's own federated search gives.
const CASE_COUNT = 420
const WORD_FORMS = ['rattles', 'rattling', 'rattled', 'rattle']

function wombatCase(n: number): CaseDocument {
  const title = `Wombat gearbox ${WORD_FORMS[n % WORD_FORMS.length]} under load, unit ${n}`
  const symptoms = `The wombat gearbox ${WORD_FORMS[(n + 1) % WORD_FORMS.length]} when warm; report ${n}.`
  return {
    id: `deep-page-${String(n).padStart(4, '0')}`,
    externalId: null,
    title,
    modelId: 'model-x',
    modelZh: '测试车型',
    modelEn: 'Test model',
    year: 2015 + (n % 8),
    system: n % 3 === 0 ? 'transmission' : 'engine',
    dtcs: [`P07${String(n % 100).padStart(2, '0')}`],
    symptoms,
    diagnosis: '',
    rootCause: '',
    fix: '',
    parts: [],
    language: 'en',
    classic: n % 5 === 0,
    confirmCount: n % 17,
    approvedAt: 1_700_000_000 + n,
    stemmed: englishStems(`${title} ${symptoms}`),
  }
}

const query = (offset: number): CaseSearchQuery => ({ q: 'wombat rattles', limit: 20, offset, facets: ['system', 'year'] })

/** The page as Meilisearch's federated search alone gives it, highlighted in one step. */
async function oneStepPage(offset: number) {
  const call = caseSearchCall(query(offset))
  if (call.path !== '/multi-search') throw new Error('expected a federated search')
  const response = await getMeili().multiSearch<FederatedMultiSearchParams, CaseDocument>(call.body)
  return {
    ids: response.hits.map((hit) => hit.id),
    titles: response.hits.map((hit) => toTextParts(String(hit._formatted?.title))),
    total: response.estimatedTotalHits,
    facets: Object.values(response.facetsByIndex ?? {})[0]?.distribution,
  }
}

beforeAll(async () => {
  await ensureSearchIndexes()
  await applyCaseChanges(Array.from({ length: CASE_COUNT }, (_, n) => wombatCase(n)), [])
})

describe('deep pages of a federated search', () => {
  test('the search is federated (the query and its stemmed form) and the pages tested are deep', () => {
    expect(caseSearchCall(query(0)).path).toBe('/multi-search')
    expect(RANK_THEN_HIGHLIGHT_FROM_OFFSET).toBeLessThanOrEqual(360)
  })

  test.each([RANK_THEN_HIGHLIGHT_FROM_OFFSET, 360, CASE_COUNT - 10])('the page at offset %i is the one-step page: same cases, order, highlights, count and facets', async (offset) => {
    const expected = await oneStepPage(offset)
    const page = await searchCases(query(offset))
    expect(page.hits.map((hit) => hit.id)).toEqual(expected.ids)
    expect(page.hits.map((hit) => hit.titleParts)).toEqual(expected.titles)
    expect(page.estimatedTotalHits).toBe(expected.total)
    expect(page.facets.system).toEqual(expected.facets?.system)
    expect(page.facets.year).toEqual(expected.facets?.year)
  })

  test('every hit of a deep page is highlighted and has a snippet', async () => {
    const page = await searchCases(query(380))
    expect(page.hits).toHaveLength(20)
    for (const hit of page.hits) {
      expect(hit.titleParts.some((part) => part.hit && /wombat/i.test(part.text))).toBe(true)
      expect(hit.snippetParts.map((part) => part.text).join('')).toMatch(/wombat gearbox/i)
      expect(hit.snippetParts.some((part) => part.text.includes(PRE))).toBe(false)
    }
  })

  test('past the last result, a deep page is empty and still counts the results', async () => {
    const page = await searchCases(query(CASE_COUNT + 40))
    expect(page.hits).toEqual([])
    expect(page.estimatedTotalHits).toBe(CASE_COUNT)
  })
})

describe('deep pages of the site search (cases, bulletins and questions in one list)', () => {
  const siteQuery = (offset: number): SiteSearchQuery => ({ q: 'wombat rattles', type: 'all', bulletinViewer: 'all-bulletins', limit: 20, offset })

  test('a deep page is the one-step page: same hits in the same order, highlighted', async () => {
    const offset = RANK_THEN_HIGHLIGHT_FROM_OFFSET + 30
    const { limit, ...rest } = siteQuery(offset)
    const expected = await getMeili().multiSearch<FederatedMultiSearchParams, CaseDocument>({ federation: { limit, offset }, queries: buildSiteSearchQueries(rest) })
    const page = await searchSite(siteQuery(offset))
    expect(page.hits).toHaveLength(20)
    expect(page.hits.map((hit) => hit.id)).toEqual(expected.hits.map((hit) => hit.id))
    expect(page.hits.map((hit) => hit.titleParts)).toEqual(expected.hits.map((hit) => toTextParts(String(hit._formatted?.title))))
    expect(page.estimatedTotalHits).toBe(expected.estimatedTotalHits)
  })
})
