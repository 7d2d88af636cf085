import { onSocketEvent, type AppSocket } from '~/utils/socket-events.server'
import {
  ANNOTATION_EVENTS,
  frameEventSchema,
  freezeSchema,
  snapshotAskSchema,
  snapshotTakenSchema,
  strokeEventSchema,
  undoSchema,
  type FrameMessage,
  type FreezeMessage,
  type SnapshotAsk,
  type SnapshotTaken,
  type StrokeMessage,
  type UndoMessage,
} from './annotation'
import { liveRoom, participantRoom } from './rooms'

/**
 * Shared annotation inside a call: a frozen frame (its image is uploaded over HTTP, only its
 * attachment id travels here), marks on it, undo, clear and unfreeze. Only a participant of the
 * call may send; the others of the same call receive, the sender does not.
 */
export function onLiveAnnotation(socket: AppSocket) {
  /** To the others of the call, or to one of them (`to`). */
  const relay = <T>(roomId: string, event: string, message: (participantId: string) => T, to?: string) => {
    const live = socket.data.live
    if (!live || live.roomId !== roomId) return { ok: false as const, error: 'not in this call' }
    socket.to(to ? participantRoom(roomId, to) : liveRoom(roomId)).emit(event, message(live.participantId))
    return { ok: true as const }
  }

  // A still from someone's own camera: asked of, and answered to, one participant of the call.
  onSocketEvent(socket, ANNOTATION_EVENTS.snapshotAsk, snapshotAskSchema, async ({ roomId, to, askId }) =>
    relay(roomId, ANNOTATION_EVENTS.snapshotAsk, (from): SnapshotAsk => ({ askId, from, fromName: socket.data.user.name }), to),
  )
  onSocketEvent(socket, ANNOTATION_EVENTS.snapshotTaken, snapshotTakenSchema, async ({ roomId, to, askId, attachmentId }) =>
    relay(roomId, ANNOTATION_EVENTS.snapshotTaken, (from): SnapshotTaken => ({ askId, from, attachmentId }), to),
  )

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
