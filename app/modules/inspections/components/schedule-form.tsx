import { Form, useNavigation } from '@remix-run/react'
import { useEffect, useState } from 'react'
import { useFieldErrors } from '~/components/field-errors'
import { useLocalName, useLocale, useMessages } from '~/i18n/use-t'
import { inspectionMessages, localizeInspectionError } from '../messages'

type Options = {
  stations: Array<{ id: string; code: string; name: string; region: string }>
  templates: Array<{ id: string; nameZh: string; nameEn: string; version: number; items: number }>
}

/** The inspector's form: which station, which checklist (its newest version), when. */
export function ScheduleForm({ stations, templates, errors }: Options & { errors: Record<string, string> }) {
  const t = useMessages(inspectionMessages)
  const locale = useLocale()
  const localName = useLocalName()
  const busy = useNavigation().state === 'submitting'
  const { fieldError, invalid } = useFieldErrors(errors, 'schedule-', (message) => localizeInspectionError(message, locale))
  return (
    <section className="card" aria-labelledby="schedule-title">
      <h2 id="schedule-title">{t('schedule')}</h2>
      <Form method="post" className="field-row" noValidate>
        <div className="field">
          <label htmlFor="schedule-station">{t('station')}</label>
          <select id="schedule-station" name="stationId" defaultValue="" {...invalid('stationId')}>
            <option value="">{t('choose')}</option>
            {stations.map((station) => (
              <option key={station.id} value={station.id}>{station.code} · {station.name} · {station.region}</option>
            ))}
          </select>
          {fieldError('stationId')}
        </div>
        <div className="field">
          <label htmlFor="schedule-template">{t('checklist')}</label>
          <select id="schedule-template" name="templateId" defaultValue="" {...invalid('templateId')}>
            <option value="">{t('choose')}</option>
            {templates.map((template) => (
              <option key={template.id} value={template.id}>{t('checklistOption', { name: localName(template), items: template.items, version: template.version })}</option>
            ))}
          </select>
          {fieldError('templateId')}
        </div>
        <div className="field">
          <label htmlFor="schedule-when">{t('when')}</label>
          <input id="schedule-when" type="datetime-local" name="scheduledAt" {...invalid('scheduledAt')} />
          <TimezoneOffset />
          {fieldError('scheduledAt')}
        </div>
        <div className="field schedule-form__submit">
          <button type="submit" className="button" disabled={busy} aria-busy={busy}>{busy ? t('saving') : t('scheduleSubmit')}</button>
        </div>
      </Form>
    </section>
  )
}

/** The browser's offset from UTC, so the server reads the local time as the inspector meant it. */
function TimezoneOffset() {
  const [offset, setOffset] = useState(0)
  useEffect(() => setOffset(new Date().getTimezoneOffset()), [])
  return <input type="hidden" name="timezoneOffset" value={offset} />
}
