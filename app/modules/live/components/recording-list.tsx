import { useLocale, useMessages } from '~/i18n/use-t'
import { liveMessages } from '../messages'

export type RecordingItem = {
  id: string
  status: string
  durationMs: number | null
  startedAt: Date | string | null
  endedAt: Date | string | null
  startedBy: { name: string }
}

const clock = (ms: number) => {
  const seconds = Math.round(ms / 1000)
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`
}

/** A call's recordings: finished ones play (and seek: the server answers range requests). */
export function RecordingList({ recordings }: { recordings: RecordingItem[] }) {
  const t = useMessages(liveMessages)
  const locale = useLocale()
  if (recordings.length === 0) return null
  return (
    <section className="card recordings" aria-labelledby="recordings-title">
      <h2 id="recordings-title">{t('recordings.title')}</h2>
      <ul className="recordings__list">
        {recordings.map((recording) => {
          const when = recording.startedAt ? new Date(recording.startedAt).toLocaleString(locale === 'zh' ? 'zh-CN' : 'en-GB') : ''
          const caption = t('recordings.by', { name: recording.startedBy.name, time: when, duration: recording.durationMs !== null ? clock(recording.durationMs) : '–' })
          return (
            <li key={recording.id} data-recording={recording.id} data-status={recording.status.toLowerCase()}>
              {recording.status === 'READY' ? (
                <>
                  <video controls preload="metadata" src={`/recordings/${recording.id}`} aria-label={caption} />
                  <p className="small muted">
                    {caption} · <a href={`/recordings/${recording.id}`} download>{t('recordings.download')}</a>
                  </p>
                </>
              ) : (
                <p className="small muted" role="status">{recording.status === 'FAILED' ? t('recordings.broken') : t('recordings.processing')}</p>
              )}
            </li>
          )
        })}
      </ul>
    </section>
  )
}
