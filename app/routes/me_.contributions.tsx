import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { GeneralErrorBoundary } from '~/components/error-boundary'
import { useMessages, useT } from '~/i18n/use-t'
import { listRequestsOfPerson } from '~/modules/assistance/assistance.server'
import { listCasesByAuthor } from '~/modules/cases/case.server'
import { listPostsOfPerson } from '~/modules/forum/contributions.server'
import { answerLink } from '~/modules/forum/links'
import { StatusBadge } from '~/modules/cases/components/status-badge'
import { MemberNav } from '~/modules/members/components/member-nav'
import { memberMessages } from '~/modules/members/messages'
import { POINTS } from '~/modules/members/points'
import { contributionsOf, leaderboards } from '~/modules/members/points.server'
import { requireUser } from '~/utils/auth.server'

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request)
  const [mine, boards, cases, requests, posts] = await Promise.all([
    contributionsOf(user.id),
    leaderboards({ stationId: user.stationId }),
    listCasesByAuthor({ authorId: user.id }),
    listRequestsOfPerson({ userId: user.id }),
    listPostsOfPerson({ userId: user.id }),
  ])
  return { userId: user.id, mine, boards, cases, requests, posts }
}

export const meta: MetaFunction = () => [{ title: '我的贡献 / Contributions · GTAC' }]

type Row = { userId: string; name: string; station: string | null; points: number }

function Leaderboard({ title, rows, me }: { title: string; rows: Row[]; me: string }) {
  const t = useMessages(memberMessages)
  return (
    <section className="card" aria-labelledby={`board-${title}`}>
      <h2 id={`board-${title}`}>{title}</h2>
      {rows.length === 0 ? (
        <p className="muted">{t('none')}</p>
      ) : (
        <table className="table">
          <thead>
            <tr><th scope="col">{t('rank')}</th><th scope="col">{t('name')}</th><th scope="col">{t('stationCode')}</th><th scope="col" className="kpi-number">{t('points')}</th></tr>
          </thead>
          <tbody>
            {rows.map((row, index) => (
              <tr key={row.userId} aria-current={row.userId === me ? 'true' : undefined} className={row.userId === me ? 'row--me' : undefined}>
                <td>{index + 1}</td><th scope="row">{row.name}</th><td>{row.station ?? '–'}</td><td className="kpi-number">{row.points}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  )
}

export default function ContributionsPage() {
  const { userId, mine, boards, cases, requests, posts } = useLoaderData<typeof loader>()
  const t = useMessages(memberMessages)
  const common = useT()
  return (
    <>
      <h1>{common('member.title')}</h1>
      <MemberNav />
      <section className="card" aria-labelledby="points-title">
        <h2 id="points-title" data-testid="points-total" data-points={mine.points}>{t('pointsTotal', { points: mine.points })}</h2>
        <dl className="facts">
          <dt>{t('approvedCases')}</dt><dd>{mine.approvedCases}</dd>
          <dt>{t('classicCases')}</dt><dd>{mine.classicCases}</dd>
          <dt>{t('confirmedFixes')}</dt><dd>{mine.confirmedFixes}</dd>
          <dt>{t('solvedRequests')}</dt><dd>{mine.solvedRequests}</dd>
          <dt>{t('acceptedAnswers')}</dt><dd>{mine.acceptedAnswers}</dd>
        </dl>
        <p className="small muted">{t('points.rules', { approved: POINTS.approvedCase, classic: POINTS.classicCase, confirmed: POINTS.confirmedFix, solved: POINTS.solvedRequest, accepted: POINTS.acceptedAnswer })}</p>
      </section>
      <div className="two-columns">
        <Leaderboard title={t('national')} rows={boards.national} me={userId} />
        <Leaderboard title={t('station')} rows={boards.station} me={userId} />
      </div>
      <section className="card" aria-labelledby="my-cases">
        <h2 id="my-cases">{t('myCases')}</h2>
        {cases.length === 0 ? <p className="muted">{t('none')}</p> : (
          <ul className="plain-list">
            {cases.map((item) => <li key={item.id}><StatusBadge status={item.status} /> <Link to={`/cases/${item.id}`}>{item.title}</Link></li>)}
          </ul>
        )}
      </section>
      <section className="card" aria-labelledby="my-requests">
        <h2 id="my-requests">{t('myRequests')}</h2>
        {requests.length === 0 ? <p className="muted">{t('none')}</p> : (
          <ul className="plain-list">
            {requests.map((item) => <li key={item.id}><Link to={`/assistance/${item.id}`}>#{item.number}</Link> <span className="small muted">{item.symptoms.slice(0, 80)}</span></li>)}
          </ul>
        )}
      </section>
      <div className="two-columns">
        <section className="card" aria-labelledby="my-questions">
          <h2 id="my-questions">{t('myQuestions')}</h2>
          {posts.questions.length === 0 ? <p className="muted">{t('none')}</p> : (
            <ul className="plain-list">
              {posts.questions.map((item) => (
                <li key={item.id}>
                  {item.solved ? <span className="badge badge--solved">{t('solved')}</span> : null} <Link to={`/forum/${item.id}`}>{item.title}</Link>{' '}
                  <span className="small muted">{t('answerCount', { count: item.answerCount })}</span>
                </li>
              ))}
            </ul>
          )}
        </section>
        <section className="card" aria-labelledby="my-answers">
          <h2 id="my-answers">{t('myAnswers')}</h2>
          {posts.answers.length === 0 ? <p className="muted">{t('none')}</p> : (
            <ul className="plain-list">
              {posts.answers.map((item) => (
                <li key={item.id}>
                  {item.accepted ? <span className="badge badge--solved">{t('accepted')}</span> : null} <Link to={answerLink(item.question.id, item.id)}>{item.question.title}</Link>
                </li>
              ))}
            </ul>
          )}
        </section>
      </div>
    </>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
