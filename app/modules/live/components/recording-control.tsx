import { useEffect, useRef, useState } from 'react'
import { useRevalidator } from '@remix-run/react'
import { useMessages } from '~/i18n/use-t'
import { CallRecorder, canRecordCalls } from '../call-recorder'
import { liveMessages } from '../messages'
import { LIVE_EVENTS } from '../rooms'
import type { CallTools } from './live-call'

type Person = { id: string; name: string }
type RecordingState = { id: string; roomId: string; status: string; startedBy: Person; pending: Person[]; declinedBy: Person[] }
type Reply = { ok: true; recording?: RecordingState | null } | { ok: false; error: string }

const names = (people: Person[]) => people.map((person) => person.name).join('、')

/**
 * Recording in the call. Someone allowed to record asks; every participant sees the notice and
 * accepts or declines; the recorder (in the asker's browser) runs only while the server says
 * everyone in the call has accepted, pauses when someone new arrives, and stops on a refusal.
 */
export function RecordingControl({ call, selfUserId, canRecord }: { call: CallTools; selfUserId: string; canRecord: boolean }) {
  const t = useMessages(liveMessages)
  const { roomId, socket, container } = call
  const [recording, setRecording] = useState<RecordingState | null>(null)
  const [error, setError] = useState<string | null>(null)
  const recorder = useRef<CallRecorder | null>(null)
  const [recorderState, setRecorderState] = useState<'idle' | 'running' | 'paused'>('idle')
  const revalidator = useRevalidator()
  const acceptButton = useRef<HTMLButtonElement>(null)

  useEffect(() => {
    const onState = (announcement: { roomId: string; recording: RecordingState | null }) => {
      if (announcement.roomId === roomId) setRecording(announcement.recording)
    }
    socket.on(LIVE_EVENTS.recording, onState)
    // A state announced before we listened (we just joined) is asked for once.
    socket.emit(LIVE_EVENTS.recordingGet, { roomId }, (reply: Reply) => {
      if (reply.ok && reply.recording !== undefined) setRecording(reply.recording)
    })
    return () => void socket.off(LIVE_EVENTS.recording, onState)
  }, [socket, roomId])

  // The recorder follows the announced state; only the one who asked records.
  const mine = recording?.startedBy.id === selfUserId ? recording : null
  const recordingId = mine?.id
  const status = mine?.status
  useEffect(() => {
    if (status === 'RECORDING' && recordingId && container) {
      if (!recorder.current) {
        recorder.current = new CallRecorder(recordingId, container)
        try {
          recorder.current.start()
        } catch (cause) {
          setError(t('recording.failed', { reason: cause instanceof Error ? cause.message : String(cause) }))
        }
      } else recorder.current.resume()
      setRecorderState('running')
    } else if (status === 'AWAITING_CONSENT' && recorder.current) {
      recorder.current.pause()
      setRecorderState('paused')
    } else if (recorder.current) {
      const finished = recorder.current
      recorder.current = null
      setRecorderState('idle')
      void finished.finish().then(() => revalidator.revalidate())
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps -- t and revalidator change identity on every render
  }, [status, recordingId, container])
  // Leaving the call (or the page) ends what we were recording; what was sent is kept.
  useEffect(() => () => void recorder.current?.finish(), [])

  const mustAnswer = recording?.status === 'AWAITING_CONSENT' && recording.pending.some((person) => person.id === selfUserId)
  useEffect(() => {
    if (mustAnswer) acceptButton.current?.focus()
  }, [mustAnswer])

  const ask = (event: string, payload: Record<string, unknown>) =>
    socket.emit(event, { roomId, ...payload }, (reply: Reply) => setError(reply.ok ? null : t('recording.failed', { reason: reply.error })))
  const active = recording?.status === 'RECORDING' || recording?.status === 'AWAITING_CONSENT'
  const others = recording?.pending.filter((person) => person.id !== selfUserId) ?? []

  return (
    <div className="recording" data-recording-status={recording?.status.toLowerCase() ?? 'none'} data-recorder={recorderState}>
      <div className="button-row">
        {canRecord && !active ? (
          <button type="button" className="button button--ghost" onClick={() => ask(LIVE_EVENTS.recordingStart, {})} disabled={!canRecordCalls()} title={canRecordCalls() ? undefined : t('recording.unsupported')}>
            {t('recording.start')}
          </button>
        ) : null}
        {mine && active ? (
          <button type="button" className="button button--danger" onClick={() => ask(LIVE_EVENTS.recordingStop, { recordingId: mine.id })}>
            {t('recording.stop')}
          </button>
        ) : null}
      </div>
      <p className="small" role="status">
        {recording?.status === 'RECORDING' ? <span className="recording__live">{t('recording.live')}</span> : null}
        {recording?.status === 'AWAITING_CONSENT' && others.length > 0
          ? t(recorderState === 'paused' ? 'recording.paused' : 'recording.awaiting', { names: names(others) })
          : null}
        {recording?.status === 'DECLINED' && recording.declinedBy.length > 0 ? t('recording.declined', { names: names(recording.declinedBy) }) : null}
      </p>
      {error ? <p className="notice notice--error" role="alert">{error}</p> : null}
      {mustAnswer && recording ? (
        <div className="recording-notice" role="alertdialog" aria-labelledby="recording-notice-title" aria-describedby="recording-notice-text">
          <h3 id="recording-notice-title">{t('recording.noticeTitle')}</h3>
          <p id="recording-notice-text">{t('recording.notice', { name: recording.startedBy.name })}</p>
          <div className="button-row">
            <button ref={acceptButton} type="button" className="button" onClick={() => ask(LIVE_EVENTS.recordingAnswer, { recordingId: recording.id, accepted: true })}>
              {t('recording.accept')}
            </button>
            <button type="button" className="button button--ghost" onClick={() => ask(LIVE_EVENTS.recordingAnswer, { recordingId: recording.id, accepted: false })}>
              {t('recording.decline')}
            </button>
          </div>
        </div>
      ) : null}
    </div>
  )
}
