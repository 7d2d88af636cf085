import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { io as connect, type Socket } from 'socket.io-client'
import { attachRealtime } from '../../app/realtime/server.server'
import type { SessionUser } from '../../app/utils/session-user'
import { sessionCookieFor } from '../factories'

export type Reply = { ok: boolean; error?: string; [key: string]: unknown }

/** The portal's socket.io server on a loopback port of its own, on the test file's database. */
export async function startRealtimeServer() {
  const httpServer = createServer()
  const realtime = await attachRealtime(httpServer, { log: () => {} })
  await new Promise<void>((resolve) => httpServer.listen(0, '127.0.0.1', resolve))
  const url = `http://127.0.0.1:${(httpServer.address() as AddressInfo).port}`
  const sockets: Socket[] = []

  /** A real socket.io client signed in as `user` (its session cookie), connected. */
  async function socketFor(user: SessionUser) {
    const socket = connect(url, { transports: ['websocket'], reconnection: false, extraHeaders: { Cookie: await sessionCookieFor(user.id) } })
    sockets.push(socket)
    await new Promise<void>((resolve, reject) => {
      socket.once('connect', () => resolve())
      socket.once('connect_error', reject)
    })
    return socket
  }

  return {
    io: realtime.io,
    socketFor,
    stop: async () => {
      for (const socket of sockets) socket.disconnect()
      await realtime.close()
    },
  }
}

export const ask = (socket: Socket, event: string, payload: unknown) => socket.timeout(5000).emitWithAck(event, payload) as Promise<Reply>

/** The next `event` on `socket`, or an error after 5 s. */
export function nextEvent<T>(socket: Socket, event: string) {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no ${event} within 5 s`)), 5000)
    socket.once(event, (payload: T) => {
      clearTimeout(timer)
      resolve(payload)
    })
  })
}
