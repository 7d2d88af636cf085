import type { Socket } from 'socket.io'
import { z } from 'zod'
import { getDb } from '~/utils/db.server'
import { publish } from '~/utils/realtime.server'
import type { SessionUser } from '~/utils/session-user'
import { SYSTEM_CODES } from '~/utils/vehicle-schema'
import { REQUESTER_ROLES, requestVisibilityWhere } from './assistance.server'
import { expertRooms, getExpertProfile, isExpert } from './experts.server'
import { ASSISTANCE_EVENTS, PRESENCE_WATCHERS_ROOM, queueRoom, requestRoom, stationRoom } from './rooms'

type AssistanceSocket = Socket<Record<string, never>, Record<string, never>, Record<string, never>, { user: SessionUser }>
type Ack = (reply: { ok: true } | { ok: false; error: string }) => void

const watchRequestSchema = z.object({ requestId: z.string().min(1).max(40) })

/** Registers an event whose payload is validated and whose reply goes to the ack, if any; a bad event never throws. */
function handle<T>(
  socket: AssistanceSocket,
  ready: Promise<unknown>,
  event: string,
  schema: z.ZodType<T>,
  run: (payload: T) => Promise<{ ok: true } | { ok: false; error: string }>,
) {
  ;(socket as unknown as Socket).on(event, async (payload: unknown, ack?: unknown) => {
    const reply = typeof ack === 'function' ? (ack as Ack) : () => {}
    const parsed = schema.safeParse(payload)
    if (!parsed.success) return reply({ ok: false, error: 'invalid payload' })
    try {
      await ready
      reply(await run(parsed.data))
    } catch {
      reply({ ok: false, error: 'server error' })
    }
  })
}

/**
 * Per connection: experts join their queues; pages subscribe to the requests and lists they
 * show. Handlers are registered at once (no event is lost) and answer after the expert's rooms
 * are joined, so an acknowledged subscription means the socket is fully set up.
 */
export function onAssistanceConnection(socket: AssistanceSocket) {
  const user = socket.data.user
  const ready = joinExpertQueues(socket)

  handle(socket, ready, 'assistance:watch', watchRequestSchema, async ({ requestId }) => {
    const request = await getDb().assistanceRequest.findFirst({ where: { id: requestId, ...requestVisibilityWhere(user) }, select: { systemCode: true } })
    if (!request) return { ok: false, error: 'not found' }
    await socket.join([requestRoom(requestId), queueRoom(request.systemCode)])
    return { ok: true }
  })

  handle(socket, ready, 'assistance:watch-list', z.object({}).strict(), async () => {
    if ((REQUESTER_ROLES as readonly string[]).includes(user.role) && user.stationId) await socket.join(stationRoom(user.stationId))
    else if (user.role === 'ENGINEER' || user.role === 'ADMIN') await socket.join([...SYSTEM_CODES.map(queueRoom), PRESENCE_WATCHERS_ROOM])
    else return { ok: false, error: 'forbidden' }
    return { ok: true }
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
