import { Form, useNavigation } from '@remix-run/react'
import { useFieldErrors } from '~/components/field-errors'
import { useMessages } from '~/i18n/use-t'
import { trainingMessages, type TrainingMessageKey } from '../messages'
import { LEVELS } from '../schema'

export type CourseFormValues = { title?: string; description?: string | null; openToAll?: boolean; requiredForLevel?: string | null }

/** A course's own fields; lessons and assignments are edited beside it. */
export function CourseForm({ values, errors, submitLabel }: { values: CourseFormValues; errors: Record<string, string>; submitLabel: string }) {
  const t = useMessages(trainingMessages)
  const navigation = useNavigation()
  const { fieldError, invalid } = useFieldErrors(errors, 'course-', (message) => t(message as TrainingMessageKey))
  const busy = navigation.state !== 'idle' && navigation.formData?.get('intent') === 'course'
  return (
    <Form method="post" className="card course-form" noValidate>
      <div className="field">
        <label htmlFor="course-title">{t('form.title')}</label>
        <input id="course-title" name="title" defaultValue={values.title} maxLength={200} required {...invalid('title')} />
        {fieldError('title')}
      </div>
      <div className="field">
        <label htmlFor="course-description">{t('form.description')}</label>
        <textarea id="course-description" name="description" rows={3} defaultValue={values.description ?? ''} maxLength={4000} {...invalid('description')} />
        {fieldError('description')}
      </div>
      <label className="choice">
        <input type="checkbox" name="openToAll" defaultChecked={values.openToAll ?? true} /> {t('form.openToAll')}
      </label>
      <div className="field">
        <label htmlFor="course-requiredForLevel">{t('form.requiredForLevel')}</label>
        <select id="course-requiredForLevel" name="requiredForLevel" defaultValue={values.requiredForLevel ?? ''} {...invalid('requiredForLevel')}>
          <option value="">{t('form.noLevel')}</option>
          {LEVELS.map((level) => <option key={level} value={level}>{t(`level.${level}`)}</option>)}
        </select>
        {fieldError('requiredForLevel')}
      </div>
      <div className="button-row">
        <button type="submit" name="intent" value="course" className="button" disabled={busy}>{busy ? t('saving') : submitLabel}</button>
      </div>
    </Form>
  )
}
