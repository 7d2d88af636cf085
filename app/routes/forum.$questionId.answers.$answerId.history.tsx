import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { GeneralErrorBoundary } from '~/components/error-boundary'
import { useMessages } from '~/i18n/use-t'
import { answerHistory } from '~/modules/forum/answers.server'
import { answerLink } from '~/modules/forum/links'
import { RevisionList } from '~/modules/forum/components/revision-list'
import { forumMessages } from '~/modules/forum/messages'
import { requireUser } from '~/utils/auth.server'
import { invariantResponse } from '~/utils/permissions.server'

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireUser(request)
  const answer = await answerHistory({ questionId: params.questionId!, answerId: params.answerId! })
  invariantResponse(answer, 'Answer not found')
  return { answer, back: answerLink(answer.question.id, answer.id) }
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `编辑历史 / History: ${data.answer.question.title} · GTAC` : 'GTAC' }]

export default function AnswerHistoryPage() {
  const { answer, back } = useLoaderData<typeof loader>()
  const t = useMessages(forumMessages)
  return (
    <section className="forum">
      <p><Link to={back}>← {t('backToQuestion')}</Link></p>
      <h1>{t('answerHistoryTitle')}</h1>
      <p className="muted">{t('answerTo', { title: answer.question.title })} · {answer.author.name}</p>
      <RevisionList revisions={answer.revisions} />
    </section>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
