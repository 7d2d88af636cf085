import { Link } from '@remix-run/react'
import { useMessages } from '~/i18n/use-t'
import type { AttemptResultView } from '../attempts.server'
import { examMessages } from '../messages'
import { optionText } from './option-text'
import { QuestionImage } from './question-image'
import { useExamFormat } from './use-exam-format'

const LETTERS = 'ABCDEFGH'

/** A finished attempt: the score and pass, the level it granted, and the review where the paper allows it. */
export function AttemptResult({ result, canRetake }: { result: AttemptResultView; canRetake: boolean }) {
  const t = useMessages(examMessages)
  const format = useExamFormat()
  const total = result.maxPoints
  return (
    <section className="attempt-result">
      <p><Link to="/exams">← {t('exam.back')}</Link></p>
      <h1>{t('result.title')} · {result.paper.title}</h1>
      {result.status === 'EXPIRED' ? <p className="notice notice--warning">{t('result.expired')}</p> : null}
      <div className={result.passed ? 'result-card result-card--passed' : 'result-card result-card--failed'} data-testid="result">
        <p className="result-card__verdict">{result.passed ? t('result.passed') : t('result.failed')}</p>
        <p className="result-card__score">
          <span className="visually-hidden">{t('result.score')}: </span>
          {t('result.scoreValue', { score: format.score(result.score) })}
        </p>
        <p className="small">{t('result.passMark', { percent: result.passPercent })} · {t('result.answered', { answered: result.answered, total })}</p>
        <dl className="facts">
          <dt>{t('result.points')}</dt>
          <dd>{t('result.pointsValue', { points: format.score(result.points), max: total })}</dd>
          <dt>{t('result.finishedAt')}</dt>
          <dd>{result.finishedAt ? format.dateTime(result.finishedAt) : '—'}</dd>
        </dl>
      </div>
      {result.certification ? (
        <p className="notice notice--ok" role="status">
          {t('result.certified', { level: t(`level.${result.certification.level}`), date: format.date(result.certification.expiresAt) })}{' '}
          <Link to="/me">{t('result.seeMemberCenter')}</Link>
        </p>
      ) : null}
      {result.coursesRequired.length > 0 ? (
        <div className="notice notice--warning" role="status" data-testid="course-required">
          <p>{t('result.courseRequired', { level: t(`level.${result.level!}`) })}</p>
          <ul>{result.coursesRequired.map((course) => <li key={course.id}><Link to={`/training/${course.id}`}>{course.title}</Link></li>)}</ul>
        </div>
      ) : null}
      {canRetake ? (
        <p><Link className="button button--ghost" to={`/exams/${result.paper.id}`}>{t('result.retake')}</Link></p>
      ) : null}

      <h2>{t('result.review')}</h2>
      {result.review ? (
        <ol className="review-list">
          {result.review.map((question, number) => {
            const chosen = new Set(question.chosen)
            return (
              <li key={question.id} className="card review">
                <p className="question__number">{t(`kind.${question.kind}`)} · {t('result.questionPoints', { points: format.score(question.points) })}</p>
                <p className="question__stem">{question.stem}</p>
                <QuestionImage url={question.stemImageUrl} alt={t('question.stemImageAlt', { number: number + 1 })} />
                <ul className="review__options">
                  {question.options.map((option, index) => (
                    <li key={option.id} className={[option.correct ? 'review__option--right' : '', chosen.has(option.id) ? 'review__option--chosen' : ''].join(' ').trim() || undefined}>
                      <span>{question.kind === 'TRUE_FALSE' ? '' : `${LETTERS[index]}. `}{optionText(question.kind, option.text, t)}</span>
                      <QuestionImage url={option.imageUrl} alt={t('question.optionImageAlt', { letter: LETTERS[index] })} small />
                      {option.correct ? <span className="badge badge--right">{t('result.correctAnswer')}</span> : null}
                      {chosen.has(option.id) ? <span className="badge badge--chosen">{t('result.yourChoice')}</span> : null}
                    </li>
                  ))}
                </ul>
                {chosen.size === 0 ? <p className="small muted">{t('result.noChoice')}</p> : null}
                {question.explanation ? (
                  <div className="review__explanation">
                    <strong>{t('result.explanation')}</strong>
                    <p>{question.explanation}</p>
                  </div>
                ) : null}
              </li>
            )
          })}
        </ol>
      ) : (
        <p className="muted">{result.reviewPolicy === 'held-back' ? t('result.reviewHeldBack') : t('result.reviewHidden')}</p>
      )}
    </section>
  )
}
