import { Form, Link, useActionData, useNavigation } from '@remix-run/react'
import { useEffect, useState } from 'react'
import { useFieldErrors } from '~/components/field-errors'
import { useMessages } from '~/i18n/use-t'
import { assistanceMessages } from '../messages'
import type { RequestActionName } from '../workflow'

type Props = {
  actions: RequestActionName[]
  experts: Array<{ id: string; name: string; online: boolean }>
  openVisitId: string | null
  caseId: string | null
}

/** The buttons the user may press on this request, each a small form; server errors appear by the field. */
export function RequestActionsPanel({ actions, experts, openVisitId, caseId }: Props) {
  const t = useMessages(assistanceMessages)
  const busy = useNavigation().state !== 'idle'
  const actionData = useActionData<{ errors?: Record<string, string> }>()
  const errors = actionData?.errors ?? {}
  const { fieldError, invalid } = useFieldErrors(errors, 'action-')
  const has = (action: RequestActionName) => actions.includes(action)
  // The browser's zone, so the visit time typed in local time is stored as the right instant.
  const [tzOffset, setTzOffset] = useState(0)
  useEffect(() => setTzOffset(new Date().getTimezoneOffset()), [])
  if (actions.length === 0 && !caseId) return null

  return (
    <section className="card" aria-label={t('expert.panel')}>
      {errors._form ? <p className="notice notice--error" role="alert">{errors._form}</p> : null}
      {caseId ? (
        <p><Link className="button button--ghost" to={`/cases/${caseId}`}>{t('action.openCase')}</Link></p>
      ) : null}
      {has('claim') ? (
        <Form method="post" className="action-form">
          <button className="button button--wide" name="intent" value="claim" disabled={busy}>{t('action.claim')}</button>
        </Form>
      ) : null}
      {has('resolve') ? (
        <Form method="post" className="action-form">
          <h3 className="small">{t('action.resolve')}</h3>
          <div className="field">
            <label htmlFor="cause">{t('action.cause')}</label>
            <textarea id="cause" name="cause" rows={3} {...invalid('cause')} />
            {fieldError('cause')}
          </div>
          <div className="field">
            <label htmlFor="fix">{t('action.fix')}</label>
            <textarea id="fix" name="fix" rows={3} {...invalid('fix')} />
            {fieldError('fix')}
          </div>
          <button className="button" name="intent" value="resolve" disabled={busy}>{t('action.resolve')}</button>
        </Form>
      ) : null}
      {has('confirm') ? (
        <Form method="post" className="action-form">
          <input type="hidden" name="intent" value="confirm" />
          <h3 className="small">{t('action.firstTimeFix')}</h3>
          <div className="button-row">
            <button className="button" name="firstTimeFix" value="yes" disabled={busy}>{t('action.confirmYes')}</button>
            <button className="button button--ghost" name="firstTimeFix" value="no" disabled={busy}>{t('action.confirmNo')}</button>
          </div>
        </Form>
      ) : null}
      {has('draft-case') ? (
        <Form method="post" className="action-form">
          <button className="button button--ghost" name="intent" value="draft-case" disabled={busy}>{t('action.draftCase')}</button>
        </Form>
      ) : null}
      {has('reopen') ? (
        <Form method="post" className="action-form">
          <div className="field">
            <label htmlFor="reason">{t('action.reason')}</label>
            <textarea id="reason" name="reason" rows={2} {...invalid('reason')} />
            {fieldError('reason')}
          </div>
          <button className="button button--ghost" name="intent" value="reopen" disabled={busy}>{t('action.reopen')}</button>
        </Form>
      ) : null}
      {has('visit-outcome') && openVisitId ? (
        <Form method="post" className="action-form">
          <input type="hidden" name="visitId" value={openVisitId} />
          <div className="field">
            <label htmlFor="outcome">{t('action.outcome')}</label>
            <textarea id="outcome" name="outcome" rows={2} {...invalid('outcome')} />
            {fieldError('outcome')}
          </div>
          <button className="button button--ghost" name="intent" value="visit-outcome" disabled={busy}>{t('action.visitOutcome')}</button>
        </Form>
      ) : null}
      {has('transfer') ? (
        <Form method="post" className="action-form">
          <div className="field">
            <label htmlFor="toExpertId">{t('action.transferTo')}</label>
            <select id="toExpertId" name="toExpertId" defaultValue="" {...invalid('toExpertId')}>
              <option value="">{t('action.chooseExpert')}</option>
              {experts.map((expert) => (
                <option key={expert.id} value={expert.id}>{expert.name}{expert.online ? ` · ${t('expert.online')}` : ''}</option>
              ))}
            </select>
            {fieldError('toExpertId')}
          </div>
          <div className="field">
            <label htmlFor="transfer-note">{t('action.note')}</label>
            <input id="transfer-note" name="note" maxLength={1000} />
          </div>
          <button className="button button--ghost" name="intent" value="transfer" disabled={busy}>{t('action.transfer')}</button>
        </Form>
      ) : null}
      {has('escalate') ? (
        <Form method="post" className="action-form">
          <div className="field">
            <label htmlFor="scheduledAt">{t('action.scheduledAt')}</label>
            <input id="scheduledAt" name="scheduledAt" type="datetime-local" required {...invalid('scheduledAt')} />
            <input type="hidden" name="tzOffset" value={tzOffset} />
            {fieldError('scheduledAt')}
          </div>
          <button className="button button--ghost" name="intent" value="escalate" disabled={busy}>{t('action.escalate')}</button>
        </Form>
      ) : null}
    </section>
  )
}
