import { onSocketEvent, type AppSocket } from '~/utils/socket-events.server'
import { mayJoinLiveRoom } from './access.server'
import { getIceConfig } from './ice.server'
import { asParticipant, participantsOf } from './participants.server'
import { announceRecording } from './recording-realtime.server'
import { LIVE_EVENTS, MAX_PARTICIPANTS, liveRoom, participantRoom, type SignalMessage } from './rooms'
import { joinSchema, leaveSchema, signalSchema, stateSchema } from './schema'

async function leaveCall(socket: AppSocket) {
  const live = socket.data.live
  if (!live) return
  socket.data.live = undefined
  await socket.leave(liveRoom(live.roomId))
  await socket.leave(participantRoom(live.roomId, live.participantId))
  // Another socket of the same tab (after a reconnection) still holds the place: nobody left.
  const remaining = await socket.nsp.in(participantRoom(live.roomId, live.participantId)).fetchSockets()
  if (remaining.length === 0) socket.to(liveRoom(live.roomId)).emit(LIVE_EVENTS.peerLeft, { participantId: live.participantId })
  // A lost database must not take the server down with a disconnecting socket.
  await announceRecording(socket, live.roomId).catch((error: unknown) => console.error(`live: recording state of ${live.roomId} after a leave`, error))
}

/**
 * A call: join (authorised by the owning module, at most four people), relay WebRTC signals
 * between its participants only, share mute/camera state, leave. Media never touches the server.
 */
export function onLiveConnection(socket: AppSocket) {
  const user = socket.data.user

  onSocketEvent(socket, LIVE_EVENTS.join, joinSchema, async ({ roomId, participantId, muted, videoOff }) => {
    if (!(await mayJoinLiveRoom(user, roomId))) return { ok: false, error: 'forbidden' }
    if (socket.data.live) await leaveCall(socket)
    const others = (await participantsOf(socket, roomId)).filter((participant) => participant.participantId !== participantId)
    if (others.length >= MAX_PARTICIPANTS) return { ok: false, error: 'full' }
    // The same tab joining again (reload, new socket after a drop): its old socket gives up the place.
    socket.nsp.in(participantRoom(roomId, participantId)).socketsLeave([liveRoom(roomId), participantRoom(roomId, participantId)])
    socket.data.live = { roomId, participantId, muted, videoOff }
    await socket.join([liveRoom(roomId), participantRoom(roomId, participantId)])
    const self = asParticipant(socket)!
    socket.to(liveRoom(roomId)).emit(LIVE_EVENTS.peerJoined, self)
    // Someone new is in the call: a running recording pauses until they accept it.
    await announceRecording(socket, roomId).catch((error: unknown) => console.error(`live: recording state of ${roomId} after a join`, error))
    return { ok: true, self, peers: others, ice: getIceConfig({ userId: user.id }) }
  })

  onSocketEvent(socket, LIVE_EVENTS.signal, signalSchema, async ({ roomId, to, connectionId, data }) => {
    const live = socket.data.live
    if (!live || live.roomId !== roomId) return { ok: false, error: 'not in this call' }
    const message: SignalMessage = { from: live.participantId, connectionId, data }
    socket.to(participantRoom(roomId, to)).emit(LIVE_EVENTS.signal, message)
    return { ok: true }
  })

  onSocketEvent(socket, LIVE_EVENTS.state, stateSchema, async ({ roomId, muted, videoOff }) => {
    const live = socket.data.live
    if (!live || live.roomId !== roomId) return { ok: false, error: 'not in this call' }
    socket.data.live = { ...live, muted, videoOff }
    socket.to(liveRoom(roomId)).emit(LIVE_EVENTS.peerState, asParticipant(socket))
    return { ok: true }
  })

  onSocketEvent(socket, LIVE_EVENTS.leave, leaveSchema, async ({ roomId }) => {
    if (socket.data.live?.roomId !== roomId) return { ok: false, error: 'not in this call' }
    await leaveCall(socket)
    return { ok: true }
  })

  socket.on('disconnect', () => void leaveCall(socket))
}
