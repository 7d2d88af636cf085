import { Form, useNavigation } from '@remix-run/react'
import { useFieldErrors } from '~/components/field-errors'
import { useLocalName, useMessages } from '~/i18n/use-t'
import { searchMessages } from '../messages'

export type SynonymGroupValues = { standard: string; colloquial: string[]; english: string[]; systemCode: string | null }

/** The fields of a synonym group; lists are typed as comma-separated words. */
export function SynonymGroupForm({
  values,
  systems,
  errors,
  submitLabel,
  intent,
}: {
  values: SynonymGroupValues
  systems: Array<{ code: string; nameZh: string; nameEn: string }>
  errors: Record<string, string>
  submitLabel: string
  intent: string
}) {
  const t = useMessages(searchMessages)
  const localName = useLocalName()
  const navigation = useNavigation()
  const { fieldError, invalid } = useFieldErrors(errors, 'synonym-')
  return (
    <Form method="post" noValidate className="synonym-form">
      <input type="hidden" name="intent" value={intent} />
      <div className="field">
        <label htmlFor="synonym-standard">{t('standard')}</label>
        <input id="synonym-standard" name="standard" defaultValue={values.standard} maxLength={40} required autoComplete="off" {...invalid('standard')} />
        {fieldError('standard')}
      </div>
      <div className="field">
        <label htmlFor="synonym-colloquial">{t('colloquial')}</label>
        <input id="synonym-colloquial" name="colloquial" defaultValue={values.colloquial.join('，')} autoComplete="off" {...invalid('colloquial')} />
        {fieldError('colloquial')}
      </div>
      <div className="field">
        <label htmlFor="synonym-english">{t('english')}</label>
        <input id="synonym-english" name="english" defaultValue={values.english.join(', ')} autoComplete="off" lang="en" {...invalid('english')} />
        {fieldError('english')}
      </div>
      <div className="field">
        <label htmlFor="synonym-system">{t('system')}</label>
        <select id="synonym-system" name="systemCode" defaultValue={values.systemCode ?? ''} {...invalid('systemCode')}>
          <option value="">{t('anySystem')}</option>
          {systems.map((system) => (
            <option key={system.code} value={system.code}>{localName(system)}</option>
          ))}
        </select>
        {fieldError('systemCode')}
      </div>
      <div className="button-row">
        <button type="submit" className="button" disabled={navigation.state !== 'idle'}>{submitLabel}</button>
      </div>
    </Form>
  )
}
