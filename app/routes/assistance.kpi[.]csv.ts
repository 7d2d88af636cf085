import type { LoaderFunctionArgs } from '@remix-run/node'
import { getLocale } from '~/i18n/locale.server'
import { computeKpis, kpiCsv, parseKpiFilters, requireKpiScope } from '~/modules/assistance/kpi.server'
import { requireUser } from '~/utils/auth.server'

/** `GET /assistance/kpi.csv?from&to&groupBy`: the table of /assistance/kpi, one row per group, for Excel. */
export async function loader({ request }: LoaderFunctionArgs) {
  const scope = requireKpiScope(await requireUser(request))
  const filters = parseKpiFilters(new URL(request.url))
  const [locale, report] = await Promise.all([getLocale(request), computeKpis({ scope, filters })])
  return new Response(kpiCsv(report, locale), {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="assistance-kpi-${filters.from}_${filters.to}-${filters.groupBy}.csv"`,
      'Cache-Control': 'private, no-store',
    },
  })
}
