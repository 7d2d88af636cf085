import { useEffect, useState } from 'react'
import { useLocale, useMessages } from '~/i18n/use-t'
import { assistanceMessages } from '../messages'
import { slaState } from '../sla'

/** The current time, ticking every 30 s after hydration (the server's clock is used for the first render). */
export function useNow(serverNow: string) {
  const [now, setNow] = useState(() => new Date(serverNow))
  useEffect(() => {
    setNow(new Date())
    const timer = setInterval(() => setNow(new Date()), 30_000)
    return () => clearInterval(timer)
  }, [])
  return now
}

export function formatDuration(ms: number, locale: 'zh' | 'en') {
  const minutes = Math.max(0, Math.round(ms / 60_000))
  const days = Math.floor(minutes / 1440)
  const hours = Math.floor((minutes % 1440) / 60)
  const rest = minutes % 60
  const units = locale === 'zh' ? { d: '天', h: '小时', m: '分钟' } : { d: ' d', h: ' h', m: ' min' }
  if (days > 0) return `${days}${units.d}${hours > 0 ? ` ${hours}${units.h}` : ''}`
  if (hours > 0) return `${hours}${units.h}${rest > 0 ? ` ${rest}${units.m}` : ''}`
  return `${rest}${units.m}`
}

/** One SLA timer: label, state as text (never colour alone) and the due time on hover. */
export function SlaTimer({
  label,
  startedAt,
  dueAt,
  doneAt,
  now,
}: {
  label: 'sla.response' | 'sla.resolution'
  startedAt: Date | string
  dueAt: Date | string
  doneAt: Date | string | null
  now: Date
}) {
  const t = useMessages(assistanceMessages)
  const locale = useLocale()
  const due = new Date(dueAt)
  const state = slaState({ startedAt: new Date(startedAt), dueAt: due, doneAt: doneAt ? new Date(doneAt) : null, now })
  const text =
    state === 'overdue'
      ? t('sla.overdue', { late: formatDuration(now.getTime() - due.getTime(), locale) })
      : state === 'on-track' || state === 'due-soon'
        ? t(`sla.${state}`, { left: formatDuration(due.getTime() - now.getTime(), locale) })
        : t(`sla.${state}`)
  return (
    <span className={`sla sla--${state}`} title={due.toLocaleString(locale === 'zh' ? 'zh-CN' : 'en-GB')}>
      <span className="sla__label">{t(label)}</span> {text}
    </span>
  )
}

type Timestamps = { createdAt: Date | string; claimedAt: Date | string | null; resolvedAt: Date | string | null; responseDueAt: Date | string; resolutionDueAt: Date | string }

/** Both timers of a request: first response (ends with the claim) and resolution (ends when the expert closes it). */
export function RequestSlaTimers({ request, now }: { request: Timestamps; now: Date }) {
  return (
    <p className="request-row__sla">
      <SlaTimer label="sla.response" startedAt={request.createdAt} dueAt={request.responseDueAt} doneAt={request.claimedAt} now={now} />
      <SlaTimer label="sla.resolution" startedAt={request.createdAt} dueAt={request.resolutionDueAt} doneAt={request.resolvedAt} now={now} />
    </p>
  )
}
