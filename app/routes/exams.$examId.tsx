import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData, useNavigation } from '@remix-run/react'
import { GeneralErrorBoundary } from '~/components/error-boundary'
import { useMessages } from '~/i18n/use-t'
import { getExamForCandidate, startAttempt } from '~/modules/exams/attempts.server'
import { GrantBadge } from '~/modules/exams/components/level-badge'
import { useExamFormat } from '~/modules/exams/components/use-exam-format'
import { examMessages } from '~/modules/exams/messages'
import { requireUser } from '~/utils/auth.server'
import { invariantResponse } from '~/utils/permissions.server'

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request)
  const exam = await getExamForCandidate({ user, paperId: params.examId! })
  invariantResponse(exam, 'Exam not found')
  return exam
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `${data.paper.title} · GTAC` : 'GTAC' }]

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request)
  const outcome = await startAttempt({ user, paperId: params.examId! })
  if (outcome.ok) return redirect(`/exams/attempts/${outcome.attemptId}`)
  invariantResponse(outcome.reason !== 'not-found', 'Exam not found')
  return Response.json({ refused: outcome }, { status: outcome.reason === 'prerequisite' ? 403 : 409 })
}

type Refusal = Exclude<Awaited<ReturnType<typeof startAttempt>>, { ok: true } | { reason: 'not-found' }>

export default function ExamStartPage() {
  const { paper, standing, attempts } = useLoaderData<typeof loader>()
  const actionData = useActionData<{ refused?: Refusal }>()
  const busy = useNavigation().state !== 'idle'
  const t = useMessages(examMessages)
  const format = useExamFormat()
  const refusalText = (refused: Refusal) =>
    refused.reason === 'prerequisite'
      ? t('exam.prerequisiteMissing', { level: t(`level.${refused.requiredLevel}`) })
      : refused.reason === 'cooldown'
        ? t('exam.cooldownUntil', { time: format.dateTime(refused.retryAt) })
        : refused.reason === 'no-attempts-left'
          ? t('exam.noAttemptsLeft')
          : t('exam.bankTooSmall')
  const blocked = !standing.prerequisiteMet || standing.attemptsLeft === 0 || Boolean(standing.cooldownUntil)

  return (
    <section className="exam-start">
      <p><Link to="/exams">← {t('exam.back')}</Link></p>
      <header className="case-header">
        <h1>{paper.title}</h1>
        <GrantBadge level={paper.level} position={paper.position} />
      </header>
      {paper.description ? <p className="exam-start__description">{paper.description}</p> : null}
      <section className="card">
        <dl className="facts">
          <dt>{t('exam.questions')}</dt>
          <dd>{paper.questionCount}</dd>
          <dt>{t('exam.timeLimitLabel')}</dt>
          <dd>{t('exam.timeLimit', { minutes: paper.timeLimitMinutes })}</dd>
          <dt>{t('exam.passMark')}</dt>
          <dd>{t('exam.passMarkValue', { percent: paper.passPercent })}</dd>
          <dt>{t('exam.attemptsLeft')}</dt>
          <dd data-testid="attempts-left">{t('exam.attemptsLeftValue', { left: standing.attemptsLeft, max: paper.maxAttempts })}</dd>
          <dt>{t('exam.cooldown')}</dt>
          <dd>{paper.cooldownMinutes > 0 ? t('exam.cooldownValue', { minutes: paper.cooldownMinutes }) : t('exam.noCooldown')}</dd>
          <dt>{t('exam.partialCredit')}</dt>
          <dd>{paper.partialCredit ? t('exam.partialCreditOn') : t('exam.partialCreditOff')}</dd>
          <dt>{t('exam.review')}</dt>
          <dd>{paper.showAnswers ? t('exam.reviewShown') : t('exam.reviewHidden')}</dd>
          <dt>{t('exam.grants')}</dt>
          <dd>{paper.level ? t(`level.${paper.level}`) : t('level.none')}</dd>
          <dt>{t('exam.requires')}</dt>
          <dd>{standing.requiredLevel ? t(`level.${standing.requiredLevel}`) : t('exam.requiresNothing')}</dd>
        </dl>
      </section>

      {actionData?.refused ? <p className="notice notice--error" role="alert">{refusalText(actionData.refused)}</p> : null}
      {!standing.prerequisiteMet && standing.requiredLevel ? (
        <p className="notice notice--warning">{t('exam.prerequisiteMissing', { level: t(`level.${standing.requiredLevel}`) })}</p>
      ) : null}
      {standing.passed ? <p className="notice notice--ok">{t('exam.passed')}</p> : null}

      {standing.running ? (
        <p>
          <Link className="button" to={`/exams/attempts/${standing.running.id}`}>{t('exam.continue')}</Link>{' '}
          <span className="muted">{t('exam.running', { time: format.dateTime(standing.running.deadline) })}</span>
        </p>
      ) : blocked ? (
        <p className="muted">
          {standing.attemptsLeft === 0 ? t('exam.noAttemptsLeft') : standing.cooldownUntil ? t('exam.cooldownUntil', { time: format.dateTime(standing.cooldownUntil) }) : null}
        </p>
      ) : (
        <Form
          method="post"
          onSubmit={(event) => {
            if (!window.confirm(t('exam.startConfirm'))) event.preventDefault()
          }}
        >
          <button type="submit" className="button" disabled={busy}>{t('exam.start')}</button>
        </Form>
      )}

      {attempts.length > 0 ? (
        <>
          <h2>{t('exam.history')}</h2>
          <ul className="comment-list">
            {attempts.map((attempt) => (
              <li key={attempt.id}>
                <Link to={`/exams/attempts/${attempt.id}`}>{format.dateTime(attempt.startedAt)}</Link> · {t(`status.${attempt.status}`)}
                {attempt.score !== null ? ` · ${format.score(attempt.score)} · ${attempt.passed ? t('result.passed') : t('result.failed')}` : ''}
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
