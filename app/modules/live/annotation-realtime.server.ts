import { onSocketEvent, type AppSocket } from '~/utils/socket-events.server'
import {
  ANNOTATION_EVENTS,
  frameEventSchema,
  freezeSchema,
  strokeEventSchema,
  undoSchema,
  type FrameMessage,
  type FreezeMessage,
  type StrokeMessage,
  type UndoMessage,
} from './annotation'
import { liveRoom } from './rooms'

/**
 * Shared annotation inside a call: a frozen frame (its image is uploaded over HTTP, only its
 * attachment id travels here), marks on it, undo, clear and unfreeze. Only a participant of the
 * call may send; the others of the same call receive, the sender does not.
 */
export function onLiveAnnotation(socket: AppSocket) {
  const relay = <T>(roomId: string, event: string, message: (participantId: string) => T) => {
    const live = socket.data.live
    if (!live || live.roomId !== roomId) return { ok: false as const, error: 'not in this call' }
    socket.to(liveRoom(roomId)).emit(event, message(live.participantId))
    return { ok: true as const }
  }

  onSocketEvent(socket, ANNOTATION_EVENTS.freeze, freezeSchema, async ({ roomId, ...frame }) =>
    relay(roomId, ANNOTATION_EVENTS.freeze, (from): FreezeMessage => ({ ...frame, from, fromName: socket.data.user.name })),
  )
  onSocketEvent(socket, ANNOTATION_EVENTS.stroke, strokeEventSchema, async ({ roomId, frameId, stroke }) =>
    relay(roomId, ANNOTATION_EVENTS.stroke, (from): StrokeMessage => ({ frameId, stroke, from })),
  )
  onSocketEvent(socket, ANNOTATION_EVENTS.undo, undoSchema, async ({ roomId, frameId, strokeId }) =>
    relay(roomId, ANNOTATION_EVENTS.undo, (from): UndoMessage => ({ frameId, strokeId, from })),
  )
  onSocketEvent(socket, ANNOTATION_EVENTS.clear, frameEventSchema, async ({ roomId, frameId }) =>
    relay(roomId, ANNOTATION_EVENTS.clear, (from): FrameMessage => ({ frameId, from })),
  )
  onSocketEvent(socket, ANNOTATION_EVENTS.unfreeze, frameEventSchema, async ({ roomId, frameId }) =>
    relay(roomId, ANNOTATION_EVENTS.unfreeze, (from): FrameMessage => ({ frameId, from })),
  )
}
