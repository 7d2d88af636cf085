import { Form } from '@remix-run/react'
import { DateRangeFields } from '~/components/date-range-fields'
import { useMessages } from '~/i18n/use-t'
import { analyticsMessages } from '../analytics-messages'

/** A GET form: the filters live in the URL, so a view can be bookmarked, shared and exported. */
export function AnalyticsFilters({ from, to, examId, exams }: { from: string; to: string; examId: string | null; exams: Array<{ id: string; title: string }> }) {
  const t = useMessages(analyticsMessages)
  return (
    <Form method="get" className="kpi-filters card" aria-label={t('analytics.filters')} key={`${from}/${to}/${examId}`}>
      <DateRangeFields idPrefix="analytics" from={from} to={to} labels={{ from: t('analytics.from'), to: t('analytics.to') }} />
      <div className="field analytics-filters__exam">
        <label htmlFor="analytics-exam">{t('analytics.exam')}</label>
        <select id="analytics-exam" name="exam" defaultValue={examId ?? ''}>
          <option value="">{t('analytics.allExams')}</option>
          {exams.map((exam) => (
            <option key={exam.id} value={exam.id}>
              {exam.title}
            </option>
          ))}
        </select>
      </div>
      <button type="submit" className="button">{t('analytics.apply')}</button>
    </Form>
  )
}
