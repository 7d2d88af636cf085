import type { LoaderFunctionArgs } from '@remix-run/node'
import { getInspection } from '~/modules/inspections/inspections.server'
import { requireUser } from '~/utils/auth.server'
import { pdfResponse } from '~/utils/pdf.server'
import { invariantResponse } from '~/utils/permissions.server'

/** `GET /inspections/:id/report.pdf`: the printable report with its evidence photos, rendered by Chromium. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request)
  const inspection = await getInspection({ user, inspectionId: params.inspectionId! })
  invariantResponse(inspection, 'Inspection not found')
  return pdfResponse({ request, path: `/inspections/${inspection.id}/report`, fileName: `inspection-${inspection.number}.pdf` })
}
