import type { LoaderFunctionArgs, SerializeFrom } from '@remix-run/node'
import { Form, Link, useLoaderData, useNavigation, useSearchParams, useSubmit } from '@remix-run/react'
import { useEffect, useRef } from 'react'
import { Pagination } from '~/components/pagination'
import { StatusBadge } from '~/modules/cases/components/status-badge'
import { TextParts } from '~/components/text-parts'
import { useLocalName, useMessages, useT } from '~/i18n/use-t'
import { getCatalogue, type Catalogue } from '~/modules/catalogue/catalogue.server'
import { searchCasesWithFallback, type CaseSearchOutcome } from '~/modules/cases/case-search.server'
import { listWorkInProgress } from '~/modules/cases/case.server'
import { requireUser } from '~/utils/auth.server'
import { parseSearchParams, searchPageQuery } from '~/modules/cases/case-search-params'
import { SearchTypeTabs } from '~/modules/search/components/search-type-tabs'
import { SiteHitList } from '~/modules/search/components/site-hit-list'
import { searchMessages } from '~/modules/search/messages'
import { parseSiteSearchParams } from '~/modules/search/schema'
import { siteSearch } from '~/modules/search/site-search.server'
import { recordSearch } from '~/modules/search/insights.server'
import { closestTerms } from '~/modules/search/suggest'
import { isVocabularyCurator, knownTerms } from '~/modules/search/vocabulary.server'
import { useHitClick } from '~/modules/search/components/use-hit-click'
import { inBackground } from '~/utils/background-work.server'

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request)
  const url = new URL(request.url)
  const parsed = parseSearchParams(url)
  const scope = parseSiteSearchParams(url)
  if (!parsed.success || !scope.success) throw new Response('Bad search parameters', { status: 400 })
  const params = parsed.data
  // The page is the case library: other scopes are asked for explicitly.
  const type = url.searchParams.has('type') ? scope.data.type : 'case'
  const curator = isVocabularyCurator(user)
  if (type !== 'case') {
    const site = await siteSearch(user, { ...scope.data, type })
    return { params, type, site, result: null, workInProgress: [], curator, ...(await followUp(user.id, params, type, site.estimatedTotalHits)) }
  }
  const [result, catalogue, workInProgress] = await Promise.all([
    searchCasesWithFallback(searchPageQuery(params)),
    getCatalogue(),
    params.q || params.offset ? [] : listWorkInProgress({ user, take: 5 }),
  ])
  return { params, type, site: null, result: pageResult(result, catalogue), workInProgress, curator, ...(await followUp(user.id, params, type, result.estimatedTotalHits)) }
}

/**
 * What the page shows of a search, and nothing more (its data is sent again as the page's
 * payload): the top values of each facet with their names, and each hit's displayed fields.
 */
function pageResult(result: CaseSearchOutcome, catalogue: Catalogue) {
  const nameOf = ({ nameZh, nameEn }: { nameZh: string; nameEn: string }) => ({ nameZh, nameEn })
  const modelNames = new Map(catalogue.models.map((model) => [model.id, nameOf(model)]))
  const systemNames = new Map(catalogue.systems.map((system) => [system.code, nameOf(system)]))
  const top = (values: Record<string, number>, name: (value: string) => { nameZh: string; nameEn: string } | undefined) =>
    Object.entries(values)
      .sort((a, b) => b[1] - a[1])
      .slice(0, FACET_VALUES_SHOWN)
      .map(([value, count]) => ({ value, count, name: name(value) ?? null }))
  return {
    degraded: result.degraded,
    estimatedTotalHits: result.estimatedTotalHits,
    processingTimeMs: result.processingTimeMs,
    facets: {
      model: top(result.facets.modelId, (id) => modelNames.get(id)),
      system: top(result.facets.system, (code) => systemNames.get(code)),
      year: top(result.facets.year, () => undefined),
      dtc: top(result.facets.dtcs, () => undefined),
    },
    hits: result.hits.map((hit) => ({
      id: hit.id,
      titleParts: hit.titleParts,
      model: { nameZh: hit.modelZh, nameEn: hit.modelEn },
      year: hit.year,
      system: systemNames.get(hit.system) ?? null,
      systemCode: hit.system,
      dtcs: hit.dtcs,
      snippetParts: hit.snippetParts,
      classic: hit.classic,
      confirmCount: hit.confirmCount,
    })),
  }
}

const FACET_VALUES_SHOWN = 12

/**
 * A first page of results is logged for the curators; a search that found nothing gets
 * suggestions. The page does not wait for the log's row: its id follows in the stream (the click
 * beacon needs it), and a failed write is logged and leaves the beacon off.
 */
async function followUp(userId: string, params: { q: string; offset: number }, scope: string, hitCount: number) {
  if (!params.q || params.offset > 0) return { logId: null, suggestions: [] }
  const logId = inBackground(recordSearch({ userId, q: params.q, scope, hitCount })).then(
    (id) => (id === null ? null : String(id)),
    (error: unknown) => {
      console.error(`search log not written: ${(error as Error).message}`)
      return null
    },
  )
  const suggestions = hitCount === 0 ? closestTerms(params.q, await knownTerms()) : []
  return { logId, suggestions }
}

type FacetKey = 'model' | 'year' | 'system' | 'dtc'

export default function CaseSearchPage() {
  const { params, type, site, result, workInProgress, curator, logId, suggestions } = useLoaderData<typeof loader>()
  const t = useT()
  const m = useMessages(searchMessages)
  const onHitClick = useHitClick(logId)
  const submit = useSubmit()
  const navigation = useNavigation()
  const [searchParams] = useSearchParams()
  const formRef = useRef<HTMLFormElement>(null)
  const debounce = useRef<ReturnType<typeof setTimeout>>()
  const searching = navigation.state === 'loading' && navigation.location?.pathname === '/cases'

  useEffect(() => () => clearTimeout(debounce.current), [])

  return (
    <div className="search-layout">
      <div className="search-head">
        <h1>{t('cases.title')}</h1>
        {curator ? (
          <nav className="search-head__links" aria-label={m('curatorLinks')}>
            <Link to="/search/vocabulary">{m('vocabulary.title')}</Link>
            <Link to="/search/insights">{m('insights.title')}</Link>
          </nav>
        ) : null}
        <Link to="/cases/new" className="button">
          + {t('cases.new')}
        </Link>
      </div>
      <Form ref={formRef} method="get" role="search" className="search-box" onChange={(event) => {
        const form = event.currentTarget
        clearTimeout(debounce.current)
        debounce.current = setTimeout(() => submit(form, { replace: true, preventScrollReset: true }), 200)
      }}>
        <label htmlFor="q" className="visually-hidden">{t('common.search')}</label>
        <input id="q" type="search" name="q" defaultValue={params.q} placeholder={t('cases.searchPlaceholder')} autoComplete="off" autoFocus />
        {type !== 'case' ? <input type="hidden" name="type" value={type} /> : null}
        {(['model', 'year', 'system', 'dtc', 'classic'] as const).map((key) =>
          searchParams.get(key) ? <input key={key} type="hidden" name={key} value={searchParams.get(key)!} /> : null,
        )}
        <button type="submit" className="button">{t('common.search')}</button>
      </Form>
      <SearchTypeTabs current={type} />
      {suggestions.length > 0 ? (
        <p className="did-you-mean">
          {m('didYouMean')}
          {suggestions.map((term) => (
            <Link key={term} to={`?${new URLSearchParams({ q: term, ...(type === 'case' ? {} : { type }) })}`} className="button button--ghost button--small">{term}</Link>
          ))}
        </p>
      ) : null}

      {site ? (
        <SiteResults site={site} limit={params.limit} offset={params.offset} searching={searching} onHitClick={onHitClick} />
      ) : result ? (
        <CaseResults result={result} params={params} workInProgress={workInProgress} searching={searching} onHitClick={onHitClick} />
      ) : null}
    </div>
  )
}

type PageData = SerializeFrom<typeof loader>
type PageResult = NonNullable<PageData['result']>

function SiteResults({ site, limit, offset, searching, onHitClick }: { site: NonNullable<PageData['site']>; limit: number; offset: number; searching: boolean; onHitClick: (hitId: string) => void }) {
  const t = useT()
  const m = useMessages(searchMessages)
  return (
    <>
      {site.degraded ? <p className="notice notice--warning" role="status">{t('cases.searchDown')}</p> : null}
      <section className={searching ? 'results results--loading' : 'results'} aria-live="polite" aria-busy={searching}>
        <p className="results__summary">{searching ? t('common.loading') : m('results', { count: site.estimatedTotalHits, ms: site.processingTimeMs })}</p>
        {site.hits.length === 0 ? <p className="empty-state">{m('noResults')}</p> : <SiteHitList hits={site.hits} onHitClick={onHitClick} />}
        <Pagination total={site.estimatedTotalHits} limit={limit} offset={offset} />
      </section>
    </>
  )
}

function CaseResults({
  result,
  params,
  workInProgress,
  searching,
  onHitClick,
}: {
  result: PageResult
  params: PageData['params']
  workInProgress: PageData['workInProgress']
  searching: boolean
  onHitClick: (hitId: string) => void
}) {
  const t = useT()
  const localName = useLocalName()
  const [searchParams] = useSearchParams()
  const label = (value: string, name: { nameZh: string; nameEn: string } | null) => (name ? localName(name) : value)
  const toggleHref = (key: FacetKey | 'classic', value: string) => {
    const next = new URLSearchParams(searchParams)
    next.delete('offset')
    if (next.get(key) === value) next.delete(key)
    else next.set(key, value)
    return `?${next}`
  }
  const facetGroups: Array<{ key: FacetKey; label: string; values: PageResult['facets'][FacetKey] }> = [
    { key: 'model', label: t('cases.facet.model'), values: result.facets.model },
    { key: 'system', label: t('cases.facet.system'), values: result.facets.system },
    { key: 'year', label: t('cases.facet.year'), values: result.facets.year },
    { key: 'dtc', label: t('cases.facet.dtc'), values: result.facets.dtc },
  ]
  const activeFilters = (['model', 'year', 'system', 'dtc', 'classic'] as const).filter((key) => searchParams.get(key))

  return (
    <>
      {result.degraded ? <p className="notice notice--warning" role="status">{t('cases.searchDown')}</p> : null}

      <div className="search-body">
        <aside className="facets" aria-label={t('cases.filters')}>
          <Link
            to={toggleHref('classic', 'true')}
            role="checkbox"
            aria-checked={params.classic === true}
            className={params.classic ? 'facet-toggle facet-toggle--on' : 'facet-toggle'}
            replace
            preventScrollReset
          >
            <span className="facet-toggle__box" aria-hidden="true">{params.classic ? '✓' : ''}</span>
            {t('cases.facet.classic')}
          </Link>
          {facetGroups.map((group) => {
            if (group.values.length === 0) return null
            return (
              <section key={group.key} className="facet">
                <h2>{group.label}</h2>
                <ul>
                  {group.values.map(({ value, count, name }) => {
                    const active = searchParams.get(group.key) === value
                    return (
                      <li key={value}>
                        <Link to={toggleHref(group.key, value)} className={active ? 'facet__value facet__value--active' : 'facet__value'} aria-current={active ? 'true' : undefined} replace preventScrollReset>
                          <span>{label(value, name)}</span>
                          <span className="facet__count">{count}</span>
                        </Link>
                      </li>
                    )
                  })}
                </ul>
              </section>
            )
          })}
          {activeFilters.length > 0 ? (
            <Link to={params.q ? `?q=${encodeURIComponent(params.q)}` : '?'} className="link-button">{t('cases.clearFilters')}</Link>
          ) : null}
        </aside>

        <section className={searching ? 'results results--loading' : 'results'} aria-live="polite" aria-busy={searching}>
          {workInProgress.length > 0 ? (
            <div className="work-in-progress">
              <h2>{t('cases.myWork')}</h2>
              <ul>
                {workInProgress.map((item) => (
                  <li key={item.id}>
                    <Link to={`/cases/${item.id}`}>{item.title}</Link> <StatusBadge status={item.status} />
                  </li>
                ))}
              </ul>
            </div>
          ) : null}
          <p className="results__summary">
            {searching ? t('common.loading') : t('cases.results', { count: result.estimatedTotalHits, ms: result.processingTimeMs })}
          </p>
          {result.hits.length === 0 ? (
            <p className="empty-state">{t('cases.noResults')}</p>
          ) : (
            <ol className="hit-list">
              {result.hits.map((hit) => (
                <li key={hit.id} className="hit">
                  <h3 className="hit__title">
                    <Link to={`/cases/${hit.id}`} onClick={() => onHitClick(hit.id)}><TextParts parts={hit.titleParts} /></Link>
                    {hit.classic ? <span className="badge badge--classic">{t('cases.classic')}</span> : null}
                  </h3>
                  <p className="hit__meta">
                    <span>{localName(hit.model)} · {hit.year}</span>
                    <span>{label(hit.systemCode, hit.system)}</span>
                    {hit.dtcs.map((code) => <code key={code} className="dtc">{code}</code>)}
                  </p>
                  <p className="hit__snippet"><TextParts parts={hit.snippetParts} /></p>
                  {hit.confirmCount > 0 ? <p className="hit__confirmations">✔ {t('cases.confirmations', { count: hit.confirmCount })}</p> : null}
                </li>
              ))}
            </ol>
          )}
          <Pagination total={result.estimatedTotalHits} limit={params.limit} offset={params.offset} />
        </section>
      </div>
    </>
  )
}
