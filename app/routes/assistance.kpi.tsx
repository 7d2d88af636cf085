import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { useLoaderData } from '@remix-run/react'
import { GeneralErrorBoundary } from '~/components/error-boundary'
import { getLocale } from '~/i18n/locale.server'
import { translateFrom } from '~/i18n/messages'
import { useMessages } from '~/i18n/use-t'
import { KpiDashboard } from '~/modules/assistance/components/kpi-dashboard'
import { KpiFilters } from '~/modules/assistance/components/kpi-filters'
import { renderKpiCharts } from '~/modules/assistance/kpi-charts.server'
import { kpiMessages } from '~/modules/assistance/kpi-messages'
import { computeKpis, kpiSearchParams, parseKpiFilters, requireKpiScope } from '~/modules/assistance/kpi.server'
import { requireUser } from '~/utils/auth.server'

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request)
  const scope = requireKpiScope(user)
  const filters = parseKpiFilters(new URL(request.url))
  const [locale, report] = await Promise.all([getLocale(request), computeKpis({ scope, filters })])
  return {
    title: translateFrom(kpiMessages, locale, 'kpi.title'),
    stationName: scope.stationId ? user.stationName : null,
    filters,
    report,
    charts: report.total.requests > 0 ? renderKpiCharts(report, locale) : null,
    csvHref: `/assistance/kpi.csv?${kpiSearchParams(filters)}`,
  }
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `${data.title} · GTAC` : 'GTAC' }]

export default function AssistanceKpiPage() {
  const { stationName, filters, report, charts, csvHref } = useLoaderData<typeof loader>()
  const t = useMessages(kpiMessages)
  return (
    <>
      <div className="search-head">
        <h1>{t('kpi.title')}</h1>
        {charts ? (
          <a href={csvHref} className="button button--ghost" download>
            {t('kpi.exportCsv')}
          </a>
        ) : null}
      </div>
      <p className="results__summary">
        {stationName ? t('kpi.scope.station', { name: stationName }) : t('kpi.scope.network')} ·{' '}
        {t('kpi.period', { from: report.from, to: report.to, timeZone: report.timeZone })}
      </p>
      <KpiFilters {...filters} />
      {charts ? <KpiDashboard report={report} groupBy={filters.groupBy} charts={charts} /> : <p className="empty-state">{t('kpi.empty')}</p>}
    </>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
