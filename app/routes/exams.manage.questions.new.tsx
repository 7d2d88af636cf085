import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Link, useActionData, useLoaderData, useNavigation } from '@remix-run/react'
import { GeneralErrorBoundary } from '~/components/error-boundary'
import { useMessages } from '~/i18n/use-t'
import { listVehicleSystems } from '~/modules/catalogue/catalogue.server'
import { QuestionForm } from '~/modules/exams/components/question-form'
import { requireExamManager } from '~/modules/exams/manager.server'
import { examMessages } from '~/modules/exams/messages'
import { createQuestion } from '~/modules/exams/questions.server'
import { questionFromForm } from '~/modules/exams/schema'
import { fieldErrors } from '~/utils/validation'

export async function loader({ request }: LoaderFunctionArgs) {
  await requireExamManager(request)
  return { systems: await listVehicleSystems() }
}

export const meta: MetaFunction = () => [{ title: 'GTAC · 新建题目 / New question' }]

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireExamManager(request)
  const parsed = questionFromForm(await request.formData())
  if (!parsed.success) return Response.json({ errors: fieldErrors(parsed.error) }, { status: 400 })
  await createQuestion({ user, input: parsed.data })
  return redirect('/exams/manage/questions')
}

export default function NewQuestionPage() {
  const { systems } = useLoaderData<typeof loader>()
  const actionData = useActionData<{ errors?: Record<string, string> }>()
  const busy = useNavigation().state !== 'idle'
  const t = useMessages(examMessages)
  return (
    <section>
      <p><Link to="/exams/manage/questions">← {t('question.back')}</Link></p>
      <h1>{t('question.newTitle')}</h1>
      <QuestionForm systems={systems} errors={actionData?.errors ?? {}} busy={busy} />
    </section>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
