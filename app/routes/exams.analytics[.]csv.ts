import type { LoaderFunctionArgs } from '@remix-run/node'
import { getLocale } from '~/i18n/locale.server'
import { ANALYTICS_TABLES, analyticsCsv, type AnalyticsTable } from '~/modules/exams/analytics-csv'
import { computeExamAnalytics, parseAnalyticsFilters } from '~/modules/exams/analytics.server'
import { requireExamManager } from '~/modules/exams/manager.server'
import { invariantResponse } from '~/utils/permissions.server'

const isTable = (value: string | null): value is AnalyticsTable => ANALYTICS_TABLES.includes(value as AnalyticsTable)

/** `GET /exams/analytics.csv?from&to&exam&table=exams|months|stations|regions|questions`: one table of /exams/analytics. */
export async function loader({ request }: LoaderFunctionArgs) {
  await requireExamManager(request)
  const url = new URL(request.url)
  const table = url.searchParams.get('table')
  invariantResponse(isTable(table), 'Unknown table', 400)
  url.searchParams.delete('table')
  const filters = parseAnalyticsFilters(url)
  invariantResponse(table !== 'questions' || filters.examId, 'The question table needs an exam', 400)
  const [locale, report] = await Promise.all([getLocale(request), computeExamAnalytics(filters)])
  return new Response(analyticsCsv(report, table, locale), {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="exam-analytics-${table}-${filters.from}_${filters.to}.csv"`,
      'Cache-Control': 'private, no-store',
    },
  })
}
