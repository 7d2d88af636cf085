import type { Server as HttpServer } from 'node:http'
import { Server } from 'socket.io'
import { onAssistanceConnection } from '~/modules/assistance/realtime.server'
import { getUserBySessionId } from '~/utils/user.server'
import type { SessionUser } from '~/utils/session-user'
import { setRealtimeEmitter, userRoom } from '~/utils/realtime.server'
import { readSessionId } from '~/utils/session.server'

export type SocketData = { user: SessionUser }

/**
 * socket.io on the page server's http.Server. The handshake is authenticated with the page
 * session cookie; each user joins a private room for notifications; each module registers its
 * own handlers, which validate and authorise every event.
 */
export function attachRealtime(httpServer: HttpServer) {
  const io = new Server<Record<string, never>, Record<string, never>, Record<string, never>, SocketData>(httpServer, {
    serveClient: false,
    maxHttpBufferSize: 64 * 1024,
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
  io.on('connection', (socket) => {
    void socket.join(userRoom(socket.data.user.id))
    onAssistanceConnection(socket).catch(() => socket.disconnect(true))
  })
  setRealtimeEmitter(io as unknown as Parameters<typeof setRealtimeEmitter>[0])
  return io
}

export type RealtimeServer = ReturnType<typeof attachRealtime>
