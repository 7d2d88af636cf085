import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { GeneralErrorBoundary } from '~/components/error-boundary'
import { useMessages } from '~/i18n/use-t'
import { InspectionReport } from '~/modules/inspections/components/inspection-report'
import { getInspection } from '~/modules/inspections/inspections.server'
import { inspectionMessages } from '~/modules/inspections/messages'
import { AnnotatedImage } from '~/modules/live/components/annotated-image'
import { requireUser } from '~/utils/auth.server'
import { invariantResponse } from '~/utils/permissions.server'

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request)
  const inspection = await getInspection({ user, inspectionId: params.inspectionId! })
  invariantResponse(inspection, 'Inspection not found')
  return { inspection }
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `巡检报告 #${data.inspection.number} / Inspection report #${data.inspection.number} · GTAC` : 'GTAC' }]

/** The printable report: the browser's "save as PDF" makes the PDF, with the evidence photos. */
export default function InspectionReportPage() {
  const { inspection } = useLoaderData<typeof loader>()
  const t = useMessages(inspectionMessages)
  const files = new Map(inspection.attachments.map((file) => [file.id, file]))
  const renderFiles = (ids: string[]) => (
    <ul className="evidence-list">
      {ids.map((id) => {
        const file = files.get(id)
        if (!file) return null
        return <li key={id}>{file.mimeType.startsWith('image/') ? <AnnotatedImage src={`/files/${id}`} alt={file.fileName} className="evidence-image" annotations={file.annotations} /> : <a href={`/files/${id}`}>{file.fileName}</a>}</li>
      })}
    </ul>
  )
  return (
    <>
      <p className="report-tools button-row">
        <Link to={`/inspections/${inspection.id}`}>← {t('number', { number: inspection.number })}</Link>
        <button type="button" className="button button--ghost" onClick={() => window.print()}>{t('print')}</button>
      </p>
      <InspectionReport inspection={inspection} renderFiles={renderFiles} />
    </>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
