import type { Socket } from 'socket.io'
import type { z } from 'zod'
import type { SessionUser } from './session-user'

/** What a socket carries after the handshake: its user, and whatever modules keep per connection. */
export type SocketData = { user: SessionUser; live?: { roomId: string; participantId: string; muted: boolean; videoOff: boolean } }
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AppSocket = Socket<any, any, any, SocketData>

export type EventReply = { ok: true; [key: string]: unknown } | { ok: false; error: string }

/**
 * Registers a socket event whose payload is validated with zod and whose answer goes to the
 * acknowledgement callback, if the client gave one. A malformed payload or a failing handler
 * gets an error reply; neither ever throws into socket.io.
 */
export function onSocketEvent<T>(
  socket: AppSocket,
  event: string,
  schema: z.ZodType<T, z.ZodTypeDef, unknown>,
  run: (payload: T) => Promise<EventReply>,
  ready: Promise<unknown> = Promise.resolve(),
) {
  socket.on(event, async (payload: unknown, ack?: unknown) => {
    const reply = typeof ack === 'function' ? (ack as (answer: EventReply) => void) : () => {}
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
