import type { LoaderFunctionArgs } from '@remix-run/node'
import { getCertificate } from '~/modules/exams/certification.server'
import { requireUser } from '~/utils/auth.server'
import { pdfResponse } from '~/utils/pdf.server'
import { invariantResponse } from '~/utils/permissions.server'

/** `GET /me/certificates/:id/pdf`: the certificate page as a PDF, rendered by Chromium. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request)
  const certificate = await getCertificate({ user, certificationId: params.certificationId! })
  invariantResponse(certificate, 'Certificate not found')
  return pdfResponse({ request, path: `/me/certificates/${params.certificationId}`, fileName: `certificate-${params.certificationId}.pdf` })
}
