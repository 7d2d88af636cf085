import { z } from 'zod'
import { getDb } from '~/utils/db.server'
import { publish } from '~/utils/realtime.server'
import { onSocketEvent, type AppSocket } from '~/utils/socket-events.server'
import { fieldErrors } from '~/utils/validation'
import { SYSTEM_CODES } from '~/utils/vehicle-schema'
import { REQUESTER_ROLES, addMessage, requestVisibilityWhere } from './assistance.server'
import { expertRooms, getExpertProfile, isExpert } from './experts.server'
import { ASSISTANCE_EVENTS, PRESENCE_WATCHERS_ROOM, queueRoom, requestRoom, stationRoom } from './rooms'
import { messageSchema } from './schema'

type AssistanceSocket = AppSocket

const watchRequestSchema = z.object({ requestId: z.string().min(1).max(40) })
// The body's own rules (trimmed, not empty, at most 4000 characters) are the form's: messageSchema.
const sendMessageSchema = z.object({ requestId: z.string().min(1).max(40), body: z.string() }).strict()

/**
 * Per connection: experts join their queues; pages subscribe to the requests and lists they
 * show. Handlers are registered at once (no event is lost) and answer after the expert's rooms
 * are joined, so an acknowledged subscription means the socket is fully set up.
 */
export function onAssistanceConnection(socket: AssistanceSocket) {
  const user = socket.data.user
  const ready = joinExpertQueues(socket)

  onSocketEvent(socket, 'assistance:watch', watchRequestSchema, async ({ requestId }) => {
    const request = await getDb().assistanceRequest.findFirst({ where: { id: requestId, ...requestVisibilityWhere(user) }, select: { systemCode: true } })
    if (!request) return { ok: false, error: 'not found' }
    await socket.join([requestRoom(requestId), queueRoom(request.systemCode)])
    return { ok: true }
  }, ready)

  onSocketEvent(socket, 'assistance:watch-list', z.object({}).strict(), async () => {
    if ((REQUESTER_ROLES as readonly string[]).includes(user.role) && user.stationId) await socket.join(stationRoom(user.stationId))
    else if (user.role === 'ENGINEER' || user.role === 'ADMIN') await socket.join([...SYSTEM_CODES.map(queueRoom), PRESENCE_WATCHERS_ROOM])
    else return { ok: false, error: 'forbidden' }
    return { ok: true }
  }, ready)

  // The chat's fast path: the same checks and the same commit as the page's form, then the
  // committed message to the request's room (addMessage) and in the acknowledgement.
  onSocketEvent(socket, ASSISTANCE_EVENTS.message, sendMessageSchema, async ({ requestId, body }) => {
    const parsed = messageSchema.safeParse({ body })
    if (!parsed.success) return { ok: false, error: Object.entries(fieldErrors(parsed.error)).map(([field, problem]) => `${field}: ${problem}`).join('; ') }
    const message = await addMessage({ user, requestId, body: parsed.data.body })
    return message ? { ok: true, message } : { ok: false, error: 'not found' }
  })
  return ready
}

async function joinExpertQueues(socket: AssistanceSocket) {
  const user = socket.data.user
  if (!isExpert(user)) return
  const profile = await getExpertProfile(user.id)
  await socket.join(expertRooms(profile))
  if (profile.available) {
    publish(PRESENCE_WATCHERS_ROOM, ASSISTANCE_EVENTS.presence, { userId: user.id, available: true })
    socket.on('disconnect', () => publish(PRESENCE_WATCHERS_ROOM, ASSISTANCE_EVENTS.presence, { userId: user.id, available: false }))
  }
}
