import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Link, useActionData, useLoaderData, useNavigation } from '@remix-run/react'
import { GeneralErrorBoundary } from '~/components/error-boundary'
import { useMessages } from '~/i18n/use-t'
import { listVehicleSystems } from '~/modules/catalogue/catalogue.server'
import { QuestionForm } from '~/modules/exams/components/question-form'
import { requireExamManager } from '~/modules/exams/manager.server'
import { examMessages } from '~/modules/exams/messages'
import { draftQuestionFromCaseId } from '~/modules/exams/case-draft.server'
import { createQuestion, InvalidQuestionImageError } from '~/modules/exams/questions.server'
import { questionFromForm } from '~/modules/exams/schema'
import { invariantResponse } from '~/utils/permissions.server'
import { fieldErrors } from '~/utils/validation'

/** `?fromCase=:caseId` opens the form with a question drafted from that classic case. */
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireExamManager(request)
  const caseId = new URL(request.url).searchParams.get('fromCase')
  const [systems, draft] = await Promise.all([listVehicleSystems(), caseId ? draftQuestionFromCaseId({ user, caseId: caseId.slice(0, 40) }) : null])
  if (caseId) invariantResponse(draft, 'Case not found')
  return { systems, draft }
}

export const meta: MetaFunction = () => [{ title: 'GTAC · 新建题目 / New question' }]

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireExamManager(request)
  const parsed = questionFromForm(await request.formData())
  if (!parsed.success) return Response.json({ errors: fieldErrors(parsed.error) }, { status: 400 })
  try {
    await createQuestion({ user, input: parsed.data })
  } catch (error) {
    if (error instanceof InvalidQuestionImageError) return Response.json({ errors: error.fieldErrors() }, { status: 400 })
    throw error
  }
  return redirect('/exams/manage/questions')
}

export default function NewQuestionPage() {
  const { systems, draft } = useLoaderData<typeof loader>()
  const actionData = useActionData<{ errors?: Record<string, string> }>()
  const busy = useNavigation().state !== 'idle'
  const t = useMessages(examMessages)
  return (
    <section>
      <p><Link to="/exams/manage/questions">← {t('question.back')}</Link></p>
      <h1>{t('question.newTitle')}</h1>
      {draft ? (
        <p className="notice notice--ok" role="status" data-testid="draft-from-case">
          {t('question.fromCase', { title: draft.caseTitle })} <Link to={`/cases/${draft.caseId}`}>{draft.caseTitle}</Link>
        </p>
      ) : null}
      <QuestionForm
        question={draft ? { ...draft.question, id: '', options: draft.question.options.map((option, index) => ({ ...option, id: String(index) })) } : undefined}
        systems={systems}
        errors={actionData?.errors ?? {}}
        busy={busy}
      />
    </section>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
