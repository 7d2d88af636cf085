import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Form, Link, useLoaderData } from '@remix-run/react'
import { GeneralErrorBoundary } from '~/components/error-boundary'
import { PageHead } from '~/components/page-head'
import { useMessages } from '~/i18n/use-t'
import { requestedMonth, SESSIONS_PER_MONTH } from '~/modules/training/compliance'
import { complianceForMonth } from '~/modules/training/inhouse.server'
import { requireTrainingManager } from '~/modules/training/manage.server'
import { inhouseMessages } from '~/modules/training/messages'
import { invariantResponse } from '~/utils/permissions.server'

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireTrainingManager(request)
  const month = requestedMonth(request)
  const compliance = await complianceForMonth({ user, month })
  invariantResponse(compliance, 'Forbidden', 403)
  return { month, ...compliance }
}

export const meta: MetaFunction = () => [{ title: 'GTAC · 培训达标看板 / Training compliance' }]

export default function TrainingCompliancePage() {
  const { month, plan, stations, regions, total } = useLoaderData<typeof loader>()
  const t = useMessages(inhouseMessages)
  const yesNo = (value: boolean) => (value ? <span className="badge badge--passed">{t('compliance.yes')}</span> : <span className="badge badge--returned">{t('compliance.no')}</span>)
  return (
    <section>
      <p><Link to="/training/plans">← {t('title')}</Link></p>
      <PageHead title={t('compliance')} intro={t('compliance.intro', { target: SESSIONS_PER_MONTH })} action={<a className="button button--ghost" href={`/training/compliance.csv?month=${month}`} download>{t('compliance.csv')}</a>} />
      <Form method="get" className="kpi-filters">
        <div className="field">
          <label htmlFor="compliance-month">{t('compliance.month')}</label>
          <input id="compliance-month" name="month" type="month" defaultValue={month} required />
        </div>
        <button type="submit" className="button">{t('compliance.show')}</button>
      </Form>
      {!plan ? <p className="notice notice--warning">{t('compliance.noPlan', { month })}</p> : null}
      {plan && !plan.published ? <p className="notice notice--warning">{t('compliance.draftPlan', { month })}</p> : null}
      {plan ? <p><Link to={`/training/plans/${plan.id}`}>{month} {plan.title}</Link></p> : null}
      <dl className="kpi-tiles" aria-label={t('compliance.summary', total)}>
        <div className="kpi-tile">
          <dt className="kpi-tile__label">{t('compliance.percent')}</dt>
          <dd className="kpi-tile__value" data-testid="compliance-percent">{total.percent}%</dd>
        </div>
        <div className="kpi-tile">
          <dt className="kpi-tile__label">{t('compliance.compliant')}</dt>
          <dd className="kpi-tile__value">{total.compliant} / {total.stations}</dd>
        </div>
        <div className="kpi-tile">
          <dt className="kpi-tile__label">{t('compliance.submitted')}</dt>
          <dd className="kpi-tile__value">{total.submitted}</dd>
        </div>
        <div className="kpi-tile">
          <dt className="kpi-tile__label">{t('sessions')}</dt>
          <dd className="kpi-tile__value">{total.sessions}</dd>
        </div>
      </dl>

      <h2>{t('compliance.byRegion')}</h2>
      {regions.length === 0 ? (
        <p className="empty-state">{t('noReports')}</p>
      ) : (
        <div className="table-wrap">
          <table className="table" data-testid="compliance-regions">
            <thead>
              <tr>
                <th scope="col">{t('region')}</th>
                <th scope="col">{t('compliance.stations')}</th>
                <th scope="col">{t('compliance.submitted')}</th>
                <th scope="col">{t('compliance.compliant')}</th>
                <th scope="col">{t('sessions')}</th>
                <th scope="col">{t('compliance.percent')}</th>
              </tr>
            </thead>
            <tbody>
              {regions.map((region) => (
                <tr key={region.region}>
                  <th scope="row">{region.region}</th>
                  <td>{region.stations}</td>
                  <td>{region.submitted}</td>
                  <td>{region.compliant}</td>
                  <td>{region.sessions}</td>
                  <td>{region.percent}%</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}

      <h2>{t('compliance.byStation')}</h2>
      {stations.length === 0 ? (
        <p className="empty-state">{t('noReports')}</p>
      ) : (
        <div className="table-wrap">
          <table className="table" data-testid="compliance-stations">
            <thead>
              <tr>
                <th scope="col">{t('station')}</th>
                <th scope="col">{t('region')}</th>
                <th scope="col">{t('sessions')}</th>
                <th scope="col">{t('compliance.submitted')}</th>
                <th scope="col">{t('compliance.compliant')}</th>
              </tr>
            </thead>
            <tbody>
              {stations.map((station) => (
                <tr key={station.stationId}>
                  <th scope="row">{station.reportId ? <Link to={`/training/reports/${station.reportId}`}>{station.code} {station.name}</Link> : `${station.code} ${station.name}`}</th>
                  <td>{station.region}</td>
                  <td>{t('sessionsOf', { count: station.sessions, target: SESSIONS_PER_MONTH })}</td>
                  <td>{yesNo(station.submitted)}</td>
                  <td>{yesNo(station.compliant)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
