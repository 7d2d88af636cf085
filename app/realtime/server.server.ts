import type { Server as HttpServer } from 'node:http'
import { RedisAdapter } from '@socket.io/redis-adapter'
import { createClient } from 'redis'
import { Server } from 'socket.io'
import { onAssistanceConnection } from '~/modules/assistance/realtime.server'
import { onInspectionConnection } from '~/modules/inspections/realtime.server'
import { onLiveAnnotation } from '~/modules/live/annotation-realtime.server'
import { onLiveConnection } from '~/modules/live/realtime.server'
import { onLiveRecording } from '~/modules/live/recording-realtime.server'
import { registerLiveRoomKinds } from './live-room-kinds.server'
import { getUserBySessionId } from '~/utils/user.server'
import type { SocketData } from '~/utils/socket-events.server'
import { setRealtimeEmitter, userRoom } from '~/utils/realtime.server'
import { readSessionId } from '~/utils/session.server'

export type RealtimeServer = Server<Record<string, never>, Record<string, never>, Record<string, never>, SocketData>
/** `close()` disconnects the sockets, then lets go of Redis: call it before the page server drains. */
export type Realtime = { io: RealtimeServer; close: () => Promise<void> }
export type RealtimeOptions = {
  /** Every node given the same Redis and channel prefix shares its rooms with the others. */
  redis?: { url: string; channelPrefix: string }
  log?: (line: string) => void
}

/**
 * socket.io on the page server's http.Server. The handshake is authenticated with the page
 * session cookie; each user joins a private room for notifications; each module registers its
 * own handlers, which validate and authorise every event. With Redis, rooms, emits, joins and
 * `fetchSockets` span every node; Redis is connected before the first socket can arrive.
 */
export async function attachRealtime(httpServer: HttpServer, { redis, log = console.log }: RealtimeOptions = {}): Promise<Realtime> {
  const link = redis ? await connectRedis(redis, log) : undefined
  const io: RealtimeServer = new Server(httpServer, {
    serveClient: false,
    maxHttpBufferSize: 64 * 1024,
    ...(link ? { adapter: link.adapter } : {}),
  })
  io.use(async (socket, next) => {
    try {
      const sessionId = await readSessionId(socket.request.headers.cookie)
      const user = sessionId ? await getUserBySessionId(sessionId) : null
      if (!user) return next(new Error('unauthorized'))
      socket.data.user = user
      next()
    } catch (error) {
      next(error as Error)
    }
  })
  // The call is reusable: each module that owns calls says who may join its kind.
  registerLiveRoomKinds()
  io.on('connection', (socket) => {
    void socket.join(userRoom(socket.data.user.id))
    onAssistanceConnection(socket).catch(() => socket.disconnect(true))
    onInspectionConnection(socket)
    onLiveConnection(socket)
    onLiveAnnotation(socket)
    onLiveRecording(socket)
  })
  setRealtimeEmitter(io as unknown as Parameters<typeof setRealtimeEmitter>[0])
  return {
    io,
    close: async () => {
      await io.close()
      await link?.close()
    },
  }
}

type RedisClient = ReturnType<typeof createClient>

/**
 * Two connections (a subscribed one cannot publish). At start an unreachable Redis stops the
 * server with a clear message; once running, an outage is logged once, the clients reconnect on
 * their own, and meanwhile this node keeps serving with rooms that reach its own sockets only.
 */
async function connectRedis({ url, channelPrefix }: { url: string; channelPrefix: string }, log: (line: string) => void) {
  const { hostname, port } = new URL(url)
  const where = `${hostname}:${port || 6379}`
  let started = false
  let outage: string | null = null
  const fail = (error: unknown) => {
    if (!started || outage) return
    outage = messageOf(error)
    log(`socket.io: Redis on ${where} failed (${outage}); rooms reach this node's sockets only until it is back`)
  }

  const publisher = createClient({
    url,
    // Refuse at once while disconnected: a late emit is worth less than a page that waits for Redis.
    disableOfflineQueue: true,
    socket: { reconnectStrategy: (retries, cause) => (started ? Math.min(250 * (retries + 1), 5000) : retries < 5 ? 200 * (retries + 1) : cause) },
  })
  // The subscriber keeps its queue: a subscription asked for during an outage is made on reconnect.
  const subscriber = publisher.duplicate({ disableOfflineQueue: false })
  const clients = [publisher, subscriber]
  for (const client of clients) {
    client.on('error', fail)
    client.on('ready', () => {
      if (!outage || !clients.every((each) => each.isReady)) return
      outage = null
      log(`socket.io: Redis on ${where} is back`)
    })
  }
  // The adapter calls these without awaiting them: a refusal during an outage would otherwise be
  // an unhandled rejection, which ends the process.
  settleQuietly(publisher, ['publish'], fail)
  settleQuietly(subscriber, ['subscribe', 'pSubscribe', 'unsubscribe', 'pUnsubscribe'], fail)

  try {
    await Promise.all(clients.map((client) => client.connect()))
  } catch (error) {
    await disconnect(clients)
    throw new Error(`Redis at ${where} (REDIS_URL) is unreachable: ${messageOf(error)}`)
  }
  started = true
  log(`socket.io: Redis adapter on ${where}`)

  class RoomsAcrossNodes extends RedisAdapter {
    constructor(namespace: unknown) {
      super(namespace, publisher, subscriber, { key: channelPrefix, publishOnSpecificResponseChannel: true })
    }

    // Who is online (usersInRoom) falls back to this node's sockets rather than failing the page,
    // whether Redis is away or another node did not answer in time.
    override async fetchSockets(options: Parameters<RedisAdapter['fetchSockets']>[0]) {
      try {
        return await super.fetchSockets(options)
      } catch (error) {
        if (!outage) log(`socket.io: asking the other nodes for their sockets failed (${messageOf(error)}); answered with this node's`)
        return super.fetchSockets({ ...options, flags: { ...options.flags, local: true } })
      }
    }
  }
  return {
    adapter: RoomsAcrossNodes,
    close: () => disconnect(clients),
  }
}

function settleQuietly(client: RedisClient, methods: string[], onError: (error: unknown) => void) {
  const target = client as unknown as Record<string, (...args: unknown[]) => Promise<unknown>>
  for (const method of methods) {
    const original = target[method].bind(client)
    target[method] = (...args) => original(...args).catch(onError)
  }
}

async function disconnect(clients: RedisClient[]) {
  await Promise.allSettled(clients.map(async (client) => (client.isReady ? client.quit() : client.disconnect())))
}

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error))
