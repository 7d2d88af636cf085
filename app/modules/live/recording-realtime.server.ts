import { onSocketEvent, type AppSocket } from '~/utils/socket-events.server'
import { peopleIn } from './participants.server'
import { answerRecording, requestRecording, settleRecording, stopRecording, type RecordingState } from './recording.server'
import { LIVE_EVENTS, liveRoom } from './rooms'
import { recordingAnswerSchema, recordingRoomSchema, recordingStopSchema } from './schema'

export type RecordingAnnouncement = { roomId: string; recording: RecordingState | null }

function announce(socket: AppSocket, roomId: string, recording: RecordingState | null) {
  const announcement: RecordingAnnouncement = { roomId, recording }
  socket.nsp.to(liveRoom(roomId)).emit(LIVE_EVENTS.recording, announcement)
}

/** Someone joined or left: the rule of consent is applied again and everyone is told the result. */
export async function announceRecording(socket: AppSocket, roomId: string) {
  announce(socket, roomId, await settleRecording(roomId, await peopleIn(socket, roomId)))
}

/**
 * Recording consent over the call's socket: an expert asks, every participant answers the notice,
 * the recorder (in the expert's browser) follows the announced state. Only participants of the
 * call may take part; the chunks themselves go over HTTP.
 */
export function onLiveRecording(socket: AppSocket) {
  const user = socket.data.user
  const inCall = (roomId: string) => socket.data.live?.roomId === roomId

  onSocketEvent(socket, LIVE_EVENTS.recordingGet, recordingRoomSchema, async ({ roomId }) => {
    if (!inCall(roomId)) return { ok: false, error: 'not in this call' }
    return { ok: true, recording: await settleRecording(roomId, await peopleIn(socket, roomId)) }
  })

  onSocketEvent(socket, LIVE_EVENTS.recordingStart, recordingRoomSchema, async ({ roomId }) => {
    if (!inCall(roomId)) return { ok: false, error: 'not in this call' }
    const outcome = await requestRecording({ user, roomId, participants: await peopleIn(socket, roomId) })
    if (!outcome.ok) return outcome
    announce(socket, roomId, outcome.state)
    return { ok: true, recording: outcome.state }
  })

  onSocketEvent(socket, LIVE_EVENTS.recordingAnswer, recordingAnswerSchema, async ({ roomId, recordingId, accepted }) => {
    if (!inCall(roomId)) return { ok: false, error: 'not in this call' }
    const outcome = await answerRecording({ user, roomId, recordingId, accepted, participants: await peopleIn(socket, roomId) })
    if (!outcome.ok) return outcome
    announce(socket, roomId, outcome.state)
    return { ok: true }
  })

  onSocketEvent(socket, LIVE_EVENTS.recordingStop, recordingStopSchema, async ({ roomId, recordingId }) => {
    if (!inCall(roomId)) return { ok: false, error: 'not in this call' }
    const outcome = await stopRecording({ user, roomId, recordingId })
    if (!outcome.ok) return outcome
    await announceRecording(socket, roomId)
    return { ok: true }
  })
}
