import { useEffect, useRef } from 'react'
import { useMessages } from '~/i18n/use-t'
import { liveMessages } from '../messages'
import { useAudioLevel } from '../use-local-media'
import type { LinkStats } from '../use-connection-stats'

const SPEAKING_LEVEL = 0.08

/** A video with its person's name, "speaking", muted/camera-off state and (for others) the link quality. */
export function VideoTile({
  stream,
  name,
  local = false,
  muted = false,
  videoOff = false,
  stats,
  participantId,
}: {
  stream: MediaStream | null | undefined
  name: string
  local?: boolean
  muted?: boolean
  videoOff?: boolean
  stats?: LinkStats
  participantId?: string
}) {
  const t = useMessages(liveMessages)
  const video = useRef<HTMLVideoElement>(null)
  const level = useAudioLevel(stream ?? null)
  const speaking = !muted && level > SPEAKING_LEVEL
  // Our own front camera shows as a mirror, as people expect; the rear camera (the car) never is.
  const settings = stream?.getVideoTracks()[0]?.getSettings()
  const mirrored = local && settings?.facingMode !== 'environment' && !(settings as { displaySurface?: string } | undefined)?.displaySurface
  useEffect(() => {
    if (video.current && video.current.srcObject !== (stream ?? null)) video.current.srcObject = stream ?? null
  }, [stream])

  return (
    <figure
      className={`video-tile${speaking ? ' video-tile--speaking' : ''}${local ? ' video-tile--local' : ''}${mirrored ? ' video-tile--mirrored' : ''}`}
      data-participant={participantId}
      data-frames-decoded={stats?.framesDecoded}
      data-route={stats?.route ?? undefined}
    >
      {/* iOS plays inline only with playsInline; our own video is muted so we never hear ourselves. */}
      <video ref={video} autoPlay playsInline muted={local} aria-label={name} />
      {!stream ? <span className="video-tile__placeholder">{t('connecting')}</span> : null}
      <figcaption>
        <span>{name}</span>
        {speaking ? <span className="badge badge--online">{t('speaking')}</span> : null}
        {muted ? <span className="badge badge--draft">{t('muted')}</span> : null}
        {videoOff ? <span className="badge badge--draft">{t('cameraOff')}</span> : null}
        {stats ? <span className={`quality quality--${stats.quality}`}>{t(`quality.${stats.quality}`)}{stats.roundTripMs !== null ? ` · ${stats.roundTripMs} ms` : ''}{stats.route === 'relay' ? ` · ${t('viaRelay')}` : ''}</span> : null}
      </figcaption>
    </figure>
  )
}
