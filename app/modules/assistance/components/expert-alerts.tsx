import { Link } from '@remix-run/react'
import { useState } from 'react'
import { useSocketEvent } from '~/components/realtime'
import { useMessages } from '~/i18n/use-t'
import { assistanceMessages } from '../messages'
import { ASSISTANCE_EVENTS, type RequestCreatedEvent } from '../rooms'

type Alert = { key: string; requestId: string; text: string }

/** Pops up new requests of the expert's systems (and transfers to them) on any page; also as a desktop notification when allowed. */
export function ExpertAlerts() {
  const t = useMessages(assistanceMessages)
  const [alerts, setAlerts] = useState<Alert[]>([])
  const show = (requestId: string, text: string) => {
    setAlerts((current) => [{ key: `${requestId}-${Date.now()}`, requestId, text }, ...current].slice(0, 4))
    if (typeof Notification !== 'undefined' && Notification.permission === 'granted' && document.visibilityState !== 'visible') {
      new Notification(text).onclick = () => window.location.assign(`/assistance/${requestId}`)
    }
  }
  useSocketEvent<RequestCreatedEvent>(ASSISTANCE_EVENTS.created, (event) => show(event.id, t('alert.new', { number: event.number, model: event.model })))
  useSocketEvent<{ id: string }>(ASSISTANCE_EVENTS.assigned, (event) => show(event.id, t('alert.assigned')))
  const dismiss = (key: string) => setAlerts((current) => current.filter((alert) => alert.key !== key))

  return (
    <div className="toast-stack" role="status" aria-live="polite">
      {alerts.map((alert) => (
        <div key={alert.key} className="toast">
          <span>{alert.text}</span>
          <Link to={`/assistance/${alert.requestId}`} onClick={() => dismiss(alert.key)} className="button">
            {t('alert.open')}
          </Link>
          <button type="button" className="link-button" onClick={() => dismiss(alert.key)}>
            {t('alert.dismiss')}
          </button>
        </div>
      ))}
    </div>
  )
}
