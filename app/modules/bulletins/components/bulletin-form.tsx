import { Form, useNavigation } from '@remix-run/react'
import type { JSONContent } from '@tiptap/core'
import { useEffect, useState } from 'react'
import { useFieldErrors } from '~/components/field-errors'
import { FileUploadButton } from '~/components/file-upload-button'
import { RichTextEditor, type UploadedFile } from '~/components/rich-text-editor'
import { useLocalName, useMessages } from '~/i18n/use-t'
import { bulletinMessages } from '../messages'
import { AUDIENCE_ROLES, BULLETIN_TYPES } from '../schema'

type Named = { nameZh: string; nameEn: string }
export type BulletinFormOptions = {
  models: Array<Named & { id: string }>
  systems: Array<Named & { code: string }>
  regions: string[]
  published: Array<{ id: string; number: number; title: string }>
}
export type BulletinFormValues = {
  id?: string
  title?: string
  type?: string
  body?: JSONContent
  modelIds?: string[]
  yearFrom?: number | null
  yearTo?: number | null
  vinFrom?: string | null
  vinTo?: string | null
  systems?: string[]
  dtcs?: string[]
  audienceRoles?: string[]
  audienceRegions?: string[]
  audienceStations?: string[]
  requiresAck?: boolean
  expiresAt?: string | Date | null
  supersedesId?: string | null
  publishedAt?: string | Date | null
  attachments?: UploadedFile[]
}

/** Checkboxes for a list where choosing none means "any". */
function Choices({ legend, name, options, chosen }: { legend: string; name: string; options: Array<{ value: string; label: string }>; chosen: string[] }) {
  return (
    <fieldset className="choices">
      <legend>{legend}</legend>
      {options.map((option) => (
        <label key={option.value} className="choice">
          <input type="checkbox" name={name} value={option.value} defaultChecked={chosen.includes(option.value)} /> {option.label}
        </label>
      ))}
    </fieldset>
  )
}

/** Writing a bulletin: text, applicability (vehicles, faults), audience, acknowledgement, dates. */
export function BulletinForm({ values, options, errors }: { values: BulletinFormValues; options: BulletinFormOptions; errors: Record<string, string> }) {
  const t = useMessages(bulletinMessages)
  const localName = useLocalName()
  const navigation = useNavigation()
  const { fieldError, invalid, message } = useFieldErrors(errors, 'bulletin-')
  const [attachments, setAttachments] = useState<UploadedFile[]>(values.attachments ?? [])
  const [offset, setOffset] = useState(0)
  useEffect(() => setOffset(new Date().getTimezoneOffset()), [])
  const selectedModels = options.models.filter((model) => values.modelIds?.includes(model.id)).map((model) => model.nameEn)
  const listError = (prefix: string) => {
    const found = Object.entries(errors).find(([key]) => key === prefix || key.startsWith(`${prefix}.`))?.[1]
    return found ? message(found) : undefined
  }
  const busy = navigation.state !== 'idle'

  return (
    <Form method="post" className="card bulletin-form" noValidate>
      <input type="hidden" name="timezoneOffset" value={offset} />
      {attachments.map((file) => <input key={file.id} type="hidden" name="attachmentIds" value={file.id} />)}
      {errors._form ? <p className="notice notice--error" role="alert">{message(errors._form)}</p> : null}
      <div className="field">
        <label htmlFor="bulletin-title">{t('form.title')}</label>
        <input id="bulletin-title" name="title" defaultValue={values.title} maxLength={200} required {...invalid('title')} />
        {fieldError('title')}
      </div>
      <div className="field">
        <label htmlFor="bulletin-type">{t('form.type')}</label>
        <select id="bulletin-type" name="type" defaultValue={values.type ?? 'tsb'} {...invalid('type')}>
          {BULLETIN_TYPES.map((type) => <option key={type} value={type}>{t(`type.${type}`)}</option>)}
        </select>
        {fieldError('type')}
      </div>
      <RichTextEditor name="body" label={t('form.body')} initialContent={values.body} error={errors.body} onUploaded={(file) => setAttachments((current) => [...current, file])} />
      <FileUploadButton label={t('form.upload')} onUploaded={(file) => setAttachments((current) => [...current, file])} />
      {attachments.length > 0 ? <ul className="small">{attachments.map((file) => <li key={file.id}>{file.fileName}</li>)}</ul> : null}

      <h2>{t('applicability')}</h2>
      <Choices legend={t('form.models')} name="models" options={options.models.map((model) => ({ value: model.nameEn, label: localName(model) }))} chosen={selectedModels} />
      {listError('models') ? <p className="field-error" role="alert">{listError('models')}</p> : null}
      <div className="field-row">
        <div className="field">
          <label htmlFor="bulletin-yearFrom">{t('form.yearFrom')}</label>
          <input id="bulletin-yearFrom" name="yearFrom" inputMode="numeric" defaultValue={values.yearFrom ?? ''} {...invalid('yearFrom')} />
          {fieldError('yearFrom')}
        </div>
        <div className="field">
          <label htmlFor="bulletin-yearTo">{t('form.yearTo')}</label>
          <input id="bulletin-yearTo" name="yearTo" inputMode="numeric" defaultValue={values.yearTo ?? ''} {...invalid('yearTo')} />
          {fieldError('yearTo')}
        </div>
        <div className="field">
          <label htmlFor="bulletin-vinFrom">{t('form.vinFrom')}</label>
          <input id="bulletin-vinFrom" name="vinFrom" maxLength={17} defaultValue={values.vinFrom ?? ''} {...invalid('vinFrom')} />
          {fieldError('vinFrom')}
        </div>
        <div className="field">
          <label htmlFor="bulletin-vinTo">{t('form.vinTo')}</label>
          <input id="bulletin-vinTo" name="vinTo" maxLength={17} defaultValue={values.vinTo ?? ''} {...invalid('vinTo')} />
          {fieldError('vinTo')}
        </div>
      </div>
      <Choices legend={t('form.systems')} name="systems" options={options.systems.map((system) => ({ value: system.code, label: localName(system) }))} chosen={values.systems ?? []} />
      <div className="field">
        <label htmlFor="bulletin-dtcs">{t('form.dtcs')}</label>
        <input id="bulletin-dtcs" name="dtcs" defaultValue={values.dtcs?.join(', ')} placeholder="P0300, P0301" {...invalid('dtcs')} />
        {fieldError('dtcs') ?? (listError('dtcs') ? <p className="field-error">{listError('dtcs')}</p> : null)}
      </div>

      <h2>{t('audience')}</h2>
      <Choices legend={t('form.roles')} name="roles" options={AUDIENCE_ROLES.map((role) => ({ value: role, label: t(`role.${role}`) }))} chosen={values.audienceRoles ?? []} />
      <Choices legend={t('form.regions')} name="regions" options={options.regions.map((region) => ({ value: region, label: region }))} chosen={values.audienceRegions ?? []} />
      <div className="field">
        <label htmlFor="bulletin-stations">{t('form.stations')}</label>
        <input id="bulletin-stations" name="stations" defaultValue={values.audienceStations?.join(', ')} {...invalid('audience.stations')} />
        {listError('audience.stations') ? <p className="field-error" role="alert">{listError('audience.stations')}</p> : null}
      </div>

      <label className="choice">
        <input type="checkbox" name="requiresAck" defaultChecked={values.requiresAck ?? true} /> {t('form.requiresAck')}
      </label>
      <div className="field-row">
        <div className="field">
          <label htmlFor="bulletin-publishAt">{t('form.publishAt')}</label>
          <input id="bulletin-publishAt" name="publishAt" type="datetime-local" {...invalid('publishAt')} />
          {fieldError('publishAt')}
        </div>
        <div className="field">
          <label htmlFor="bulletin-expiresAt">{t('form.expiresAt')}</label>
          <input id="bulletin-expiresAt" name="expiresAt" type="date" defaultValue={values.expiresAt ? new Date(values.expiresAt).toISOString().slice(0, 10) : ''} {...invalid('expiresAt')} />
          {fieldError('expiresAt')}
        </div>
        <div className="field">
          <label htmlFor="bulletin-supersedes">{t('form.supersedes')}</label>
          <select id="bulletin-supersedes" name="supersedes" defaultValue={values.supersedesId ?? ''} {...invalid('supersedes')}>
            <option value="">{t('form.none')}</option>
            {options.published.filter((earlier) => earlier.id !== values.id).map((earlier) => <option key={earlier.id} value={earlier.id}>No.{earlier.number} {earlier.title}</option>)}
          </select>
          {fieldError('supersedes')}
        </div>
      </div>
      {Object.keys(errors).length > 0 ? <p className="field-error" role="alert">{t('fixErrors', { count: Object.keys(errors).length })}</p> : null}
      <div className="button-row">
        {!values.publishedAt ? <button type="submit" name="intent" value="draft" className="button button--ghost" disabled={busy}>{t('saveDraft')}</button> : null}
        <button type="submit" name="intent" value="publish" className="button" disabled={busy}>{busy ? t('saving') : t('publish')}</button>
      </div>
    </Form>
  )
}
