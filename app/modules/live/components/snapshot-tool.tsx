import { useEffect, useState } from 'react'
import { useMessages } from '~/i18n/use-t'
import { ANNOTATION_EVENTS, type FrameMessage, type FreezeMessage, type SnapshotAsk, type SnapshotTaken, type Stroke } from '../annotation'
import { annotationMessages } from '../annotation-messages'
import { AnnotationCanvas } from './annotation-canvas'
import type { CallTools } from './live-call'

/** Whose frame it is, and who froze it if someone else did. */
type Heading = { by?: string; of?: string }

type Frame =
  | { kind: 'snapshot'; frameId: string; blob: Blob; url: string; heading: Heading }
  | { kind: 'frozen'; frameId: string; blob?: Blob; url: string; heading: Heading }

const newId = () => crypto.randomUUID()

/** How long to wait for a still from the other person's own camera before using the received video. */
const SOURCE_STILL_TIMEOUT_MS = 8_000

function toJpeg(source: CanvasImageSource, width: number, height: number) {
  const canvas = document.createElement('canvas')
  canvas.width = width
  canvas.height = height
  canvas.getContext('2d')!.drawImage(source, 0, 0, width, height)
  return new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/jpeg', 0.92))
}

/** A video's current frame at its full decoded resolution, as a JPEG. */
async function captureFrame(video: HTMLVideoElement | null | undefined) {
  if (!video || video.videoWidth === 0 || video.readyState < 2) return null
  return toJpeg(video, video.videoWidth, video.videoHeight)
}

/**
 * A still of our own camera at the camera's resolution (what the network carries may be scaled
 * down); never while we have turned our video off.
 */
async function captureOwnCamera(container: ParentNode) {
  const video = container.querySelector<HTMLVideoElement>('.video-tile--local video')
  const track = video?.srcObject instanceof MediaStream ? video.srcObject.getVideoTracks()[0] : undefined
  if (!track || !track.enabled || track.readyState !== 'live') return null
  const ImageCaptureClass = (window as unknown as { ImageCapture?: new (track: MediaStreamTrack) => { grabFrame(): Promise<ImageBitmap> } }).ImageCapture
  if (ImageCaptureClass) {
    const bitmap = await new ImageCaptureClass(track).grabFrame().catch(() => null)
    if (bitmap) return toJpeg(bitmap, bitmap.width, bitmap.height)
  }
  return captureFrame(video)
}

/**
 * Snapshot and freeze-frame annotation for a call. A snapshot is annotated here and handed to
 * `onSave`; a frozen frame is uploaded with `uploadFrame` and annotated by everyone at once.
 * Where the images end up is the owning page's business.
 */
export function SnapshotTool({
  call,
  onSave,
  uploadFrame,
}: {
  call: CallTools
  onSave: (blob: Blob, strokes: Stroke[]) => Promise<void>
  uploadFrame?: (blob: Blob) => Promise<{ id: string }>
}) {
  const t = useMessages(annotationMessages)
  const { socket, roomId } = call
  const [frame, setFrame] = useState<Frame | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [taking, setTaking] = useState<string | null>(null)

  const videoOf = (participantId: string) =>
    (call.container ?? document).querySelector<HTMLVideoElement>(`.video-tile[data-participant="${CSS.escape(participantId)}"] video`)

  useEffect(() => {
    const onFreeze = (message: FreezeMessage) =>
      setFrame({ kind: 'frozen', frameId: message.frameId, url: `/files/${message.attachmentId}`, heading: { by: message.fromName } })
    const onUnfreeze = (message: FrameMessage) => setFrame((current) => (current?.frameId === message.frameId ? null : current))
    socket.on(ANNOTATION_EVENTS.freeze, onFreeze)
    socket.on(ANNOTATION_EVENTS.unfreeze, onUnfreeze)
    return () => {
      socket.off(ANNOTATION_EVENTS.freeze, onFreeze)
      socket.off(ANNOTATION_EVENTS.unfreeze, onUnfreeze)
    }
  }, [socket])

  // Someone asks for a still of our camera: taken here at full resolution, uploaded, its id sent back.
  useEffect(() => {
    const onAsk = async ({ askId, from }: SnapshotAsk) => {
      let attachmentId: string | null = null
      const still = uploadFrame ? await captureOwnCamera(call.container ?? document) : null
      if (still && uploadFrame) attachmentId = await uploadFrame(still).then((file) => file.id, () => null)
      socket.emit(ANNOTATION_EVENTS.snapshotTaken, { roomId, to: from, askId, attachmentId })
    }
    socket.on(ANNOTATION_EVENTS.snapshotAsk, onAsk)
    return () => void socket.off(ANNOTATION_EVENTS.snapshotAsk, onAsk)
  }, [socket, roomId, uploadFrame, call.container])

  /** The other person's still from their own camera, or null (no answer in time, camera off). */
  const askForStill = (participantId: string) =>
    new Promise<Blob | null>((resolve) => {
      const askId = newId()
      const done = (blob: Blob | null) => {
        clearTimeout(timer)
        socket.off(ANNOTATION_EVENTS.snapshotTaken, onTaken)
        resolve(blob)
      }
      const onTaken = (answer: SnapshotTaken) => {
        if (answer.askId !== askId) return
        if (!answer.attachmentId) return done(null)
        void fetch(`/files/${answer.attachmentId}`)
          .then((response) => (response.ok ? response.blob() : null))
          .then(done, () => done(null))
      }
      const timer = setTimeout(() => done(null), SOURCE_STILL_TIMEOUT_MS)
      socket.on(ANNOTATION_EVENTS.snapshotTaken, onTaken)
      socket.emit(ANNOTATION_EVENTS.snapshotAsk, { roomId, to: participantId, askId })
    })

  // Object URLs of our own captures live as long as their frame is open.
  useEffect(() => {
    if (!frame?.blob) return
    const url = frame.url
    return () => URL.revokeObjectURL(url)
  }, [frame])

  const snapshot = async (participant: CallTools['participants'][number]) => {
    setError(null)
    setTaking(participant.participantId)
    const blob = (await askForStill(participant.participantId)) ?? (await captureFrame(videoOf(participant.participantId)))
    setTaking(null)
    if (!blob) return setError(t('noVideo'))
    setFrame({ kind: 'snapshot', frameId: newId(), blob, url: URL.createObjectURL(blob), heading: { of: participant.name } })
  }

  const freeze = async (participant: CallTools['participants'][number]) => {
    if (!uploadFrame) return
    setError(null)
    const blob = await captureFrame(videoOf(participant.participantId))
    if (!blob) return setError(t('noVideo'))
    try {
      const { id } = await uploadFrame(blob)
      const frameId = newId()
      socket.emit(ANNOTATION_EVENTS.freeze, { roomId, frameId, participantId: participant.participantId, attachmentId: id })
      setFrame({ kind: 'frozen', frameId, blob, url: URL.createObjectURL(blob), heading: { of: participant.name } })
    } catch (failure) {
      setError(t('failed', { reason: (failure as Error).message }))
    }
  }

  const close = () => {
    if (frame?.kind === 'frozen') socket.emit(ANNOTATION_EVENTS.unfreeze, { roomId, frameId: frame.frameId })
    setFrame(null)
  }

  return (
    <div className="snapshot-tool">
      {call.participants.length > 0 ? (
        <ul className="snapshot-tool__list">
          {call.participants.map((participant) => (
            <li key={participant.participantId} className="button-row">
              <span className="small">{participant.name}</span>
              <button
                type="button"
                className="button button--ghost"
                aria-label={t('snapshotOf', { name: participant.name })}
                aria-busy={taking === participant.participantId}
                disabled={taking !== null}
                onClick={() => void snapshot(participant)}
              >
                {taking === participant.participantId ? t('taking') : t('snapshot')}
              </button>
              {uploadFrame ? (
                <button type="button" className="button button--ghost" aria-label={t('freezeOf', { name: participant.name })} onClick={() => void freeze(participant)}>
                  {t('freeze')}
                </button>
              ) : null}
            </li>
          ))}
        </ul>
      ) : null}
      {error ? <p className="field-error" role="alert">{error}</p> : null}
      {frame ? (
        <AnnotationCanvas
          key={frame.frameId}
          src={frame.url}
          frameId={frame.frameId}
          title={frame.heading.by ? t('frozenBy', { name: frame.heading.by }) : `${frame.kind === 'frozen' ? t('freeze') : t('snapshotTitle')} · ${frame.heading.of}`}
          shared={frame.kind === 'frozen' ? { socket, roomId } : undefined}
          blob={frame.blob}
          onSave={async (blob, strokes) => {
            await onSave(blob, strokes)
            if (frame.kind === 'snapshot') setFrame(null)
          }}
          onClose={close}
          closeLabel={frame.kind === 'frozen' ? t('unfreeze') : t('close')}
        />
      ) : null}
    </div>
  )
}
