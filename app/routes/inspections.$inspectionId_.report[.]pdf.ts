import type { LoaderFunctionArgs } from '@remix-run/node'
import { getInspection } from '~/modules/inspections/inspections.server'
import { requireUser } from '~/utils/auth.server'
import { PdfUnavailableError, renderPageToPdf } from '~/utils/pdf.server'
import { invariantResponse } from '~/utils/permissions.server'

/** `GET /inspections/:id/report.pdf`: the printable report with its evidence photos, rendered by Chromium. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request)
  const inspection = await getInspection({ user, inspectionId: params.inspectionId! })
  invariantResponse(inspection, 'Inspection not found')
  const reportUrl = new URL(`/inspections/${inspection.id}/report`, request.url)
  try {
    const pdf = await renderPageToPdf({ url: reportUrl.href, cookie: request.headers.get('Cookie') ?? '' })
    return new Response(new Uint8Array(pdf), {
      headers: {
        'Content-Type': 'application/pdf',
        'Content-Length': String(pdf.length),
        'Content-Disposition': `attachment; filename="inspection-${inspection.number}.pdf"`,
        'Cache-Control': 'private, no-store',
      },
    })
  } catch (error) {
    if (error instanceof PdfUnavailableError) throw new Response(error.message, { status: 503 })
    throw error
  }
}
