import { Link } from '@remix-run/react'
import { useLocale, useMessages } from '~/i18n/use-t'
import { bulletinMessages } from '../messages'
import type { BulletinTypeName } from '../schema'

export type BulletinListItem = {
  id: string
  number: number
  title: string
  type: BulletinTypeName
  publishedAt: Date | string | null
  requiresAck: boolean
  read?: boolean
  acknowledged?: boolean
}

export function BulletinTypeBadge({ type }: { type: BulletinTypeName }) {
  const t = useMessages(bulletinMessages)
  return <span className={`badge bulletin-type bulletin-type--${type}`}>{t(`type.${type}`)}</span>
}

/** Bulletins as a list: number, type, title, date, and the reader's read/acknowledged state. */
export function BulletinList({ bulletins }: { bulletins: BulletinListItem[] }) {
  const t = useMessages(bulletinMessages)
  const locale = useLocale()
  return (
    <ul className="bulletin-list">
      {bulletins.map((bulletin) => (
        <li key={bulletin.id} className={bulletin.read === false ? 'bulletin-item bulletin-item--unread' : 'bulletin-item'} data-bulletin={bulletin.id}>
          <div className="bulletin-item__meta">
            <BulletinTypeBadge type={bulletin.type} />
            <span className="small muted">{t('number', { number: bulletin.number })}</span>
            {bulletin.publishedAt ? <time className="small muted" dateTime={new Date(bulletin.publishedAt).toISOString()}>{new Date(bulletin.publishedAt).toLocaleDateString(locale === 'zh' ? 'zh-CN' : 'en-GB')}</time> : <span className="badge badge--draft">{t('draft')}</span>}
          </div>
          <Link to={`/bulletins/${bulletin.id}`} className="bulletin-item__title">{bulletin.title}</Link>
          <div className="bulletin-item__state">
            {bulletin.read === false ? <span className="badge badge--unread">{t('unread')}</span> : null}
            {bulletin.requiresAck && bulletin.acknowledged === false ? <span className="badge badge--must-ack">{t('mustAck')}</span> : null}
            {bulletin.acknowledged ? <span className="badge badge--approved">{t('acknowledged')}</span> : null}
          </div>
        </li>
      ))}
    </ul>
  )
}

/** The card on a case or request page: bulletins that apply to its vehicle and fault codes. */
export function VehicleBulletins({ bulletins }: { bulletins: BulletinListItem[] }) {
  const t = useMessages(bulletinMessages)
  if (bulletins.length === 0) return null
  return (
    <section className="card vehicle-bulletins" aria-labelledby="vehicle-bulletins-title">
      <h2 id="vehicle-bulletins-title">{t('forVehicle')}</h2>
      <BulletinList bulletins={bulletins} />
    </section>
  )
}
