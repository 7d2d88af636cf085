import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { GeneralErrorBoundary } from '~/components/error-boundary'
import { useMessages } from '~/i18n/use-t'
import { RevisionList } from '~/modules/forum/components/revision-list'
import { forumMessages } from '~/modules/forum/messages'
import { questionHistory } from '~/modules/forum/questions.server'
import { requireUser } from '~/utils/auth.server'
import { invariantResponse } from '~/utils/permissions.server'

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireUser(request)
  const question = await questionHistory({ questionId: params.questionId! })
  invariantResponse(question, 'Question not found')
  return { question }
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `编辑历史 / History: ${data.question.title} · GTAC` : 'GTAC' }]

export default function QuestionHistoryPage() {
  const { question } = useLoaderData<typeof loader>()
  const t = useMessages(forumMessages)
  return (
    <section className="forum">
      <p><Link to={`/forum/${question.id}`}>← {t('backToQuestion')}</Link></p>
      <h1>{t('historyTitle')}: {question.title}</h1>
      <RevisionList revisions={question.revisions} />
    </section>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
