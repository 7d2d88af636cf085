import { Link } from '@remix-run/react'
import { useId } from 'react'
import { useLocale, useMessages } from '~/i18n/use-t'
import type { AnalyticsReport, QuestionFigures } from '../analytics.server'
import { analyticsMessages, formatCount, formatIndex } from '../analytics-messages'
import { MIN_RESPONSES, type ItemFlag } from '../item-analysis'

const FLAG_CLASS: Record<ItemFlag, string> = {
  'too-easy': 'badge badge--flag-warn',
  'too-hard': 'badge badge--flag-warn',
  'poor-discrimination': 'badge badge--flag-warn',
  'negative-discrimination': 'badge badge--flag-bad',
}

const firstLine = (stem: string) => stem.split('\n')[0]

function Flags({ question }: { question: QuestionFigures }) {
  const t = useMessages(analyticsMessages)
  if (!question.judged) return <span className="muted small">{t('analytics.fewResponses', { min: MIN_RESPONSES })}</span>
  if (question.flags.length === 0) return <span className="badge badge--passed">{t('analytics.flag.ok')}</span>
  return (
    <span className="analytics-flags">
      {question.flags.map((flag) => (
        <span key={flag} className={FLAG_CLASS[flag]}>
          {t(`analytics.flag.${flag}`)}
        </span>
      ))}
    </span>
  )
}

/** Per question of the chosen exam: difficulty, the extreme groups, discrimination, flags and a way to fix it. */
export function QuestionAnalysis({ items, csvHref }: { items: NonNullable<AnalyticsReport['items']>; csvHref: string }) {
  const t = useMessages(analyticsMessages)
  const locale = useLocale()
  const headingId = useId()
  return (
    <section className="analytics-questions" aria-labelledby={headingId}>
      <div className="analytics-section__head">
        <h2 id={headingId}>{t('analytics.questions')}</h2>
        {items.questions.length > 0 ? (
          <a href={csvHref} className="button button--ghost" download aria-label={t('analytics.exportCsvOf', { table: t('analytics.questions') })}>
            {t('analytics.exportCsv')}
          </a>
        ) : null}
      </div>
      {items.questions.length === 0 ? (
        <p className="empty-state">{t('analytics.questions.none')}</p>
      ) : (
        <>
          <p className="results__summary">{t('analytics.questions.summary', { attempts: formatCount(items.attempts, locale) })}</p>
          <div className="kpi-table-wrap">
            <table className="table kpi-table analytics-question-table">
              <thead>
                <tr>
                  <th scope="col">{t('analytics.question')}</th>
                  <th scope="col" className="kpi-number">{t('analytics.responses')}</th>
                  <th scope="col" className="kpi-number">{t('analytics.difficulty')}</th>
                  <th scope="col" className="kpi-number">{t('analytics.upper')}</th>
                  <th scope="col" className="kpi-number">{t('analytics.lower')}</th>
                  <th scope="col" className="kpi-number">{t('analytics.discrimination')}</th>
                  <th scope="col">{t('analytics.flags')}</th>
                </tr>
              </thead>
              <tbody>
                {items.questions.map((question) => (
                  <tr key={question.questionId}>
                    <th scope="row" className="analytics-question-table__stem">
                      {question.stem === null ? (
                        <span className="muted">{t('analytics.deleted')}</span>
                      ) : (
                        <>
                          {firstLine(question.stem)} {question.retired ? <span className="badge badge--retired">{t('analytics.retired')}</span> : null}{' '}
                          <Link to={`/exams/manage/questions/${question.questionId}`} className="small" aria-label={t('analytics.editQuestion', { stem: firstLine(question.stem) })}>
                            {t('analytics.edit')}
                          </Link>
                        </>
                      )}
                    </th>
                    <td className="kpi-number">{formatCount(question.responses, locale)}</td>
                    <td className="kpi-number">{formatIndex(question.difficulty, locale)}</td>
                    <td className="kpi-number">{formatIndex(question.upperDifficulty, locale)}</td>
                    <td className="kpi-number">{formatIndex(question.lowerDifficulty, locale)}</td>
                    <td className="kpi-number">{formatIndex(question.discrimination, locale)}</td>
                    <td>
                      <Flags question={question} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </section>
  )
}
