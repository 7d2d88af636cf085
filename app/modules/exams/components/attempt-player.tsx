import { useFetcher, useRevalidator } from '@remix-run/react'
import { useEffect, useRef, useState } from 'react'
import { useMessages } from '~/i18n/use-t'
import type { CandidateQuestion } from '../attempts.server'
import { examMessages, type ExamMessageKey } from '../messages'
import { optionText } from './option-text'
import { QuestionImage } from './question-image'
import { useAutosave, type Answers, type SaveState } from './use-autosave'
import { formatClock, useCountdown } from './use-countdown'
import { useExamFormat } from './use-exam-format'

export type PlayerAttempt = {
  id: string
  paper: { title: string }
  deadline: string | Date
  questions: CandidateQuestion[]
  answers: Answers
}

const LETTERS = 'ABCDEFGH'
const saveLabels: Record<SaveState, ExamMessageKey> = {
  idle: 'save.idle',
  pending: 'save.pending',
  saving: 'save.saving',
  saved: 'save.saving',
  error: 'save.error',
  closed: 'save.closed',
}

/** Taking an exam: every question on one page, a countdown to the server's deadline, answers autosaved. */
export function AttemptPlayer({ attempt, serverNow }: { attempt: PlayerAttempt; serverNow: string }) {
  const t = useMessages(examMessages)
  const format = useExamFormat()
  const revalidator = useRevalidator()
  const submit = useFetcher<{ error?: string }>()
  const deadline = new Date(attempt.deadline).toISOString()
  const left = useCountdown(deadline, serverNow)
  const { answers, change, flush, state, savedAt, latest } = useAutosave(attempt.id, attempt.answers, () => revalidator.revalidate())
  const [announcement, setAnnouncement] = useState('')
  const announced = useRef(new Set<string>())
  const timeUp = left <= 0

  useEffect(() => {
    const say = (key: 'attempt.fiveMinutes' | 'attempt.oneMinute') => {
      if (announced.current.has(key)) return
      announced.current.add(key)
      setAnnouncement(t(key))
    }
    if (left > 0 && left <= 60_000) say('attempt.oneMinute')
    else if (left > 0 && left <= 5 * 60_000) say('attempt.fiveMinutes')
  }, [left, t])

  // At the deadline the server grades what was saved; the page then shows the result.
  useEffect(() => {
    if (!timeUp) return
    void flush().finally(() => revalidator.revalidate())
    // eslint-disable-next-line react-hooks/exhaustive-deps -- once, when the time runs out
  }, [timeUp])

  const answeredCount = attempt.questions.filter((question) => (answers[question.id] ?? []).length > 0).length
  const unanswered = attempt.questions.length - answeredCount
  const submitting = submit.state !== 'idle'

  const onSubmit = async (event: React.FormEvent) => {
    event.preventDefault()
    const question = unanswered > 0 ? t('submit.confirmUnanswered', { count: unanswered }) : t('submit.confirm')
    if (!window.confirm(question)) return
    await flush()
    submit.submit({ intent: 'submit', answers: JSON.stringify(latest.current) }, { method: 'post' })
  }

  const toggle = (question: CandidateQuestion, optionId: string, checked: boolean) => {
    const current = answers[question.id] ?? []
    if (question.kind !== 'MULTIPLE') change(question.id, [optionId])
    else change(question.id, checked ? [...current.filter((id) => id !== optionId), optionId] : current.filter((id) => id !== optionId))
  }

  return (
    <div className="attempt">
      <div className="attempt-bar">
        <div className="attempt-bar__title">
          <h1>{attempt.paper.title}</h1>
          <p className="muted small">{t('attempt.deadline', { time: format.dateTime(deadline) })}</p>
        </div>
        <div className={left <= 5 * 60_000 ? 'attempt-bar__clock attempt-bar__clock--low' : 'attempt-bar__clock'}>
          <span className="attempt-bar__label">{t('attempt.timeLeft')}</span>
          <span role="timer" aria-label={t('attempt.timeLeft')} data-testid="time-left" data-remaining-ms={Math.round(left)}>
            {formatClock(left)}
          </span>
        </div>
        <div className="attempt-bar__status">
          <p role="status" className={state === 'error' || state === 'closed' ? 'attempt-bar__save attempt-bar__save--problem' : 'attempt-bar__save'} data-testid="save-state" data-state={state}>
            {state === 'saved' && savedAt ? t('save.saved', { time: format.time(savedAt) }) : t(saveLabels[state])}
          </p>
          <p className="small muted">{t('attempt.answeredCount', { answered: answeredCount, total: attempt.questions.length })}</p>
        </div>
      </div>
      <p className="visually-hidden" aria-live="assertive">{announcement}</p>

      <nav className="question-nav" aria-label={t('attempt.questionNav')}>
        <ol>
          {attempt.questions.map((question, index) => {
            const done = (answers[question.id] ?? []).length > 0
            return (
              <li key={question.id}>
                <a href={`#q-${index + 1}`} className={done ? 'question-nav__item question-nav__item--done' : 'question-nav__item'} aria-label={`${t('attempt.question', { number: index + 1 })}: ${t(done ? 'attempt.answered' : 'attempt.unanswered')}`}>
                  {index + 1}
                </a>
              </li>
            )
          })}
        </ol>
      </nav>

      {timeUp ? <p className="notice notice--warning" role="alert">{t('attempt.timeUp')}</p> : null}
      {submit.data?.error ? <p className="notice notice--error" role="alert">{submit.data.error}</p> : null}

      <form onSubmit={onSubmit} noValidate>
        {attempt.questions.map((question, index) => {
          const chosen = answers[question.id] ?? []
          const hintId = `q-${index + 1}-hint`
          return (
            <fieldset key={question.id} id={`q-${index + 1}`} className="question card" aria-describedby={hintId}>
              <legend className="question__legend">
                <span className="question__number">{t('attempt.question', { number: index + 1 })} · {t(`kind.${question.kind}`)}</span>
                <span className="question__stem">{question.stem}</span>
              </legend>
              <QuestionImage url={question.stemImageUrl} alt={t('question.stemImageAlt', { number: index + 1 })} />
              <p id={hintId} className="field-hint">{question.kind === 'MULTIPLE' ? t('attempt.chooseMany') : t('attempt.chooseOne')}</p>
              <div className="question__options">
                {question.options.map((option, optionIndex) => (
                  <label key={option.id} className={chosen.includes(option.id) ? 'option option--chosen' : 'option'}>
                    <input
                      type={question.kind === 'MULTIPLE' ? 'checkbox' : 'radio'}
                      name={`answer-${question.id}`}
                      value={option.id}
                      checked={chosen.includes(option.id)}
                      disabled={timeUp || state === 'closed'}
                      onChange={(event) => toggle(question, option.id, event.target.checked)}
                    />
                    {question.kind === 'TRUE_FALSE' ? null : <span className="option__letter" aria-hidden="true">{LETTERS[optionIndex]}.</span>}
                    <span className="option__text">{optionText(question.kind, option.text, t)}</span>
                    <QuestionImage url={option.imageUrl} alt={t('question.optionImageAlt', { letter: LETTERS[optionIndex] })} small />
                  </label>
                ))}
              </div>
              {chosen.length > 0 && !timeUp ? (
                <button type="button" className="link-button small" onClick={() => change(question.id, [])}>
                  {t('attempt.clear')}
                </button>
              ) : null}
            </fieldset>
          )
        })}
        <div className="attempt-submit">
          <p className="muted">{t('attempt.answeredCount', { answered: answeredCount, total: attempt.questions.length })}</p>
          <button type="submit" className="button" disabled={submitting || timeUp || state === 'closed'}>
            {submitting ? t('submit.submitting') : t('submit')}
          </button>
        </div>
      </form>
    </div>
  )
}
