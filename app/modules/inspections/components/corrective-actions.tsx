import { useFetcher } from '@remix-run/react'
import { useState } from 'react'
import { useFieldErrors } from '~/components/field-errors'
import { FileUploadButton } from '~/components/file-upload-button'
import type { UploadedFile } from '~/components/rich-text-editor'
import { useLocale, useMessages } from '~/i18n/use-t'
import type { InspectionView } from '../inspections.server'
import { inspectionMessages, localizeInspectionError } from '../messages'
import { availableActionSteps } from '../workflow'

type Action = InspectionView['actions'][number]

const statusBadge = { OPEN: 'badge badge--returned', PROOF_SUBMITTED: 'badge badge--submitted', VERIFIED: 'badge badge--approved', REOPENED: 'badge badge--returned' } as const

/**
 * Each failed item's corrective action: the station uploads its proof; the inspector verifies it
 * or reopens it with a reason (or, during the call, verifies at once from a fresh snapshot).
 */
export function CorrectiveActions({
  inspection,
  userId,
  canSubmitForStation,
  renderProof,
}: {
  inspection: InspectionView
  userId: string
  canSubmitForStation: boolean
  renderProof: (ids: string[]) => React.ReactNode
}) {
  const t = useMessages(inspectionMessages)
  const locale = useLocale()
  const items = new Map(inspection.template.sections.flatMap((section) => section.items.map((item) => [item.id, { ...item, code: `${section.position}.${item.position}` }])))
  return (
    <section className="card" aria-labelledby="actions-title">
      <h2 id="actions-title">{t('actions')}</h2>
      {inspection.actions.length === 0 ? (
        <p className="empty-state">{t('noActions')}</p>
      ) : (
        <ul className="action-list">
          {inspection.actions.map((action) => {
            const item = items.get(action.itemId)
            const text = item ? `${item.code} ${locale === 'zh' ? item.textZh : item.textEn}` : ''
            return (
              <ActionCard
                key={action.id}
                action={action}
                text={text}
                side={inspection.side}
                mayActForStation={inspection.side === 'station' && (action.owner.id === userId || canSubmitForStation)}
                inCall={inspection.status !== 'FINISHED'}
                renderProof={renderProof}
              />
            )
          })}
        </ul>
      )}
    </section>
  )
}

function ActionCard({
  action,
  text,
  side,
  mayActForStation,
  inCall,
  renderProof,
}: {
  action: Action
  text: string
  side: InspectionView['side']
  mayActForStation: boolean
  inCall: boolean
  renderProof: (ids: string[]) => React.ReactNode
}) {
  const t = useMessages(inspectionMessages)
  const locale = useLocale()
  const steps = side ? availableActionSteps(action.status, side) : []
  const due = new Date(action.dueAt)
  const overdue = action.status !== 'VERIFIED' && due.getTime() < Date.now()
  const date = due.toLocaleDateString(locale === 'zh' ? 'zh-CN' : 'en-GB')
  return (
    <li className="action-card" data-testid="corrective-action" data-status={action.status}>
      <div className="action-card__head">
        <strong>{t('actionFor', { text })}</strong>
        <span className={statusBadge[action.status]}>{t(`actionStatus.${action.status}`)}</span>
        {overdue ? <span className="badge badge--returned">{t('overdue')}</span> : null}
      </div>
      <p className="small muted">{t('actionMeta', { owner: action.owner.name, due: date })}</p>
      <p>{t('requiredProof')}: {action.requiredProof}</p>
      {action.proofIds.length > 0 ? (
        <div className="action-card__proof" aria-label={t('proof')}>
          {action.proofNote ? <p className="prewrap">{action.proofNote}</p> : null}
          {renderProof(action.proofIds)}
        </div>
      ) : null}
      {action.reviewNote ? <p className="notice notice--warning">{t('reviewNote', { note: action.reviewNote })}</p> : null}
      {mayActForStation && steps.includes('submit-proof') ? <ProofForm actionId={action.id} /> : null}
      {side === 'inspector' && action.status === 'PROOF_SUBMITTED' ? <ReviewForms actionId={action.id} /> : null}
      {side === 'inspector' && steps.includes('verify') && action.status !== 'PROOF_SUBMITTED' && inCall ? <p className="field-hint">{t('verifyFromSnapshot')}</p> : null}
    </li>
  )
}

function ProofForm({ actionId }: { actionId: string }) {
  const t = useMessages(inspectionMessages)
  const locale = useLocale()
  const fetcher = useFetcher<{ errors?: Record<string, string> }>()
  const [files, setFiles] = useState<UploadedFile[]>([])
  const { fieldError, invalid } = useFieldErrors(fetcher.data?.errors ?? {}, `proof-${actionId}-`, (value) => localizeInspectionError(value, locale))
  const busy = fetcher.state !== 'idle'
  return (
    <fetcher.Form method="post" className="proof-form" noValidate>
      <input type="hidden" name="intent" value="submit-proof" />
      <input type="hidden" name="actionId" value={actionId} />
      <input type="hidden" name="proofIds" value={files.map((file) => file.id).join(',')} />
      <div className="field">
        <label htmlFor={`proof-${actionId}-note`}>{t('proofNote')}</label>
        <textarea id={`proof-${actionId}-note`} name="note" rows={2} maxLength={1000} />
      </div>
      <div className="button-row" {...invalid('proofIds')}>
        <FileUploadButton label={t('addProof')} onUploaded={(file) => setFiles((current) => [...current, file])} />
        {files.map((file) => (
          <span key={file.id} className="user-chip">
            {file.fileName}
            <button type="button" className="link-button" aria-label={`${t('removeFile')} ${file.fileName}`} onClick={() => setFiles((current) => current.filter((each) => each.id !== file.id))}>×</button>
          </span>
        ))}
      </div>
      {fieldError('proofIds')}
      <button type="submit" className="button" disabled={busy} aria-busy={busy}>{t('submitProof')}</button>
    </fetcher.Form>
  )
}

function ReviewForms({ actionId }: { actionId: string }) {
  const t = useMessages(inspectionMessages)
  const locale = useLocale()
  const fetcher = useFetcher<{ errors?: Record<string, string> }>()
  const { fieldError, invalid } = useFieldErrors(fetcher.data?.errors ?? {}, `review-${actionId}-`, (value) => localizeInspectionError(value, locale))
  const busy = fetcher.state !== 'idle'
  return (
    <div className="review-forms">
      <fetcher.Form method="post">
        <input type="hidden" name="intent" value="verify" />
        <input type="hidden" name="actionId" value={actionId} />
        <button type="submit" className="button" disabled={busy}>{t('verify')}</button>
      </fetcher.Form>
      <fetcher.Form method="post" className="inline-form" noValidate>
        <input type="hidden" name="intent" value="reopen" />
        <input type="hidden" name="actionId" value={actionId} />
        <div className="field">
          <label htmlFor={`review-${actionId}-note`}>{t('reopenNote')}</label>
          <input id={`review-${actionId}-note`} name="note" maxLength={1000} {...invalid('note')} />
          {fieldError('note')}
        </div>
        <button type="submit" className="button button--ghost" disabled={busy}>{t('reopen')}</button>
      </fetcher.Form>
    </div>
  )
}
