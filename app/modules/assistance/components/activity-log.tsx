import { useLocale, useMessages } from '~/i18n/use-t'
import { assistanceMessages, type AssistanceMessageKey } from '../messages'

type Event = { id: bigint | number | string; kind: string; data: unknown; createdAt: Date | string; actor: { name: string } | null }

/** Every state change of the request: who, what, when. */
export function ActivityLog({ events }: { events: Event[] }) {
  const t = useMessages(assistanceMessages)
  const locale = useLocale()
  const when = (value: Date | string) => new Date(value).toLocaleString(locale === 'zh' ? 'zh-CN' : 'en-GB')
  const describe = (event: Event) => {
    const data = (event.data ?? {}) as Record<string, string | null>
    const vars = { to: data.to ?? '', reason: data.reason ?? '', time: data.scheduledAt ? when(data.scheduledAt) : '' }
    const key = `event.${event.kind}` as AssistanceMessageKey
    return key in assistanceMessages.zh ? t(key, vars) : event.kind
  }
  return (
    <section className="card" aria-labelledby="activity-title">
      <h2 id="activity-title">{t('activity')}</h2>
      <ol className="activity-list">
        {events.map((event) => (
          <li key={String(event.id)}>
            <span className="muted small">{when(event.createdAt)}</span> <strong>{event.actor?.name ?? '—'}</strong> {describe(event)}
          </li>
        ))}
      </ol>
    </section>
  )
}
