import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData, useSearchParams } from '@remix-run/react'
import { GeneralErrorBoundary } from '~/components/error-boundary'
import { PagePagination } from '~/components/pagination'
import { useLocale, useLocalName, useMessages } from '~/i18n/use-t'
import { getCatalogue } from '~/modules/catalogue/catalogue.server'
import { SynonymGroupForm } from '~/modules/search/components/synonym-group-form'
import { searchMessages } from '~/modules/search/messages'
import { synonymGroupSchema, vocabularyListSchema } from '~/modules/search/schema'
import { GROUPS_PER_PAGE, isVocabularyCurator, listSynonymGroups, saveSynonymGroup, searchedAs } from '~/modules/search/vocabulary.server'
import { requireUser } from '~/utils/auth.server'
import { invariantResponse } from '~/utils/permissions.server'
import { fieldErrors } from '~/utils/validation'

async function requireCurator(request: Request) {
  const user = await requireUser(request)
  invariantResponse(isVocabularyCurator(user), 'Only engineers and admins keep the search vocabulary', 403)
  return user
}

export async function loader({ request }: LoaderFunctionArgs) {
  await requireCurator(request)
  const url = new URL(request.url)
  const parsed = vocabularyListSchema.safeParse(Object.fromEntries(url.searchParams))
  const params = parsed.success ? parsed.data : { q: '', page: 1 }
  const [{ groups, total }, catalogue] = await Promise.all([listSynonymGroups(params), getCatalogue()])
  // "Add as synonym" from the insights page arrives with the searched words.
  const term = (url.searchParams.get('term') ?? '').slice(0, 40)
  return { groups, rewrites: searchedAs(groups), total, pages: Math.max(1, Math.ceil(total / GROUPS_PER_PAGE)), params, term, systems: catalogue.systems, saved: url.searchParams.get('saved') }
}

export const meta: MetaFunction = () => [{ title: '搜索词库 / Search vocabulary · GTAC' }]

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireCurator(request)
  const parsed = synonymGroupSchema.safeParse(Object.fromEntries(await request.formData()))
  if (!parsed.success) return Response.json({ errors: fieldErrors(parsed.error) }, { status: 400 })
  await saveSynonymGroup({ user, input: parsed.data })
  return redirect(`/search/vocabulary?saved=1&q=${encodeURIComponent(parsed.data.standard)}`)
}

export default function VocabularyPage() {
  const { groups, rewrites, total, pages, params, term, systems, saved } = useLoaderData<typeof loader>()
  const actionData = useActionData<{ errors?: Record<string, string> }>()
  const t = useMessages(searchMessages)
  const localName = useLocalName()
  const locale = useLocale()
  const [searchParams] = useSearchParams()
  const systemName = (code: string | null) => {
    const system = systems.find((entry) => entry.code === code)
    return system ? localName(system) : '—'
  }
  const words = (terms: string[], separator: string) =>
    terms.map((word, index) => (
      <span key={word}>
        {index > 0 ? separator : null}
        {word}
        {rewrites[word] ? <span className="muted vocabulary-rewrite" lang={locale === 'zh' ? 'zh-CN' : 'en'}> ({t('vocabulary.searchedAs', { term: rewrites[word] })})</span> : null}
      </span>
    ))
  return (
    <>
      <h1>{t('vocabulary.title')}</h1>
      <p className="muted">{t('vocabulary.intro')}</p>
      {saved ? <p className="notice notice--ok" role="status">{saved === 'deleted' ? t('vocabulary.deleted') : t('vocabulary.saved')}</p> : null}
      <section className="card" aria-labelledby="vocabulary-add">
        <h2 id="vocabulary-add">{t('vocabulary.add')}</h2>
        <SynonymGroupForm
          key={searchParams.toString()}
          intent="create"
          values={{ standard: '', colloquial: term ? [term] : [], english: [], systemCode: null }}
          systems={systems}
          errors={actionData?.errors ?? {}}
          submitLabel={t('vocabulary.save')}
        />
      </section>
      <section className="card" aria-labelledby="vocabulary-list">
        <div className="case-header" style={{ alignItems: 'center' }}>
          <h2 id="vocabulary-list">{t('vocabulary.count', { count: total })}</h2>
          <Form method="get" role="search" className="search-box vocabulary-filter">
            <label htmlFor="vocabulary-q" className="visually-hidden">{t('vocabulary.filter')}</label>
            <input id="vocabulary-q" type="search" name="q" defaultValue={params.q} placeholder={t('vocabulary.filter')} />
            <button type="submit" className="button button--ghost">{t('vocabulary.filter')}</button>
          </Form>
        </div>
        {groups.length === 0 ? (
          <p className="empty-state">{t('vocabulary.empty')}</p>
        ) : (
          <div className="table-wrap">
            <table className="table vocabulary-table">
              <thead>
                <tr>
                  <th scope="col">{t('standard')}</th>
                  <th scope="col">{t('colloquialShort')}</th>
                  <th scope="col">English</th>
                  <th scope="col">{t('system')}</th>
                  <th scope="col"><span className="visually-hidden">{t('editLink')}</span></th>
                </tr>
              </thead>
              <tbody>
                {groups.map((group) => (
                  <tr key={group.id}>
                    <th scope="row">{words([group.standard], '')}</th>
                    <td>{words(group.colloquial, '，')}</td>
                    <td lang="en">{words(group.english, ', ')}</td>
                    <td>{systemName(group.systemCode)}</td>
                    <td><Link to={`/search/vocabulary/${group.id}`} aria-label={`${t('editLink')}: ${group.standard}`}>{t('editLink')}</Link></td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        {Object.keys(rewrites).length > 0 ? <p className="muted">{t('vocabulary.searchedAsNote')}</p> : null}
        <PagePagination page={params.page} pages={pages} />
      </section>
    </>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
