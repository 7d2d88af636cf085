import { useFetcher } from '@remix-run/react'
import { useRef } from 'react'
import { useFieldErrors } from '~/components/field-errors'
import { useLocale, useMessages } from '~/i18n/use-t'
import type { InspectionView } from '../inspections.server'
import { inspectionMessages, localizeInspectionError } from '../messages'
import { OUTCOMES } from '../schema'
import { photoStillMissing } from '../workflow'

type Item = InspectionView['template']['sections'][number]['items'][number]
type Result = InspectionView['results'][number]
type Owner = InspectionView['staff'][number]

const outcomeLabel = { PASS: 'pass', FAIL: 'fail', NA: 'na' } as const

/**
 * The checklist by section. The inspector scores each item (pass / fail / N/A) with a note while
 * the inspection is in progress and turns a failed item into a corrective action; the station
 * follows the same list as it fills in.
 */
export function Checklist({
  inspection,
  renderEvidence,
}: {
  inspection: InspectionView
  /** The item's evidence images (the page draws them with the call's annotation viewer). */
  renderEvidence: (ids: string[]) => React.ReactNode
}) {
  const locale = useLocale()
  const results = new Map(inspection.results.map((result) => [result.itemId, result]))
  const actioned = new Set(inspection.actions.map((action) => action.itemId))
  return (
    <div className="checklist">
      {inspection.template.sections.map((section) => (
        <section key={section.id} className="card checklist-section" aria-labelledby={`section-${section.id}`}>
          <h2 id={`section-${section.id}`}>{locale === 'zh' ? section.titleZh : section.titleEn}</h2>
          <ol className="checklist-items">
            {section.items.map((item) => (
              <ChecklistItem
                key={item.id}
                code={`${section.position}.${item.position}`}
                item={item}
                result={results.get(item.id)}
                canScore={inspection.side === 'inspector' && inspection.status === 'IN_PROGRESS'}
                canRaise={inspection.side === 'inspector' && inspection.status !== 'SCHEDULED' && !actioned.has(item.id)}
                staff={inspection.staff}
                renderEvidence={renderEvidence}
              />
            ))}
          </ol>
        </section>
      ))}
    </div>
  )
}

function ChecklistItem({
  code,
  item,
  result,
  canScore,
  canRaise,
  staff,
  renderEvidence,
}: {
  code: string
  item: Item
  result: Result | undefined
  canScore: boolean
  canRaise: boolean
  staff: Owner[]
  renderEvidence: (ids: string[]) => React.ReactNode
}) {
  const t = useMessages(inspectionMessages)
  const locale = useLocale()
  const fetcher = useFetcher<{ errors?: Record<string, string> }>()
  const text = locale === 'zh' ? item.textZh : item.textEn
  const guidance = locale === 'zh' ? item.guidanceZh : item.guidanceEn
  // The choice shows at once; the server's answer follows.
  const pending = fetcher.formData?.get('intent') === 'score' ? (fetcher.formData.get('outcome') as Result['outcome']) : undefined
  const outcome = pending ?? result?.outcome
  const errors = fetcher.data?.errors ?? {}
  const { message } = useFieldErrors(errors, `item-${item.id}-`, (value) => localizeInspectionError(value, locale))
  const note = useRef<HTMLTextAreaElement>(null)
  const submit = (intent: 'score' | 'note', value?: string) =>
    fetcher.submit({ intent, itemId: item.id, note: note.current?.value ?? '', ...(value ? { outcome: value } : {}) }, { method: 'post' })
  const photoMissing = photoStillMissing(item, result)
  return (
    <li className={`checklist-item checklist-item--${(outcome ?? 'open').toLowerCase()}`} data-testid="checklist-item" data-item-id={item.id} data-outcome={outcome ?? ''}>
      <div className="checklist-item__head">
        <span className="checklist-item__code">{code}</span>
        <span className="checklist-item__text" id={`item-${item.id}`}>{text}</span>
        <span className="checklist-item__meta">
          <span className="small muted">{t('weight', { weight: item.weight })}</span>
          {item.requiresPhoto ? <span className="badge badge--submitted">{t('needsPhoto')}</span> : null}
          {photoMissing ? <span className="badge badge--returned">{t('photoMissing')}</span> : null}
        </span>
      </div>
      {guidance ? (
        <details className="checklist-item__guidance">
          <summary>{t('guidance')}</summary>
          <p>{guidance}</p>
        </details>
      ) : null}
      {canScore ? (
        <div className="checklist-item__form">
          <div className="outcome-buttons" role="group" aria-labelledby={`item-${item.id}`}>
            {OUTCOMES.map((value) => (
              <button
                key={value}
                type="button"
                className={`button outcome-button outcome-button--${value.toLowerCase()}`}
                aria-pressed={outcome === value}
                onClick={() => submit('score', value)}
              >
                {t(outcomeLabel[value])}
              </button>
            ))}
          </div>
          <label className="visually-hidden" htmlFor={`note-${item.id}`}>{t('note')} · {code}</label>
          <textarea ref={note} id={`note-${item.id}`} rows={1} className="checklist-item__note" placeholder={t('note')} defaultValue={result?.note ?? ''} maxLength={1000} />
          {result ? (
            <button type="button" className="button button--ghost" onClick={() => submit('note')}>
              {t('saveNote')}
            </button>
          ) : null}
        </div>
      ) : (
        <p className="checklist-item__outcome" data-testid="item-outcome">
          <strong>{outcome ? t(`outcome.${outcome}`) : t('notScored')}</strong>
          {result?.note ? <span> · {result.note}</span> : null}
        </p>
      )}
      {Object.keys(errors).length > 0 ? <p className="field-error" role="alert">{Object.values(errors).map(message).join(' ')}</p> : null}
      {result && result.evidenceIds.length > 0 ? (
        <div className="checklist-item__evidence" aria-label={`${t('evidence')} · ${code}`}>{renderEvidence(result.evidenceIds)}</div>
      ) : null}
      {canRaise && result?.outcome === 'FAIL' ? <RaiseActionForm itemId={item.id} code={code} staff={staff} /> : null}
    </li>
  )
}

function RaiseActionForm({ itemId, code, staff }: { itemId: string; code: string; staff: Owner[] }) {
  const t = useMessages(inspectionMessages)
  const locale = useLocale()
  const fetcher = useFetcher<{ errors?: Record<string, string> }>()
  const { fieldError, invalid } = useFieldErrors(fetcher.data?.errors ?? {}, `raise-${itemId}-`, (value) => localizeInspectionError(value, locale))
  const busy = fetcher.state !== 'idle'
  const prefix = `raise-${itemId}`
  return (
    <details className="raise-action">
      <summary>{t('raiseAction')} · {code}</summary>
      <fetcher.Form method="post" className="field-row" noValidate>
        <input type="hidden" name="intent" value="raise-action" />
        <input type="hidden" name="itemId" value={itemId} />
        <div className="field">
          <label htmlFor={`${prefix}-owner`}>{t('owner')}</label>
          <select id={`${prefix}-owner`} name="ownerId" defaultValue="" {...invalid('ownerId')}>
            <option value="">{t('choose')}</option>
            {staff.map((person) => <option key={person.id} value={person.id}>{person.name}</option>)}
          </select>
          {fieldError('ownerId')}
        </div>
        <div className="field">
          <label htmlFor={`${prefix}-due`}>{t('dueAt')}</label>
          <input id={`${prefix}-due`} type="date" name="dueAt" {...invalid('dueAt')} />
          {fieldError('dueAt')}
        </div>
        <div className="field">
          <label htmlFor={`${prefix}-proof`}>{t('requiredProof')}</label>
          <input id={`${prefix}-proof`} name="requiredProof" placeholder={t('requiredProofHint')} maxLength={500} {...invalid('requiredProof')} />
          {fieldError('requiredProof')}
        </div>
        {fieldError('itemId')}
        <div className="field schedule-form__submit">
          <button type="submit" className="button" disabled={busy} aria-busy={busy}>{t('raiseAction')}</button>
        </div>
      </fetcher.Form>
    </details>
  )
}
