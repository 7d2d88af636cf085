import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { GeneralErrorBoundary } from '~/components/error-boundary'
import { useMessages } from '~/i18n/use-t'
import { canManageExams } from '~/modules/exams/access'
import { listExamsForCandidate, listMyAttempts } from '~/modules/exams/attempts.server'
import { listCertifications, listPositionCertificates } from '~/modules/exams/certification.server'
import { canSeeCoverage } from '~/modules/exams/coverage.server'
import { CertificationList } from '~/modules/exams/components/certification-list'
import { GrantBadge } from '~/modules/exams/components/level-badge'
import { useExamFormat } from '~/modules/exams/components/use-exam-format'
import { examMessages } from '~/modules/exams/messages'
import { requireUser } from '~/utils/auth.server'
import { PageHead } from '~/components/page-head'

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request)
  const exams = await listExamsForCandidate({ user })
  const [attempts, certifications, positions] = await Promise.all([listMyAttempts({ user }), listCertifications({ userId: user.id }), listPositionCertificates({ userId: user.id })])
  return { exams, attempts, certifications, positions, canManage: canManageExams(user), showCoverage: canSeeCoverage(user) }
}

export const meta: MetaFunction = () => [{ title: 'GTAC · 在线考试 / Exams' }]

export default function ExamsPage() {
  const { exams, attempts, certifications, positions, canManage, showCoverage } = useLoaderData<typeof loader>()
  const t = useMessages(examMessages)
  const format = useExamFormat()
  const open = exams.filter((exam) => exam.prerequisiteMet)
  const locked = exams.filter((exam) => !exam.prerequisiteMet)

  return (
    <section>
      <PageHead
        title={t('title')}
        intro={t('intro')}
        action={
          <div className="page-actions">
            {showCoverage ? <Link className="button button--ghost" to="/exams/coverage">{t('coverage.link')}</Link> : null}
            {canManage ? <Link className="button button--ghost" to="/exams/manage">{t('manage')}</Link> : null}
          </div>
        }
      />

      <section className="card" aria-labelledby="my-levels">
        <h2 id="my-levels">{t('list.myLevels')}</h2>
        <CertificationList certifications={certifications} positions={positions} showLink={false} />
      </section>

      <h2>{t('list.open')}</h2>
      {open.length === 0 ? (
        <p className="empty-state">{t('list.noneOpen')}</p>
      ) : (
        <ul className="exam-list">
          {open.map((exam) => (
            <li key={exam.id} className="exam-row" data-testid="exam-row">
              <div className="exam-row__head">
                <Link to={`/exams/${exam.id}`} className="exam-row__title">{exam.title}</Link>
                <GrantBadge level={exam.level} position={exam.position} />
                {exam.passed ? <span className="badge badge--passed">{t('exam.passed')}</span> : null}
              </div>
              <p className="hit__meta">
                <span>{t('exam.timeLimitLabel')}: {t('exam.timeLimit', { minutes: exam.timeLimitMinutes })}</span>
                <span>{t('exam.passMark')}: {t('exam.passMarkValue', { percent: exam.passPercent })}</span>
                <span>{t('exam.attemptsLeft')}: {t('exam.attemptsLeftValue', { left: exam.attemptsLeft, max: exam.maxAttempts })}</span>
                {exam.bestScore !== null ? <span>{t('exam.bestScore', { score: format.score(exam.bestScore) })}</span> : null}
              </p>
              <p className="exam-row__action">
                {exam.running ? (
                  <Link className="button" to={`/exams/attempts/${exam.running.id}`}>{t('exam.continue')}</Link>
                ) : exam.attemptsLeft === 0 ? (
                  <span className="muted">{t('exam.noAttemptsLeft')}</span>
                ) : exam.cooldownUntil ? (
                  <span className="muted">{t('exam.cooldownUntil', { time: format.dateTime(exam.cooldownUntil) })}</span>
                ) : (
                  <Link className="button button--ghost" to={`/exams/${exam.id}`}>{t('exam.start')}</Link>
                )}
              </p>
            </li>
          ))}
        </ul>
      )}

      {locked.length > 0 ? (
        <>
          <h2>{t('list.locked')}</h2>
          <ul className="exam-list">
            {locked.map((exam) => (
              <li key={exam.id} className="exam-row exam-row--locked">
                <div className="exam-row__head">
                  <span className="exam-row__title">{exam.title}</span>
                  <GrantBadge level={exam.level} position={exam.position} />
                </div>
                <p className="muted small">{exam.requiredLevel ? t('list.lockedHint', { level: t(`level.${exam.requiredLevel}`) }) : null}</p>
              </li>
            ))}
          </ul>
        </>
      ) : null}

      <h2>{t('list.mine')}</h2>
      {attempts.length === 0 ? (
        <p className="empty-state">{t('list.noAttempts')}</p>
      ) : (
        <div className="table-wrap">
          <table className="table">
            <thead>
              <tr>
                <th scope="col">{t('col.exam')}</th>
                <th scope="col">{t('col.started')}</th>
                <th scope="col">{t('col.status')}</th>
                <th scope="col">{t('col.score')}</th>
                <th scope="col">{t('col.result')}</th>
              </tr>
            </thead>
            <tbody>
              {attempts.map((attempt) => (
                <tr key={attempt.id}>
                  <td><Link to={`/exams/attempts/${attempt.id}`}>{attempt.paper.title}</Link></td>
                  <td>{format.dateTime(attempt.startedAt)}</td>
                  <td>{t(`status.${attempt.status}`)}</td>
                  <td>{attempt.score === null ? '—' : format.score(attempt.score)}</td>
                  <td>{attempt.passed === null ? '—' : attempt.passed ? t('result.passed') : t('result.failed')}</td>
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
