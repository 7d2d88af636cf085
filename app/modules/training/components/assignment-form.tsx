import { Form, useNavigation } from '@remix-run/react'
import { useFieldErrors } from '~/components/field-errors'
import { useMessages } from '~/i18n/use-t'
import { trainingMessages, type TrainingMessageKey } from '../messages'
import { LEVELS, ROLES } from '../schema'

/** Assigning a course by role, level held and/or station. */
export function AssignmentForm({ stations, errors }: { stations: Array<{ code: string; name: string }>; errors: Record<string, string> }) {
  const t = useMessages(trainingMessages)
  const navigation = useNavigation()
  const { fieldError, invalid } = useFieldErrors(errors, 'assign-', (message) => t(message as TrainingMessageKey))
  const busy = navigation.state !== 'idle' && navigation.formData?.get('intent') === 'assign'
  return (
    <Form method="post" className="assignment-form" noValidate>
      <p className="small muted">{t('manage.assignHint')}</p>
      <div className="field-row">
        <div className="field">
          <label htmlFor="assign-role">{t('form.role')}</label>
          <select id="assign-role" name="role" defaultValue="" {...invalid('role')}>
            <option value="">{t('manage.anyRole')}</option>
            {ROLES.map((role) => <option key={role} value={role}>{t(`role.${role}`)}</option>)}
          </select>
          {fieldError('role')}
        </div>
        <div className="field">
          <label htmlFor="assign-level">{t('form.level')}</label>
          <select id="assign-level" name="level" defaultValue="" {...invalid('level')}>
            <option value="">{t('manage.anyLevel')}</option>
            {LEVELS.map((level) => <option key={level} value={level}>{t(`level.${level}`)}</option>)}
          </select>
          {fieldError('level')}
        </div>
        <div className="field">
          <label htmlFor="assign-station">{t('form.station')}</label>
          <select id="assign-station" name="station" defaultValue="" {...invalid('station')}>
            <option value="">{t('form.anyStation')}</option>
            {stations.map((station) => <option key={station.code} value={station.code}>{station.code} {station.name}</option>)}
          </select>
          {fieldError('station')}
        </div>
      </div>
      <button type="submit" name="intent" value="assign" className="button" disabled={busy}>{busy ? t('saving') : t('manage.assign')}</button>
    </Form>
  )
}
