import { Form, useNavigation } from '@remix-run/react'
import { useFieldErrors } from '~/components/field-errors'
import { useMessages } from '~/i18n/use-t'
import { inhouseMessages, type InhouseMessageKey } from '../messages'

export type PlanFormValues = { month?: string; title?: string; content?: string; examPaperId?: string | null }

/** A monthly plan: month, title, topics and an optional follow-up exam (a published paper). */
export function PlanForm({ values, errors, exams, submitLabel }: { values: PlanFormValues; errors: Record<string, string>; exams: Array<{ id: string; title: string }>; submitLabel: string }) {
  const t = useMessages(inhouseMessages)
  const navigation = useNavigation()
  const { fieldError, invalid } = useFieldErrors(errors, 'plan-', (message) => t(message as InhouseMessageKey))
  const busy = navigation.state !== 'idle' && navigation.formData?.get('intent') === 'plan'
  return (
    <Form method="post" className="card plan-form" noValidate>
      <div className="plan-form__row">
        <div className="field">
          <label htmlFor="plan-month">{t('month')}</label>
          <input id="plan-month" name="month" type="month" placeholder="YYYY-MM" defaultValue={values.month} required {...invalid('month')} />
          {fieldError('month')}
        </div>
        <div className="field plan-form__title">
          <label htmlFor="plan-title">{t('planTitle')}</label>
          <input id="plan-title" name="title" defaultValue={values.title} maxLength={200} required {...invalid('title')} />
          {fieldError('title')}
        </div>
      </div>
      <div className="field">
        <label htmlFor="plan-content">{t('content')}</label>
        <textarea id="plan-content" name="content" rows={5} defaultValue={values.content} maxLength={8000} required aria-invalid={Boolean(errors.content)} aria-describedby={errors.content ? 'plan-content-error plan-content-hint' : 'plan-content-hint'} />
        <p className="small muted" id="plan-content-hint">{t('contentHint')}</p>
        {fieldError('content')}
      </div>
      <div className="field">
        <label htmlFor="plan-examPaperId">{t('exam')}</label>
        <select id="plan-examPaperId" name="examPaperId" defaultValue={values.examPaperId ?? ''} {...invalid('examPaperId')}>
          <option value="">{t('noExam')}</option>
          {exams.map((exam) => <option key={exam.id} value={exam.id}>{exam.title}</option>)}
        </select>
        {fieldError('examPaperId')}
      </div>
      {Object.keys(errors).length > 0 ? <p className="field-error" role="alert">{t('fixErrors', { count: Object.keys(errors).length })}</p> : null}
      <div className="button-row">
        <button type="submit" name="intent" value="plan" className="button" disabled={busy}>{busy ? t('saving') : submitLabel}</button>
      </div>
    </Form>
  )
}
