import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { z } from 'zod'
import { GeneralErrorBoundary } from '~/components/error-boundary'
import { useRevalidateOn } from '~/components/realtime'
import { useMessages } from '~/i18n/use-t'
import { acceptAnswer, createAnswer } from '~/modules/forum/answers.server'
import { answerLink } from '~/modules/forum/links'
import { addComment } from '~/modules/forum/comments.server'
import { AnswerForm, AnswerPost, QuestionPost } from '~/modules/forum/components/question-thread'
import { ModeratorTools } from '~/modules/forum/components/moderator-tools'
import { draftCaseFromAcceptedAnswer } from '~/modules/forum/draft-case.server'
import { editorJson, forumFormOptions } from '~/modules/forum/form.server'
import { forumMessages } from '~/modules/forum/messages'
import { closeAsDuplicate, getQuestionThread, reopenQuestion } from '~/modules/forum/questions.server'
import { failureResponse } from '~/modules/forum/responses.server'
import { answerInputSchema, commentInputSchema, draftCaseInputSchema, duplicateInputSchema, voteInputSchema } from '~/modules/forum/schema'
import { castVote } from '~/modules/forum/votes.server'
import { NOTIFICATION_EVENTS } from '~/modules/notifications/events'
import { requireUser } from '~/utils/auth.server'
import { invariantResponse } from '~/utils/permissions.server'
import { fieldErrors } from '~/utils/validation'

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request)
  const thread = await getQuestionThread({ user, questionId: params.questionId! })
  invariantResponse(thread, 'Question not found')
  const offersDraftCase = thread.can.draftCase && thread.question.acceptedAnswerId !== null && thread.question.caseId === null
  return { ...thread, options: offersDraftCase ? await forumFormOptions() : null }
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `${data.question.title} · 知道论坛 / Know forum · GTAC` : 'GTAC' }]

const intentSchema = z.object({ intent: z.enum(['answer', 'comment', 'vote', 'accept', 'close', 'reopen', 'draft-case']) })

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request)
  const questionId = params.questionId!
  const form = await request.formData()
  const fields = Object.fromEntries(form)
  const intent = intentSchema.safeParse(fields)
  if (!intent.success) return Response.json({ errors: fieldErrors(intent.error) }, { status: 400 })
  const { intent: _intent, ...input } = fields
  const invalid = (error: z.ZodError) => Response.json({ errors: fieldErrors(error) }, { status: 400 })

  switch (intent.data.intent) {
    case 'answer': {
      const parsed = answerInputSchema.safeParse({ body: editorJson(form.get('body')) })
      if (!parsed.success) return invalid(parsed.error)
      const created = await createAnswer({ user, questionId, input: parsed.data })
      return created.ok ? redirect(answerLink(questionId, created.id)) : failureResponse(created)
    }
    case 'comment': {
      const parsed = commentInputSchema.safeParse(input)
      if (!parsed.success) return invalid(parsed.error)
      const created = await addComment({ user, questionId, input: parsed.data })
      return created.ok ? { ok: true } : failureResponse(created)
    }
    case 'vote': {
      const parsed = voteInputSchema.safeParse(input)
      if (!parsed.success) return invalid(parsed.error)
      const voted = await castVote({ user, input: parsed.data })
      return voted.ok ? voted : failureResponse(voted)
    }
    case 'accept': {
      const parsed = z.object({ answerId: z.string().min(1).max(40) }).safeParse(input)
      if (!parsed.success) return invalid(parsed.error)
      const accepted = await acceptAnswer({ user, questionId, answerId: parsed.data.answerId })
      return accepted.ok ? { ok: true } : failureResponse(accepted)
    }
    case 'close': {
      const parsed = duplicateInputSchema.safeParse(input)
      if (!parsed.success) return invalid(parsed.error)
      const closed = await closeAsDuplicate({ user, questionId, input: parsed.data })
      return closed.ok ? { ok: true } : failureResponse(closed)
    }
    case 'reopen': {
      const reopened = await reopenQuestion({ user, questionId })
      return reopened.ok ? { ok: true } : failureResponse(reopened)
    }
    case 'draft-case': {
      const parsed = draftCaseInputSchema.safeParse(input)
      if (!parsed.success) return invalid(parsed.error)
      const drafted = await draftCaseFromAcceptedAnswer({ user, questionId, input: parsed.data })
      return drafted.ok ? redirect(`/cases/${drafted.caseId}`) : failureResponse(drafted)
    }
  }
}

export default function QuestionPage() {
  const { question, answers, can, options } = useLoaderData<typeof loader>()
  const t = useMessages(forumMessages)
  // An answer or a comment for the asker arrives as a notification: the page follows.
  useRevalidateOn([NOTIFICATION_EVENTS.created])
  return (
    <article className="forum-thread">
      <p><Link to="/forum">← {t('title')}</Link></p>
      <QuestionPost question={question} can={can} />
      {can.close ? <ModeratorTools closed={question.closedAt !== null} /> : null}

      <section aria-labelledby="answers-title">
        <h2 id="answers-title">{t('answersTitle', { count: answers.length })}</h2>
        {answers.length === 0 ? <p className="empty-state">{t('noAnswers')}</p> : null}
        {answers.map((answer) => (
          <AnswerPost
            key={answer.id}
            questionId={question.id}
            answer={answer}
            canAccept={can.accept}
            draftCase={answer.accepted && options && question.caseId === null ? { options, modelId: question.model?.id ?? null, systemCode: question.system?.code ?? null, year: question.yearMentioned } : null}
          />
        ))}
      </section>

      {can.answer ? <AnswerForm key={answers.length} /> : <p className="notice">{t('closedNoAnswers')}</p>}
    </article>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
