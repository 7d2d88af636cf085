import { Form, useNavigation } from '@remix-run/react'
import { useState } from 'react'
import { useFieldErrors } from '~/components/field-errors'
import { useLocale, useMessages } from '~/i18n/use-t'
import { inspectionMessages, localizeInspectionError } from '../messages'
import type { TemplateInput } from '../schema'

type ItemRow = { key: number; textZh: string; textEn: string; guidanceZh: string; guidanceEn: string; weight: string; requiresPhoto: boolean }
type SectionRow = { key: number; titleZh: string; titleEn: string; items: ItemRow[] }

let nextKey = 1
const blankItem = (): ItemRow => ({ key: nextKey++, textZh: '', textEn: '', guidanceZh: '', guidanceEn: '', weight: '1', requiresPhoto: false })
const blankSection = (): SectionRow => ({ key: nextKey++, titleZh: '', titleEn: '', items: [blankItem()] })

function rowsOf(template: TemplateInput | null): SectionRow[] {
  if (!template) return [blankSection()]
  return template.sections.map((section) => ({
    key: nextKey++,
    titleZh: section.titleZh,
    titleEn: section.titleEn,
    items: section.items.map((item) => ({
      key: nextKey++,
      textZh: item.textZh,
      textEn: item.textEn,
      guidanceZh: item.guidanceZh ?? '',
      guidanceEn: item.guidanceEn ?? '',
      weight: String(item.weight),
      requiresPhoto: Boolean(item.requiresPhoto),
    })),
  }))
}

const moved = <T,>(rows: T[], from: number, to: number) => {
  if (to < 0 || to >= rows.length) return rows
  const next = [...rows]
  const [row] = next.splice(from, 1)
  next.splice(to, 0, row)
  return next
}

/**
 * A checklist's sections and checkpoints as one form; fields are named by path
 * (`sections.0.items.1.textZh`), so the server's errors come back to the field at fault.
 * Adding, removing and reordering need JavaScript; editing the text does not.
 */
export function TemplateEditor({ template, isNew, errors }: { template: TemplateInput | null; isNew: boolean; errors: Record<string, string> }) {
  const t = useMessages(inspectionMessages)
  const locale = useLocale()
  const busy = useNavigation().state === 'submitting'
  const { fieldError, invalid } = useFieldErrors(errors, 'template-', (message) => localizeInspectionError(message, locale))
  const [sections, setSections] = useState(() => rowsOf(template))

  const updateSection = (sectionKey: number, change: (section: SectionRow) => SectionRow) =>
    setSections((rows) => rows.map((section) => (section.key === sectionKey ? change(section) : section)))
  const updateItem = (sectionKey: number, itemKey: number, patch: Partial<ItemRow>) =>
    updateSection(sectionKey, (section) => ({ ...section, items: section.items.map((item) => (item.key === itemKey ? { ...item, ...patch } : item)) }))

  const text = (name: string, label: string, value: string, onChange: (value: string) => void, options: { long?: boolean; id: string }) => (
    <div className="field">
      <label htmlFor={options.id}>{label}</label>
      {options.long ? (
        <textarea id={options.id} name={name} rows={2} value={value} onChange={(event) => onChange(event.target.value)} {...invalid(name)} />
      ) : (
        <input id={options.id} type="text" name={name} value={value} onChange={(event) => onChange(event.target.value)} {...invalid(name)} />
      )}
      {fieldError(name)}
    </div>
  )

  return (
    <Form method="post" className="template-editor" noValidate>
      {Object.keys(errors).length > 0 ? (
        <p className="notice notice--error" role="alert">
          {t('template.fixErrors')}
        </p>
      ) : null}
      <div className="field-row">
        {isNew ? (
          <div className="field">
            <label htmlFor="template-key">{t('template.key')}</label>
            <input id="template-key" type="text" name="key" defaultValue={template?.key ?? ''} aria-invalid={Boolean(errors.key)} aria-describedby={errors.key ? 'template-key-hint template-key-error' : 'template-key-hint'} />
            <p className="field-hint" id="template-key-hint">{t('template.keyHint')}</p>
            {fieldError('key')}
          </div>
        ) : null}
        <div className="field">
          <label htmlFor="template-nameZh">{t('template.nameZh')}</label>
          <input id="template-nameZh" type="text" name="nameZh" defaultValue={template?.nameZh ?? ''} {...invalid('nameZh')} />
          {fieldError('nameZh')}
        </div>
        <div className="field">
          <label htmlFor="template-nameEn">{t('template.nameEn')}</label>
          <input id="template-nameEn" type="text" name="nameEn" defaultValue={template?.nameEn ?? ''} {...invalid('nameEn')} />
          {fieldError('nameEn')}
        </div>
      </div>
      {fieldError('sections')}

      {sections.map((section, sectionIndex) => {
        const sectionPath = `sections.${sectionIndex}`
        const sectionNumber = sectionIndex + 1
        return (
          <fieldset key={section.key} className="card template-section">
            <legend>{t('template.section', { n: sectionNumber })}</legend>
            <div className="field-row">
              {text(`${sectionPath}.titleZh`, t('template.titleZh'), section.titleZh, (value) => updateSection(section.key, (row) => ({ ...row, titleZh: value })), { id: `s${section.key}-titleZh` })}
              {text(`${sectionPath}.titleEn`, t('template.titleEn'), section.titleEn, (value) => updateSection(section.key, (row) => ({ ...row, titleEn: value })), { id: `s${section.key}-titleEn` })}
            </div>
            <ol className="template-items">
              {section.items.map((item, itemIndex) => {
                const path = `${sectionPath}.items.${itemIndex}`
                const labels = { section: sectionNumber, n: itemIndex + 1 }
                const id = (field: string) => `i${item.key}-${field}`
                return (
                  <li key={item.key} className="template-item">
                    <fieldset>
                      <legend>{t('template.item', labels)}</legend>
                      <div className="field-row">
                        {text(`${path}.textZh`, t('template.textZh'), item.textZh, (value) => updateItem(section.key, item.key, { textZh: value }), { id: id('textZh') })}
                        {text(`${path}.textEn`, t('template.textEn'), item.textEn, (value) => updateItem(section.key, item.key, { textEn: value }), { id: id('textEn') })}
                      </div>
                      <div className="field-row">
                        {text(`${path}.guidanceZh`, t('template.guidanceZh'), item.guidanceZh, (value) => updateItem(section.key, item.key, { guidanceZh: value }), { id: id('guidanceZh'), long: true })}
                        {text(`${path}.guidanceEn`, t('template.guidanceEn'), item.guidanceEn, (value) => updateItem(section.key, item.key, { guidanceEn: value }), { id: id('guidanceEn'), long: true })}
                      </div>
                      <div className="template-item__settings">
                        <div className="field template-item__weight">
                          <label htmlFor={id('weight')}>{t('template.weight')}</label>
                          <input
                            id={id('weight')}
                            type="number"
                            inputMode="numeric"
                            min={1}
                            max={10}
                            name={`${path}.weight`}
                            value={item.weight}
                            onChange={(event) => updateItem(section.key, item.key, { weight: event.target.value })}
                            {...invalid(`${path}.weight`)}
                          />
                          {fieldError(`${path}.weight`)}
                        </div>
                        <label className="check-field">
                          <input
                            type="checkbox"
                            name={`${path}.requiresPhoto`}
                            checked={item.requiresPhoto}
                            onChange={(event) => updateItem(section.key, item.key, { requiresPhoto: event.target.checked })}
                          />{' '}
                          {t('template.requiresPhoto')}
                        </label>
                        <div className="button-row">
                          <button type="button" className="button button--ghost" disabled={itemIndex === 0} aria-label={t('template.moveUpItem', labels)}
                            onClick={() => updateSection(section.key, (row) => ({ ...row, items: moved(row.items, itemIndex, itemIndex - 1) }))}>
                            {t('template.moveUp')}
                          </button>
                          <button type="button" className="button button--ghost" disabled={itemIndex === section.items.length - 1} aria-label={t('template.moveDownItem', labels)}
                            onClick={() => updateSection(section.key, (row) => ({ ...row, items: moved(row.items, itemIndex, itemIndex + 1) }))}>
                            {t('template.moveDown')}
                          </button>
                          {section.items.length > 1 ? (
                            <button type="button" className="button button--ghost" aria-label={t('template.removeItem', labels)}
                              onClick={() => updateSection(section.key, (row) => ({ ...row, items: row.items.filter((candidate) => candidate.key !== item.key) }))}>
                              {t('template.remove')}
                            </button>
                          ) : null}
                        </div>
                      </div>
                    </fieldset>
                  </li>
                )
              })}
            </ol>
            {fieldError(`${sectionPath}.items`)}
            <div className="button-row">
              <button type="button" className="button button--ghost" onClick={() => updateSection(section.key, (row) => ({ ...row, items: [...row.items, blankItem()] }))}>
                {t('template.addItem')}
              </button>
              {sections.length > 1 ? (
                <button type="button" className="button button--ghost" aria-label={t('template.removeSection', { n: sectionNumber })}
                  onClick={() => setSections((rows) => rows.filter((candidate) => candidate.key !== section.key))}>
                  {t('template.remove')}
                </button>
              ) : null}
            </div>
          </fieldset>
        )
      })}

      <div className="button-row">
        <button type="button" className="button button--ghost" onClick={() => setSections((rows) => [...rows, blankSection()])}>
          {t('template.addSection')}
        </button>
        <button type="submit" className="button" disabled={busy} aria-busy={busy}>
          {busy ? t('template.publishing') : t('template.publish')}
        </button>
      </div>
    </Form>
  )
}
