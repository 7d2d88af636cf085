import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useActionData, useLoaderData, useNavigation } from '@remix-run/react'
import { GeneralErrorBoundary } from '~/components/error-boundary'
import { useMessages } from '~/i18n/use-t'
import { listVehicleSystems } from '~/modules/catalogue/catalogue.server'
import { QuestionForm } from '~/modules/exams/components/question-form'
import { requireExamManager } from '~/modules/exams/manager.server'
import { examMessages } from '~/modules/exams/messages'
import { getQuestion, InvalidQuestionImageError, updateQuestion } from '~/modules/exams/questions.server'
import { questionFromForm } from '~/modules/exams/schema'
import { invariantResponse } from '~/utils/permissions.server'
import { fieldErrors } from '~/utils/validation'

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireExamManager(request)
  const [question, systems] = await Promise.all([getQuestion({ user, questionId: params.questionId! }), listVehicleSystems()])
  invariantResponse(question, 'Question not found')
  return { question, systems }
}

export const meta: MetaFunction = () => [{ title: 'GTAC · 编辑题目 / Edit question' }]

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireExamManager(request)
  const parsed = questionFromForm(await request.formData())
  if (!parsed.success) return Response.json({ errors: fieldErrors(parsed.error) }, { status: 400 })
  try {
    invariantResponse(await updateQuestion({ user, questionId: params.questionId!, input: parsed.data }), 'Question not found')
  } catch (error) {
    if (error instanceof InvalidQuestionImageError) return Response.json({ errors: error.fieldErrors() }, { status: 400 })
    throw error
  }
  return { saved: true }
}

export default function EditQuestionPage() {
  const { question, systems } = useLoaderData<typeof loader>()
  const actionData = useActionData<{ errors?: Record<string, string>; saved?: boolean }>()
  const busy = useNavigation().state !== 'idle'
  const t = useMessages(examMessages)
  return (
    <section>
      <p><Link to="/exams/manage/questions">← {t('question.back')}</Link></p>
      <h1>{t('question.editTitle')}</h1>
      <p className="muted small">{t('question.editNote')}</p>
      {actionData?.saved ? <p className="notice notice--ok" role="status">{t('question.saved')}</p> : null}
      <QuestionForm key={String(question.updatedAt)} question={question} systems={systems} errors={actionData?.errors ?? {}} busy={busy} />
    </section>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
