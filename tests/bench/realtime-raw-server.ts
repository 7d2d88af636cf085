/**
 * The baselines of `npm run bench:realtime`: a plain socket.io 4 server in a process of its own
 * (so its memory can be read like the app's), no authentication. A client joins a room; a chat
 * message is broadcast to the room, sender included, as the app does with its rooms.
 * - `chat`: broadcast at once (no database);
 * - `chat-stored` (with BENCH_STORE_URL): one INSERT into a table of its own on that PostgreSQL,
 *   with the app's asynchronous commit, then the broadcast: the floor of any chat that persists a
 *   message before broadcasting it.
 * Prints `raw socket.io listening on <port>`; stops on SIGTERM.
 */
import crypto from 'node:crypto'
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import pg from 'pg'
import { Server } from 'socket.io'

const storeUrl = process.env.BENCH_STORE_URL
const store = storeUrl ? new pg.Pool({ connectionString: storeUrl, options: '-c synchronous_commit=off', max: 4 }) : undefined
await store?.query('CREATE TABLE IF NOT EXISTS bench_raw_chat (id text PRIMARY KEY, room text NOT NULL, body text NOT NULL, at timestamptz NOT NULL)')

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
  socket.on('chat-stored', async ({ room, body }: { room: string; body: string }) => {
    const { rows } = await store!.query({
      name: 'insert',
      text: 'INSERT INTO bench_raw_chat (id, room, body, at) VALUES ($1, $2, $3, now()) RETURNING id, at',
      values: [crypto.randomUUID(), room, body],
    })
    io.to(room).emit('chat-stored', { room, message: { ...rows[0], body } })
  })
})

httpServer.listen(0, '127.0.0.1', () => {
  console.log(`raw socket.io listening on ${(httpServer.address() as AddressInfo).port}`)
})

const stop = () => {
  io.close()
  void store?.end()
  httpServer.close(() => process.exit(0))
  setTimeout(() => process.exit(0), 2000).unref()
}
process.on('SIGTERM', stop)
process.on('SIGINT', stop)
