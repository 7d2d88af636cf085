import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { useActionData, useLoaderData } from '@remix-run/react'
import { CaseEditorForm } from '~/modules/cases/components/case-editor-form'
import { useT } from '~/i18n/use-t'
import { getCatalogue } from '~/modules/catalogue/catalogue.server'
import { createCase, transitionCase } from '~/modules/cases/case.server'
import { requireUser } from '~/utils/auth.server'
import { parseCaseForm } from '~/modules/cases/case-form.server'

export async function loader({ request }: LoaderFunctionArgs) {
  await requireUser(request)
  return { catalogue: await getCatalogue() }
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request)
  const parsed = await parseCaseForm(request)
  if (!parsed.ok) return Response.json({ errors: parsed.errors }, { status: 400 })
  const created = await createCase({ author: user, content: parsed.content, attachmentIds: parsed.attachmentIds })
  if (parsed.intent === 'submit') await transitionCase({ user, caseId: created.id, action: 'submit' })
  return redirect(`/cases/${created.id}`)
}

export default function NewCasePage() {
  const { catalogue } = useLoaderData<typeof loader>()
  const actionData = useActionData<{ errors?: Record<string, string> }>()
  const t = useT()
  return (
    <>
      <h1>{t('case.new')}</h1>
      <CaseEditorForm
        suggestSimilar
        catalogue={catalogue}
        errors={actionData?.errors}
        values={{ title: '', modelId: '', year: '', vin: '', mileageKm: '', systemCode: '', dtcs: '', parts: [], language: 'zh', version: 0, attachments: [] }}
      />
    </>
  )
}
