import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { GeneralErrorBoundary } from '~/components/error-boundary'
import { useMessages } from '~/i18n/use-t'
import { GrantBadge } from '~/modules/exams/components/level-badge'
import { ManageNav } from '~/modules/exams/components/manage-nav'
import { useExamFormat } from '~/modules/exams/components/use-exam-format'
import { requireExamManager } from '~/modules/exams/manager.server'
import { examMessages } from '~/modules/exams/messages'
import { listPapers } from '~/modules/exams/papers.server'

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireExamManager(request)
  return { papers: await listPapers({ user }) }
}

export const meta: MetaFunction = () => [{ title: 'GTAC · 考试管理 / Exam management' }]

export default function ManagePapersPage() {
  const { papers } = useLoaderData<typeof loader>()
  const t = useMessages(examMessages)
  const format = useExamFormat()
  return (
    <section>
      <header className="search-head">
        <h1>{t('manage.title')}</h1>
        <Link className="button" to="/exams/manage/papers/new">{t('manage.newPaper')}</Link>
      </header>
      <ManageNav />
      {papers.length === 0 ? (
        <p className="empty-state">{t('manage.noPapers')}</p>
      ) : (
        <div className="table-wrap">
          <table className="table">
            <thead>
              <tr>
                <th scope="col">{t('col.exam')}</th>
                <th scope="col">{t('col.status')}</th>
                <th scope="col">{t('exam.timeLimitLabel')}</th>
                <th scope="col">{t('manage.attempts')}</th>
                <th scope="col">{t('manage.passes')}</th>
              </tr>
            </thead>
            <tbody>
              {papers.map((paper) => (
                <tr key={paper.id}>
                  <td>
                    <Link to={`/exams/manage/papers/${paper.id}`}>{paper.title}</Link> <GrantBadge level={paper.level} position={paper.position} />
                  </td>
                  <td>
                    {paper.publishedAt ? (
                      <span className="badge badge--published" title={format.dateTime(paper.publishedAt)}>{t('manage.published')}</span>
                    ) : (
                      <span className="badge badge--unpublished">{t('manage.draft')}</span>
                    )}
                  </td>
                  <td>{t('exam.timeLimit', { minutes: paper.timeLimitMinutes })}</td>
                  <td>{paper.attempts}</td>
                  <td>{paper.passes}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
