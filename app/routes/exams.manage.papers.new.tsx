import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Link, useActionData, useLoaderData, useNavigation } from '@remix-run/react'
import { GeneralErrorBoundary } from '~/components/error-boundary'
import { useMessages } from '~/i18n/use-t'
import { listVehicleSystems } from '~/modules/catalogue/catalogue.server'
import { PaperForm } from '~/modules/exams/components/paper-form'
import { requireExamManager } from '~/modules/exams/manager.server'
import { examMessages } from '~/modules/exams/messages'
import { createPaper } from '~/modules/exams/papers.server'
import { paperFromForm } from '~/modules/exams/schema'
import { fieldErrors } from '~/utils/validation'

export async function loader({ request }: LoaderFunctionArgs) {
  await requireExamManager(request)
  return { systems: await listVehicleSystems() }
}

export const meta: MetaFunction = () => [{ title: 'GTAC · 新建试卷 / New paper' }]

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireExamManager(request)
  const parsed = paperFromForm(await request.formData())
  if (!parsed.success) return Response.json({ errors: fieldErrors(parsed.error) }, { status: 400 })
  const { id } = await createPaper({ user, input: parsed.data })
  return redirect(`/exams/manage/papers/${id}`)
}

export default function NewPaperPage() {
  const { systems } = useLoaderData<typeof loader>()
  const actionData = useActionData<{ errors?: Record<string, string> }>()
  const busy = useNavigation().state !== 'idle'
  const t = useMessages(examMessages)
  return (
    <section>
      <p><Link to="/exams/manage">← {t('manage.title')}</Link></p>
      <h1>{t('paper.newTitle')}</h1>
      <PaperForm systems={systems} errors={actionData?.errors ?? {}} busy={busy} />
    </section>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
