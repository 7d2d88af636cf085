import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import type { JSONContent } from '@tiptap/core'
import { Link, useActionData, useLoaderData } from '@remix-run/react'
import { z } from 'zod'
import { GeneralErrorBoundary } from '~/components/error-boundary'
import { useMessages } from '~/i18n/use-t'
import { QuestionForm } from '~/modules/forum/components/question-form'
import { forumFormOptions, parseQuestionForm } from '~/modules/forum/form.server'
import { forumMessages } from '~/modules/forum/messages'
import { getQuestionForEdit, updateQuestion } from '~/modules/forum/questions.server'
import { failureResponse, type FailureData } from '~/modules/forum/responses.server'
import { requireUser } from '~/utils/auth.server'
import { invariantResponse } from '~/utils/permissions.server'
import { fieldErrors } from '~/utils/validation'

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request)
  const found = await getQuestionForEdit({ user, questionId: params.questionId! })
  invariantResponse(found.ok || found.reason !== 'not-found', 'Question not found')
  invariantResponse(found.ok, 'Only the author or an admin edits a question', 403)
  return { question: found.question, options: await forumFormOptions() }
}

export const meta: MetaFunction = () => [{ title: '编辑问题 / Edit the question · GTAC' }]

const versionSchema = z.object({ version: z.coerce.number().int().min(1) })

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request)
  const form = await request.formData()
  const version = versionSchema.safeParse({ version: form.get('version') })
  const parsed = parseQuestionForm(form)
  if (!parsed.success || !version.success) {
    return Response.json({ errors: { ...(parsed.success ? {} : fieldErrors(parsed.error)), ...(version.success ? {} : fieldErrors(version.error)) } }, { status: 400 })
  }
  const saved = await updateQuestion({ user, questionId: params.questionId!, input: parsed.data, version: version.data.version })
  return saved.ok ? redirect(`/forum/${saved.id}`) : failureResponse(saved)
}

export default function EditQuestionPage() {
  const { question, options } = useLoaderData<typeof loader>()
  const result = useActionData<FailureData>()
  const t = useMessages(forumMessages)
  return (
    <section className="forum">
      <p><Link to={`/forum/${question.id}`}>← {t('backToQuestion')}</Link></p>
      <h1>{t('editTitle')}</h1>
      <QuestionForm
        values={{ ...question, body: question.body as JSONContent }}
        options={options}
        result={result}
        submitLabel={t('form.save')}
      />
    </section>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
