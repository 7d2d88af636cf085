/**
 * The baseline of `npm run bench:realtime`: a plain socket.io 4 server in a process of its own (so
 * its memory can be read like the app's), no authentication, no database. A client joins a room;
 * a chat message is broadcast to the room, sender included, as the app does with its rooms.
 * Prints `raw socket.io listening on <port>`; stops on SIGTERM.
 */
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { Server } from 'socket.io'

const httpServer = createServer()
const io = new Server(httpServer, { serveClient: false, maxHttpBufferSize: 64 * 1024 })

io.on('connection', (socket) => {
  socket.on('watch', ({ room }: { room: string }, ack?: (reply: { ok: boolean }) => void) => {
    void socket.join(room)
    ack?.({ ok: true })
  })
  socket.on('chat', ({ room }: { room: string }) => {
    io.to(room).emit('chat', { room })
  })
})

httpServer.listen(0, '127.0.0.1', () => {
  console.log(`raw socket.io listening on ${(httpServer.address() as AddressInfo).port}`)
})

const stop = () => {
  io.close()
  httpServer.close(() => process.exit(0))
  setTimeout(() => process.exit(0), 2000).unref()
}
process.on('SIGTERM', stop)
process.on('SIGINT', stop)
