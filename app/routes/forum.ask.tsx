import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Link, useActionData, useLoaderData } from '@remix-run/react'
import { GeneralErrorBoundary } from '~/components/error-boundary'
import { useMessages } from '~/i18n/use-t'
import { QuestionForm } from '~/modules/forum/components/question-form'
import { forumFormOptions, parseQuestionForm } from '~/modules/forum/form.server'
import { forumMessages } from '~/modules/forum/messages'
import { createQuestion } from '~/modules/forum/questions.server'
import { failureResponse, type FailureData } from '~/modules/forum/responses.server'
import { requireUser } from '~/utils/auth.server'
import { fieldErrors } from '~/utils/validation'

export async function loader({ request }: LoaderFunctionArgs) {
  await requireUser(request)
  return { options: await forumFormOptions() }
}

export const meta: MetaFunction = () => [{ title: '我要提问 / Ask a question · GTAC' }]

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request)
  const parsed = parseQuestionForm(await request.formData())
  if (!parsed.success) return Response.json({ errors: fieldErrors(parsed.error) }, { status: 400 })
  const created = await createQuestion({ user, input: parsed.data })
  return created.ok ? redirect(`/forum/${created.id}`) : failureResponse(created)
}

export default function AskPage() {
  const { options } = useLoaderData<typeof loader>()
  const result = useActionData<FailureData>()
  const t = useMessages(forumMessages)
  return (
    <section className="forum">
      <p><Link to="/forum">← {t('title')}</Link></p>
      <h1>{t('askTitle')}</h1>
      <QuestionForm values={{}} options={options} result={result} submitLabel={t('form.submit')} />
    </section>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
