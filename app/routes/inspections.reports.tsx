import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Form, Link, useLoaderData } from '@remix-run/react'
import { z } from 'zod'
import { GeneralErrorBoundary } from '~/components/error-boundary'
import { getLocale } from '~/i18n/locale.server'
import { useLocalName, useLocale, useMessages } from '~/i18n/use-t'
import { ReportChart, ReportTable } from '~/modules/inspections/components/report-chart'
import { formatScore } from '~/modules/inspections/components/status-badge'
import { inspectionMessages } from '~/modules/inspections/messages'
import { inspectionReportCharts, inspectionReports } from '~/modules/inspections/reports.server'
import { requireUser } from '~/utils/auth.server'

const querySchema = z.object({ station: z.string().trim().min(1).max(40).optional() })

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request)
  const query = querySchema.catch({}).parse(Object.fromEntries(new URL(request.url).searchParams))
  const reports = await inspectionReports({ user, stationId: query.station })
  return { reports, charts: inspectionReportCharts(reports, await getLocale(request)) }
}

export const meta: MetaFunction = () => [{ title: 'GTAC · 巡检报表 / Inspection reports' }]

export default function InspectionReportsPage() {
  const { reports, charts } = useLoaderData<typeof loader>()
  const t = useMessages(inspectionMessages)
  const localName = useLocalName()
  const locale = useLocale()
  const day = (value: Date | string | null) => (value ? new Date(value).toLocaleDateString(locale === 'zh' ? 'zh-CN' : 'en-GB') : '')
  const station = reports.stations.find((each) => each.id === reports.chosenStationId)

  return (
    <section className="inspection-reports">
      <p><Link to="/inspections">← {t('title')}</Link></p>
      <h1>{t('reports')}</h1>
      <p className="muted">{t('reportsIntro')}</p>
      {reports.stations.length === 0 ? <p className="empty-state">{t('reportsEmpty')}</p> : null}

      {reports.stations.length > 0 ? (
        <section className="card" aria-labelledby="history-title">
          <h2 id="history-title">{t('history')}{station ? ` · ${station.code} ${station.name}` : ''}</h2>
          {reports.stations.length > 1 ? (
            <Form method="get" className="filter-row">
              <div className="field">
                <label htmlFor="report-station">{t('station')}</label>
                <select id="report-station" name="station" defaultValue={reports.chosenStationId ?? ''}>
                  {reports.stations.map((each) => <option key={each.id} value={each.id}>{each.code} · {each.name}</option>)}
                </select>
              </div>
              <button type="submit" className="button button--ghost">{t('showStation')}</button>
            </Form>
          ) : null}
          {charts.trend ? <ReportChart title={t('trend')} svg={charts.trend} /> : null}
          {reports.history.length > 0 ? (
            <ReportTable label={t('history')} testId="station-history">
              <thead>
                <tr><th scope="col">#</th><th scope="col">{t('checklist')}</th><th scope="col">{t('finished')}</th><th scope="col" className="number">{t('score')}</th></tr>
              </thead>
              <tbody>
                {reports.history.map((inspection) => (
                  <tr key={inspection.id}>
                    <td><Link to={`/inspections/${inspection.id}`}>{t('number', { number: inspection.number })}</Link></td>
                    <td>{localName(inspection.template)} · {t('version', { version: inspection.template.version })}</td>
                    <td>{day(inspection.finishedAt)}</td>
                    <td className="number">{formatScore(inspection.score)}</td>
                  </tr>
                ))}
              </tbody>
            </ReportTable>
          ) : null}
        </section>
      ) : null}

      {reports.league.length > 0 ? (
        <section className="card" aria-labelledby="league-title">
          <h2 id="league-title">{t('league')}</h2>
          {charts.league ? <ReportChart title={t('league')} svg={charts.league} /> : null}
          <ReportTable label={t('league')} testId="league-table">
            <thead>
              <tr>
                <th scope="col" className="number">{t('rank')}</th>
                <th scope="col">{t('station')}</th>
                <th scope="col">{t('region')}</th>
                <th scope="col" className="number">{t('regionRank')}</th>
                <th scope="col" className="number">{t('inspections')}</th>
                <th scope="col" className="number">{t('average')}</th>
                <th scope="col" className="number">{t('latest')}</th>
              </tr>
            </thead>
            <tbody>
              {reports.league.map((row) => (
                <tr key={row.id}>
                  <td className="number">{row.rank}</td>
                  <td><Link to={`?station=${row.id}`}>{row.code} · {row.name}</Link></td>
                  <td>{row.region}</td>
                  <td className="number">{row.regionRank}</td>
                  <td className="number">{row.inspections}</td>
                  <td className="number">{formatScore(row.average)}</td>
                  <td className="number">{formatScore(row.latest)}</td>
                </tr>
              ))}
            </tbody>
          </ReportTable>
        </section>
      ) : null}

      {reports.mostFailed.length > 0 ? (
        <section className="card" aria-labelledby="failed-title">
          <h2 id="failed-title">{t('mostFailed')}</h2>
          {charts.mostFailed ? <ReportChart title={t('mostFailed')} svg={charts.mostFailed} /> : null}
          <ReportTable label={t('mostFailed')} testId="most-failed">
            <thead>
              <tr><th scope="col">{t('checklist')}</th><th scope="col">{t('item')}</th><th scope="col" className="number">{t('failedCount')}</th><th scope="col" className="number">{t('failRate')}</th></tr>
            </thead>
            <tbody>
              {reports.mostFailed.map((row) => (
                <tr key={`${row.templateEn}-${row.code}`}>
                  <td>{localName({ nameZh: row.templateZh, nameEn: row.templateEn })}</td>
                  <td>{row.code} {locale === 'zh' ? row.textZh : row.textEn}</td>
                  <td className="number">{row.failed}</td>
                  <td className="number">{row.rate}%</td>
                </tr>
              ))}
            </tbody>
          </ReportTable>
        </section>
      ) : null}
    </section>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
