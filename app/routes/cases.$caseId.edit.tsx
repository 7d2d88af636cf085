import type { JSONContent } from '@tiptap/core'
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { Link, useActionData, useLoaderData } from '@remix-run/react'
import { CaseEditorForm } from '~/modules/cases/components/case-editor-form'
import { GeneralErrorBoundary } from '~/components/error-boundary'
import { useT } from '~/i18n/use-t'
import { getCatalogue } from '~/modules/catalogue/catalogue.server'
import { getCase, transitionCase, updateCase } from '~/modules/cases/case.server'
import { requireUser } from '~/utils/auth.server'
import { parseCaseForm } from '~/modules/cases/case-form.server'
import { invariantResponse } from '~/utils/permissions.server'

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request)
  const record = await getCase({ user, caseId: params.caseId! })
  invariantResponse(record, 'Case not found')
  invariantResponse(record.canEdit, 'Forbidden', 403)
  return { record, catalogue: await getCatalogue() }
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request)
  const parsed = await parseCaseForm(request)
  if (!parsed.ok) return Response.json({ errors: parsed.errors }, { status: 400 })
  const caseId = params.caseId!
  const result = await updateCase({ user, caseId, expectedVersion: parsed.version, content: parsed.content, attachmentIds: parsed.attachmentIds })
  if (!result.ok) {
    if (result.reason === 'not-found') throw new Response('Case not found', { status: 404 })
    if (result.reason === 'forbidden') throw new Response('Forbidden', { status: 403 })
    return Response.json({ conflict: { currentVersion: result.currentVersion } }, { status: 409 })
  }
  if (parsed.intent === 'submit') await transitionCase({ user, caseId, action: 'submit' })
  return redirect(`/cases/${caseId}`)
}

export default function EditCasePage() {
  const { record, catalogue } = useLoaderData<typeof loader>()
  const actionData = useActionData<{ errors?: Record<string, string>; conflict?: { currentVersion: number } }>()
  const t = useT()
  return (
    <>
      <p><Link to={`/cases/${record.id}`}>← {record.title}</Link></p>
      <h1>{t('case.editTitle')}</h1>
      {actionData?.conflict ? (
        <p className="notice notice--error" role="alert">
          {t('case.conflict', { version: actionData.conflict.currentVersion })} <a href={`/cases/${record.id}/edit`}>↻</a>
        </p>
      ) : null}
      <CaseEditorForm
        catalogue={catalogue}
        errors={actionData?.errors}
        values={{
          title: record.title,
          modelId: record.model.id,
          year: record.year,
          vin: record.vin ?? '',
          mileageKm: record.mileageKm ?? '',
          systemCode: record.system.code,
          dtcs: record.dtcs.join(' '),
          symptoms: record.symptoms as JSONContent,
          diagnosis: record.diagnosis as JSONContent,
          rootCause: record.rootCause as JSONContent,
          fix: record.fix as JSONContent,
          parts: record.parts,
          language: record.language,
          version: record.version,
          attachments: record.attachments,
        }}
      />
    </>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
