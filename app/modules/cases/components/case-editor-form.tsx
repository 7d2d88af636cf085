import type { JSONContent } from '@tiptap/core'
import { Form, useNavigation } from '@remix-run/react'
import { useState } from 'react'
import { useLocalName, useT } from '~/i18n/use-t'
import { SYSTEM_CODES } from '~/utils/vehicle-schema'
import { VIN_PATTERN, normalizeVin, vinCheckDigitMatches } from '~/utils/vehicle-codes'
import { useFieldErrors } from '~/components/field-errors'
import { FileUploadButton } from '~/components/file-upload-button'
import { RichTextEditor, type UploadedFile } from '~/components/rich-text-editor'
import { SimilarCases } from './similar-cases'

export type CaseFormValues = {
  title: string
  modelId: string
  year: number | ''
  vin: string
  mileageKm: number | ''
  systemCode: string
  dtcs: string
  symptoms?: JSONContent
  diagnosis?: JSONContent
  rootCause?: JSONContent
  fix?: JSONContent
  parts: Array<{ number: string; name: string; qty: number }>
  language: 'zh' | 'en'
  version: number
  attachments: Array<Pick<UploadedFile, 'id' | 'fileName'>>
}

type Catalogue = {
  models: Array<{ id: string; nameZh: string; nameEn: string }>
  systems: Array<{ code: string; nameZh: string; nameEn: string }>
}

export function CaseEditorForm({
  values,
  catalogue,
  errors = {},
  suggestSimilar = false,
}: {
  values: CaseFormValues
  catalogue: Catalogue
  errors?: Record<string, string>
  /** For a new case: look-alike published cases beside the form. */
  suggestSimilar?: boolean
}) {
  const t = useT()
  const localName = useLocalName()
  const navigation = useNavigation()
  const busy = navigation.state !== 'idle'
  const [parts, setParts] = useState(values.parts)
  const [vin, setVin] = useState(values.vin)
  const [attachments, setAttachments] = useState(values.attachments)
  const [typed, setTyped] = useState({ title: values.title, modelId: values.modelId, dtcs: values.dtcs, symptoms: '' })
  const track = (field: keyof typeof typed) => (event: { target: { value: string } }) => setTyped((current) => ({ ...current, [field]: event.target.value }))
  const normalizedVin = normalizeVin(vin)
  const vinWarning = VIN_PATTERN.test(normalizedVin) && !vinCheckDigitMatches(normalizedVin)
  const addAttachment = (file: Pick<UploadedFile, 'id' | 'fileName'>) => setAttachments((current) => [...current, file])
  const { fieldError, invalid } = useFieldErrors(errors)
  const partErrors = Object.entries(errors).filter(([key]) => key.startsWith('parts'))

  return (
    <Form method="post" className="case-form" noValidate>
      <input type="hidden" name="version" value={values.version} />
      <input type="hidden" name="parts" value={JSON.stringify(parts)} />
      {attachments.map((file) => <input key={file.id} type="hidden" name="attachmentIds" value={file.id} />)}
      {errors._form ? <p className="notice notice--error" role="alert">{errors._form}</p> : null}

      <section className="card">
        <div className="field">
          <label htmlFor="title">{t('case.title')}</label>
          <input id="title" name="title" defaultValue={values.title} required maxLength={200} onChange={track('title')} {...invalid('title')} />
          {fieldError('title')}
        </div>
        <div className="grid">
          <div className="field">
            <label htmlFor="modelId">{t('case.model')}</label>
            <select id="modelId" name="modelId" defaultValue={values.modelId} required onChange={track('modelId')} {...invalid('modelId')}>
              <option value="">{t('case.choose')}</option>
              {catalogue.models.map((model) => <option key={model.id} value={model.id}>{localName(model)}</option>)}
            </select>
            {fieldError('modelId')}
          </div>
          <div className="field">
            <label htmlFor="year">{t('case.year')}</label>
            <input id="year" name="year" type="number" inputMode="numeric" defaultValue={values.year} required {...invalid('year')} />
            {fieldError('year')}
          </div>
          <div className="field">
            <label htmlFor="systemCode">{t('case.system')}</label>
            <select id="systemCode" name="systemCode" defaultValue={values.systemCode} required {...invalid('systemCode')}>
              <option value="">{t('case.choose')}</option>
              {SYSTEM_CODES.map((code) => {
                const system = catalogue.systems.find((entry) => entry.code === code)
                return <option key={code} value={code}>{system ? localName(system) : code}</option>
              })}
            </select>
            {fieldError('systemCode')}
          </div>
          <div className="field">
            <label htmlFor="language">{t('case.language')}</label>
            <select id="language" name="language" defaultValue={values.language}>
              <option value="zh">中文</option>
              <option value="en">English</option>
            </select>
          </div>
        </div>
        <div className="grid">
          <div className="field">
            <label htmlFor="vin">{t('case.vin')}</label>
            <input id="vin" name="vin" value={vin} onChange={(event) => setVin(event.target.value)} maxLength={17} autoCapitalize="characters" spellCheck={false} {...invalid('vin')} />
            {fieldError('vin')}
            {vinWarning && !errors.vin ? <p className="field-warning" role="status">{t('case.vinWarning')}</p> : null}
          </div>
          <div className="field">
            <label htmlFor="mileageKm">{t('case.mileage')}</label>
            <input id="mileageKm" name="mileageKm" type="number" inputMode="numeric" min={0} defaultValue={values.mileageKm} {...invalid('mileageKm')} />
            {fieldError('mileageKm')}
          </div>
          <div className="field">
            <label htmlFor="dtcs">{t('case.dtcs')}</label>
            <input id="dtcs" name="dtcs" defaultValue={values.dtcs} spellCheck={false} autoCapitalize="characters" onChange={track('dtcs')} {...invalid('dtcs')} />
            <p className="field-hint">{t('case.dtcsHint')}</p>
            {fieldError('dtcs')}
          </div>
        </div>
      </section>

      {suggestSimilar ? <SimilarCases {...typed} /> : null}

      <section className="card">
        <RichTextEditor name="symptoms" label={t('case.symptoms')} initialContent={values.symptoms} error={errors.symptoms} onUploaded={addAttachment} onTextChange={(text) => setTyped((current) => ({ ...current, symptoms: text }))} />
        <RichTextEditor name="diagnosis" label={t('case.diagnosis')} initialContent={values.diagnosis} error={errors.diagnosis} onUploaded={addAttachment} />
        <RichTextEditor name="rootCause" label={t('case.rootCause')} initialContent={values.rootCause} error={errors.rootCause} onUploaded={addAttachment} />
        <RichTextEditor name="fix" label={t('case.fix')} initialContent={values.fix} error={errors.fix} onUploaded={addAttachment} />
      </section>

      <section className="card">
        <h2>{t('case.parts')}</h2>
        {parts.length > 0 ? (
          <table className="parts-table parts-editor">
            <thead><tr><th>{t('case.partNumber')}</th><th>{t('case.partName')}</th><th>{t('case.partQty')}</th><th /></tr></thead>
            <tbody>
              {parts.map((part, index) => {
                const update = (change: Partial<typeof part>) => setParts(parts.map((row, at) => (at === index ? { ...row, ...change } : row)))
                return (
                  <tr key={index}>
                    <td><input aria-label={`${t('case.partNumber')} ${index + 1}`} value={part.number} onChange={(event) => update({ number: event.target.value })} aria-invalid={Boolean(errors[`parts.${index}.number`])} /></td>
                    <td><input aria-label={`${t('case.partName')} ${index + 1}`} value={part.name} onChange={(event) => update({ name: event.target.value })} aria-invalid={Boolean(errors[`parts.${index}.name`])} /></td>
                    <td><input aria-label={`${t('case.partQty')} ${index + 1}`} type="number" min={1} value={part.qty} onChange={(event) => update({ qty: Number(event.target.value) })} style={{ width: '5rem' }} /></td>
                    <td><button type="button" className="link-button" onClick={() => setParts(parts.filter((_, at) => at !== index))}>{t('case.remove')}</button></td>
                  </tr>
                )
              })}
            </tbody>
          </table>
        ) : null}
        {partErrors.map(([key, message]) => <p key={key} className="field-error">{key}: {message}</p>)}
        <button type="button" className="button button--ghost" onClick={() => setParts([...parts, { number: '', name: '', qty: 1 }])}>+ {t('case.addPart')}</button>
      </section>

      <section className="card">
        <h2>{t('case.attachments')}</h2>
        {attachments.length > 0 ? (
          <ul>{attachments.map((file) => <li key={file.id}><a href={`/files/${file.id}`} target="_blank" rel="noreferrer">{file.fileName}</a></li>)}</ul>
        ) : null}
        <FileUploadButton label={t('case.upload')} onUploaded={addAttachment} />
      </section>

      <div className="button-row">
        <button type="submit" name="intent" value="save" className="button button--ghost" disabled={busy}>{t('case.saveDraft')}</button>
        <button type="submit" name="intent" value="submit" className="button" disabled={busy}>{busy ? t('common.loading') : t('case.saveAndSubmit')}</button>
      </div>
    </Form>
  )
}
