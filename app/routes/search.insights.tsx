import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { GeneralErrorBoundary } from '~/components/error-boundary'
import { useMessages } from '~/i18n/use-t'
import { searchInsights } from '~/modules/search/insights.server'
import { searchMessages } from '~/modules/search/messages'
import { isVocabularyCurator } from '~/modules/search/vocabulary.server'
import { requireUser } from '~/utils/auth.server'
import { invariantResponse } from '~/utils/permissions.server'

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request)
  invariantResponse(isVocabularyCurator(user), 'Only engineers and admins see search insights', 403)
  return searchInsights()
}

export const meta: MetaFunction = () => [{ title: '搜索洞察 / Search insights · GTAC' }]

type Row = { q: string; searches: number; hits: number; clicked: number }

function QueryTable({ id, title, rows }: { id: string; title: string; rows: Row[] }) {
  const t = useMessages(searchMessages)
  return (
    <section className="card" aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      {rows.length === 0 ? (
        <p className="muted">{t('insights.empty')}</p>
      ) : (
        <div className="table-wrap">
          <table className="table">
            <thead>
              <tr>
                <th scope="col">{t('insights.query')}</th>
                <th scope="col" className="kpi-number">{t('insights.count')}</th>
                <th scope="col" className="kpi-number">{t('insights.hits')}</th>
                <th scope="col" className="kpi-number">{t('insights.clickRate')}</th>
                <th scope="col"><span className="visually-hidden">{t('insights.addSynonym')}</span></th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={row.q}>
                  <th scope="row"><Link to={`/cases?q=${encodeURIComponent(row.q)}&type=all`}>{row.q}</Link></th>
                  <td className="kpi-number">{row.searches}</td>
                  <td className="kpi-number">{row.hits}</td>
                  <td className="kpi-number">{Math.round((100 * row.clicked) / row.searches)}%</td>
                  <td>
                    <Link to={`/search/vocabulary?term=${encodeURIComponent(row.q)}`} className="button button--ghost button--small" aria-label={`${t('insights.addSynonym')}: ${row.q}`}>
                      + {t('insights.addSynonym')}
                    </Link>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  )
}

export default function SearchInsightsPage() {
  const { days, top, zeroResult, noClick } = useLoaderData<typeof loader>()
  const t = useMessages(searchMessages)
  return (
    <>
      <h1>{t('insights.title')}</h1>
      <p className="muted">{t('insights.intro', { days })}</p>
      <p className="button-row"><Link to="/search/vocabulary" className="button button--ghost">{t('vocabulary.title')}</Link></p>
      <QueryTable id="insights-zero" title={t('insights.zero')} rows={zeroResult} />
      <QueryTable id="insights-no-click" title={t('insights.noClick')} rows={noClick} />
      <QueryTable id="insights-top" title={t('insights.top')} rows={top} />
    </>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
