import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import type { JSONContent } from '@tiptap/core'
import { Form, Link, useActionData, useLoaderData, useNavigation } from '@remix-run/react'
import { GeneralErrorBoundary } from '~/components/error-boundary'
import { RichTextEditor } from '~/components/rich-text-editor'
import { useMessages } from '~/i18n/use-t'
import { getAnswerForEdit, updateAnswer } from '~/modules/forum/answers.server'
import { answerLink } from '~/modules/forum/links'
import { FailureNotice } from '~/modules/forum/components/failure-notice'
import { editorJson } from '~/modules/forum/form.server'
import { forumMessages } from '~/modules/forum/messages'
import { failureResponse, type FailureData } from '~/modules/forum/responses.server'
import { answerEditSchema } from '~/modules/forum/schema'
import { requireUser } from '~/utils/auth.server'
import { invariantResponse } from '~/utils/permissions.server'
import { fieldErrors } from '~/utils/validation'

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request)
  const found = await getAnswerForEdit({ user, questionId: params.questionId!, answerId: params.answerId! })
  invariantResponse(found.ok || found.reason !== 'not-found', 'Answer not found')
  invariantResponse(found.ok, 'Only the author or an admin edits an answer', 403)
  return { answer: found.answer }
}

export const meta: MetaFunction = () => [{ title: '编辑回答 / Edit the answer · GTAC' }]

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request)
  const form = await request.formData()
  const parsed = answerEditSchema.safeParse({ body: editorJson(form.get('body')), version: form.get('version') })
  if (!parsed.success) return Response.json({ errors: fieldErrors(parsed.error) }, { status: 400 })
  const { version, ...input } = parsed.data
  // The answer must belong to the question in the URL.
  const found = await getAnswerForEdit({ user, questionId: params.questionId!, answerId: params.answerId! })
  if (!found.ok) return failureResponse(found)
  const saved = await updateAnswer({ user, answerId: found.answer.id, input, version })
  return saved.ok ? redirect(answerLink(found.answer.question.id, saved.id)) : failureResponse(saved)
}

export default function EditAnswerPage() {
  const { answer } = useLoaderData<typeof loader>()
  const result = useActionData<FailureData>()
  const navigation = useNavigation()
  const t = useMessages(forumMessages)
  const busy = navigation.state !== 'idle'
  return (
    <section className="forum">
      <p><Link to={answerLink(answer.question.id, answer.id)}>← {t('backToQuestion')}</Link></p>
      <h1>{t('editAnswerTitle')}</h1>
      <p className="muted">{t('answerTo', { title: answer.question.title })}</p>
      <Form method="post" className="card forum-form" noValidate>
        <input type="hidden" name="version" value={answer.version} />
        <FailureNotice result={result} />
        <RichTextEditor name="body" label={t('yourAnswer')} initialContent={answer.body as JSONContent} error={result?.errors?.body} />
        <button type="submit" className="button" disabled={busy}>{busy ? t('saving') : t('form.save')}</button>
      </Form>
    </section>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
