import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { useLoaderData } from '@remix-run/react'
import { GeneralErrorBoundary } from '~/components/error-boundary'
import { getLocale } from '~/i18n/locale.server'
import { translateFrom } from '~/i18n/messages'
import { useLocale, useMessages } from '~/i18n/use-t'
import { renderAnalyticsCharts } from '~/modules/exams/analytics-charts.server'
import { ANALYTICS_TABLES, type AnalyticsTable } from '~/modules/exams/analytics-csv'
import { analyticsMessages, formatCount, formatRate, formatScore, regionLabel, stationLabel } from '~/modules/exams/analytics-messages'
import { analyticsSearchParams, computeExamAnalytics, listAnalyticsExams, parseAnalyticsFilters } from '~/modules/exams/analytics.server'
import { AnalyticsFilters } from '~/modules/exams/components/analytics-filters'
import { ManageNav } from '~/modules/exams/components/manage-nav'
import { PassRateSection } from '~/modules/exams/components/pass-rate-section'
import { QuestionAnalysis } from '~/modules/exams/components/question-analysis'
import { MIN_RESPONSES } from '~/modules/exams/item-analysis'
import { requireExamManager } from '~/modules/exams/manager.server'

export async function loader({ request }: LoaderFunctionArgs) {
  await requireExamManager(request)
  const filters = parseAnalyticsFilters(new URL(request.url))
  const [locale, report, exams] = await Promise.all([getLocale(request), computeExamAnalytics(filters), listAnalyticsExams()])
  const query = analyticsSearchParams(filters)
  return {
    title: translateFrom(analyticsMessages, locale, 'analytics.title'),
    report,
    exams,
    charts: report.total.attempts > 0 ? renderAnalyticsCharts(report, locale) : null,
    csvHrefs: Object.fromEntries(ANALYTICS_TABLES.map((table) => [table, `/exams/analytics.csv?${query}&table=${table}`])) as Record<AnalyticsTable, string>,
  }
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `${data.title} · GTAC` : 'GTAC' }]

export default function ExamAnalyticsPage() {
  const { report, exams, charts, csvHrefs } = useLoaderData<typeof loader>()
  const t = useMessages(analyticsMessages)
  const locale = useLocale()
  const { filters, total } = report
  return (
    <section>
      <header className="search-head">
        <h1>{t('analytics.title')}</h1>
      </header>
      <ManageNav />
      <p className="results__summary">{t('analytics.period', { from: filters.from, to: filters.to, timeZone: report.timeZone })}</p>
      <AnalyticsFilters from={filters.from} to={filters.to} examId={filters.examId} exams={exams} />
      {charts ? (
        <>
          <p className="analytics-summary">
            {t('analytics.summary', { attempts: formatCount(total.attempts, locale), passRate: formatRate(total.passRate, locale), meanScore: formatScore(total.meanScore, locale) })}
          </p>
          <div className="chart-grid">
            <PassRateSection
              wide
              title={t('analytics.byExam')}
              dimension={t('analytics.exam')}
              svg={charts.byExam}
              csvHref={csvHrefs.exams}
              rows={report.exams.map((row) => ({ key: row.examId, label: row.title, figures: row, candidates: row.candidates }))}
            />
            <PassRateSection
              title={t('analytics.byMonth')}
              dimension={t('analytics.month')}
              svg={charts.byMonth}
              csvHref={csvHrefs.months}
              rows={report.months.map((row) => ({ key: row.month, label: row.month, figures: row }))}
            />
            <PassRateSection
              title={t('analytics.byStation')}
              dimension={t('analytics.station')}
              svg={charts.byStation}
              note={charts.chartedStations < report.stations.length ? t('analytics.chart.topStations', { count: charts.chartedStations }) : undefined}
              csvHref={csvHrefs.stations}
              rows={report.stations.map((row) => ({ key: row.stationId ?? '', label: stationLabel(row, locale), figures: row }))}
            />
            <PassRateSection
              title={t('analytics.byRegion')}
              dimension={t('analytics.region')}
              svg={charts.byRegion}
              csvHref={csvHrefs.regions}
              rows={report.regions.map((row) => ({ key: row.region ?? '', label: regionLabel(row.region, locale), figures: row }))}
            />
          </div>
        </>
      ) : (
        <p className="empty-state">{t('analytics.empty')}</p>
      )}
      {report.items ? (
        <QuestionAnalysis items={report.items} csvHref={csvHrefs.questions} />
      ) : (
        <p className="results__summary">{t('analytics.questions.choose')}</p>
      )}
      <details className="kpi-definitions">
        <summary>{t('analytics.definitions')}</summary>
        <ul>
          <li>{t('analytics.definition.attempts', { timeZone: report.timeZone })}</li>
          <li>{t('analytics.definition.difficulty')}</li>
          <li>{t('analytics.definition.discrimination')}</li>
          <li>{t('analytics.definition.minimum', { min: MIN_RESPONSES })}</li>
        </ul>
      </details>
    </section>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
