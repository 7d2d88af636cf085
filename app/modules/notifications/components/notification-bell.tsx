import { Link, useLocation } from '@remix-run/react'
import { useEffect, useState } from 'react'
import { useSocketEvent } from '~/components/realtime'
import { useMessages } from '~/i18n/use-t'
import { NOTIFICATION_EVENTS } from '../events'
import { notificationMessages } from '../messages'

/** The header's bell: unread count from the page load, counted up live as notifications arrive. */
export function NotificationBell({ unread }: { unread: number }) {
  const t = useMessages(notificationMessages)
  const [count, setCount] = useState(unread)
  const location = useLocation()
  // A fresh page load (or reading the list) brings the true count.
  useEffect(() => setCount(unread), [unread, location.key])
  useSocketEvent(NOTIFICATION_EVENTS.created, () => setCount((current) => current + 1))
  return (
    <Link to="/notifications" className="bell" aria-label={t('bell', { count })} data-unread={count}>
      <svg aria-hidden="true" viewBox="0 0 24 24" width="20" height="20">
        <path fill="currentColor" d="M12 22a2.5 2.5 0 0 0 2.45-2h-4.9A2.5 2.5 0 0 0 12 22Zm7-6V11a7 7 0 0 0-5.5-6.84V3a1.5 1.5 0 0 0-3 0v1.16A7 7 0 0 0 5 11v5l-2 2v1h18v-1Z" />
      </svg>
      {count > 0 ? <span className="bell__count">{count > 99 ? '99+' : count}</span> : null}
    </Link>
  )
}
