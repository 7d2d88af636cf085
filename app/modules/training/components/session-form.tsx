import { Form, useNavigation } from '@remix-run/react'
import { useFieldErrors } from '~/components/field-errors'
import { useMessages } from '~/i18n/use-t'
import { inhouseMessages, trainingMessages, type InhouseMessageKey } from '../messages'

export type SessionFormProps = {
  month: string
  staff: Array<{ id: string; name: string; role: string }>
  errors: Record<string, string>
  limits: { mb: number; count: number }
}

/** One session: date within the plan's month, topic, trainer, attendees from the station, photos (multipart). */
export function SessionForm({ month, staff, errors, limits }: SessionFormProps) {
  const t = useMessages(inhouseMessages)
  const tr = useMessages(trainingMessages)
  const navigation = useNavigation()
  const { fieldError, invalid } = useFieldErrors(errors, 'session-', (message) => t(message as InhouseMessageKey, limits))
  const busy = navigation.state !== 'idle' && navigation.formData?.get('intent') === 'session'
  const [year, monthNumber] = month.split('-').map(Number)
  const lastDay = new Date(Date.UTC(year, monthNumber, 0)).getUTCDate()
  return (
    <Form method="post" encType="multipart/form-data" className="card session-form" noValidate>
      <input type="hidden" name="intent" value="session" />
      <div className="session-form__row">
        <div className="field">
          <label htmlFor="session-heldOn">{t('heldOn')}</label>
          <input id="session-heldOn" name="heldOn" type="date" min={`${month}-01`} max={`${month}-${String(lastDay).padStart(2, '0')}`} required {...invalid('heldOn')} />
          {fieldError('heldOn')}
        </div>
        <div className="field">
          <label htmlFor="session-trainerName">{t('trainerName')}</label>
          <input id="session-trainerName" name="trainerName" maxLength={100} required autoComplete="name" {...invalid('trainerName')} />
          {fieldError('trainerName')}
        </div>
      </div>
      <div className="field">
        <label htmlFor="session-topic">{t('topic')}</label>
        <input id="session-topic" name="topic" maxLength={200} required {...invalid('topic')} />
        {fieldError('topic')}
      </div>
      <fieldset className="field attendee-picker" aria-invalid={Boolean(errors.attendees)} aria-describedby={errors.attendees ? 'session-attendees-error' : undefined}>
        <legend>{t('attendees')}</legend>
        <div className="attendee-picker__list">
          {staff.map((person) => (
            <label key={person.id} className="choice">
              <input type="checkbox" name="attendees" value={person.id} /> {person.name} <span className="muted small">{tr(`role.${person.role}` as 'role.TECHNICIAN')}</span>
            </label>
          ))}
        </div>
        {fieldError('attendees')}
      </fieldset>
      <div className="field">
        <label htmlFor="session-notes">{t('notes')}</label>
        <textarea id="session-notes" name="notes" rows={2} maxLength={2000} {...invalid('notes')} />
        {fieldError('notes')}
      </div>
      <div className="field">
        <label htmlFor="session-photos">{t('photos', limits)}</label>
        <input id="session-photos" name="photos" type="file" accept="image/jpeg,image/png,image/webp" multiple {...invalid('photos')} />
        {fieldError('photos')}
      </div>
      {errors._form ? <p className="notice notice--error" role="alert">{t(errors._form as InhouseMessageKey)}</p> : null}
      {Object.keys(errors).length > 0 && !errors._form ? <p className="field-error" role="alert">{t('fixErrors', { count: Object.keys(errors).length })}</p> : null}
      <div className="button-row">
        <button type="submit" className="button" disabled={busy}>{busy ? t('saving') : t('saveSession')}</button>
      </div>
    </Form>
  )
}
