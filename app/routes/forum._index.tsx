import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Form, Link, useLoaderData, useLocation, useNavigation } from '@remix-run/react'
import { GeneralErrorBoundary } from '~/components/error-boundary'
import { PagePagination } from '~/components/pagination'
import { useMessages } from '~/i18n/use-t'
import { QuestionList } from '~/modules/forum/components/question-list'
import { forumMessages } from '~/modules/forum/messages'
import { listQuestions } from '~/modules/forum/questions.server'
import { QUESTION_SORTS, QUESTION_VIEWS, questionListSchema } from '~/modules/forum/schema'
import { requireUser } from '~/utils/auth.server'

export async function loader({ request }: LoaderFunctionArgs) {
  await requireUser(request)
  const query = questionListSchema.parse(Object.fromEntries(new URL(request.url).searchParams))
  return { query, ...(await listQuestions(query)) }
}

export const meta: MetaFunction = () => [{ title: '知道论坛 / Know forum · GTAC' }]

export default function ForumPage() {
  const { query, questions, total, pages } = useLoaderData<typeof loader>()
  const t = useMessages(forumMessages)
  const location = useLocation()
  const navigation = useNavigation()
  const loading = navigation.state === 'loading' && navigation.location.pathname === '/forum'
  const hrefWith = (changes: Record<string, string | undefined>) => {
    const params = new URLSearchParams(location.search)
    params.delete('page')
    for (const [key, value] of Object.entries(changes)) {
      if (value) params.set(key, value)
      else params.delete(key)
    }
    const search = params.toString()
    return search ? `/forum?${search}` : '/forum'
  }
  return (
    <section className="forum">
      <div className="page-title-row">
        <div>
          <h1>{t('title')}</h1>
          <p className="muted">{t('intro')}</p>
        </div>
        <Link to="/forum/ask" className="button">{t('ask')}</Link>
      </div>

      <Form method="get" className="search-box" role="search">
        {query.view !== 'all' ? <input type="hidden" name="view" value={query.view} /> : null}
        {query.sort !== 'newest' ? <input type="hidden" name="sort" value={query.sort} /> : null}
        <label htmlFor="forum-q" className="visually-hidden">{t('search')}</label>
        <input id="forum-q" type="search" name="q" defaultValue={query.q} placeholder={t('searchPlaceholder')} maxLength={100} />
        <button type="submit" className="button">{t('searchButton')}</button>
      </Form>

      <div className="forum-controls">
        <nav className="tabs" aria-label={t('title')}>
          {QUESTION_VIEWS.map((view) => (
            <Link key={view} to={hrefWith({ view: view === 'all' ? undefined : view })} className={view === query.view ? 'tab tab--active' : 'tab'} aria-current={view === query.view ? 'page' : undefined}>
              {t(`view.${view}`)}
            </Link>
          ))}
        </nav>
        <nav className="forum-sort" aria-label={t('sort')}>
          <span className="small muted" aria-hidden="true">{t('sort')}:</span>
          {QUESTION_SORTS.map((sort) => (
            <Link key={sort} to={hrefWith({ sort: sort === 'newest' ? undefined : sort })} className={sort === query.sort ? 'forum-sort__link forum-sort__link--active' : 'forum-sort__link'} aria-current={sort === query.sort ? 'true' : undefined}>
              {t(`sort.${sort}`)}
            </Link>
          ))}
        </nav>
      </div>

      {query.tag || query.dtc ? (
        <p className="forum-filters">
          {query.tag ? <span className="tag">{t('tag', { tag: query.tag })}</span> : null}
          {query.dtc ? <code className="dtc">{t('dtcFilter', { dtc: query.dtc })}</code> : null}
          <Link to={hrefWith({ tag: undefined, dtc: undefined })}>{t('clearFilter')}</Link>
        </p>
      ) : null}

      <div className={loading ? 'results--loading' : undefined} aria-busy={loading}>
        <p className="results__summary" role="status">{loading ? t('loading') : t('count', { count: total })}</p>
        {questions.length === 0 ? (
          <p className="empty-state">
            {t('empty')} <Link to="/forum/ask">{t('emptyAsk')}</Link>
          </p>
        ) : (
          <QuestionList questions={questions} tagHref={(tag) => hrefWith({ tag })} />
        )}
        <PagePagination page={query.page} pages={pages} />
      </div>
    </section>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
