import type { LoaderFunctionArgs } from '@remix-run/node'
import { complianceCsv, requestedMonth } from '~/modules/training/compliance'
import { complianceForMonth } from '~/modules/training/inhouse.server'
import { requireTrainingManager } from '~/modules/training/manage.server'
import { invariantResponse } from '~/utils/permissions.server'

/** `GET /training/compliance.csv?month=YYYY-MM`: the per-station table of /training/compliance, for Excel. */
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireTrainingManager(request)
  const month = requestedMonth(request)
  const compliance = await complianceForMonth({ user, month })
  invariantResponse(compliance, 'Forbidden', 403)
  return new Response(complianceCsv(month, compliance.stations), {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="training-compliance-${month}.csv"`,
      'Cache-Control': 'private, no-store',
    },
  })
}
