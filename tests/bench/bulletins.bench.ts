/**
 * npm run bench:bulletins — issue 9's two figures, each next to a baseline in the same run:
 * - fan-out: one bulletin's notification to BENCH_SOCKETS (default 2,000) connected users, from
 *   `notifyUsers` (rows written, muted kinds checked, one emit to their rooms) until every socket
 *   has it; next to a plain `io.emit` broadcast to the same sockets. Medians of BENCH_RUNS (5).
 * - read receipts: the dashboard query for a bulletin addressed to BENCH_STATIONS (1,000) x
 *   BENCH_USERS_PER_STATION (20) people, 60 % read and 40 % acknowledged; p50/p95 of 30 runs, next
 *   to a plain count of the users table.
 * Runs on an embedded PostgreSQL in a fresh data directory; prints the figures and writes
 * tests/bench/results/bulletins.json.
 */
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { performance } from 'node:perf_hooks'
import { io as connect, type Socket } from 'socket.io-client'
import { saveBulletin } from '../../app/modules/bulletins/bulletin.server'
import { bulletinReceipts } from '../../app/modules/bulletins/receipts.server'
import { bulletinInputSchema } from '../../app/modules/bulletins/schema'
import { notifyUsers } from '../../app/modules/notifications/notification.server'
import { attachRealtime } from '../../app/realtime/server.server'
import { startServices } from '../../app/runtime/services.server'
import { disconnectDb, getDb } from '../../app/utils/db.server'
import { createUser } from '../../app/utils/user.server'
import { sessionCookieFor } from '../factories'
import { freshDataDir, ms, percentile, writeResults } from './bench-utils'

const socketCount = Number(process.env.BENCH_SOCKETS ?? 2000)
const runs = Number(process.env.BENCH_RUNS ?? 5)
const stations = Number(process.env.BENCH_STATIONS ?? 1000)
const usersPerStation = Number(process.env.BENCH_USERS_PER_STATION ?? 20)
const median = (values: number[]) => percentile(values, 50)

freshDataDir('bulletins')
process.env.SESSION_SECRET ??= 'bench-session-secret-of-enough-length'
const services = await startServices(() => {})
const db = getDb()

console.log(`Creating ${stations} stations x ${usersPerStation} people…`)
await db.$executeRaw`
  INSERT INTO "Station" (id, code, name, region)
  SELECT 'bench-st-' || n, 'B' || lpad(n::text, 5, '0'), 'Bench station ' || n, 'Region ' || (n % 10) FROM generate_series(1, ${stations}) AS n`
await db.$executeRaw`
  INSERT INTO "User" (id, email, name, "passwordHash", role, "stationId")
  SELECT 'bench-u-' || s || '-' || u, 'bench-' || s || '-' || u || '@bench.test', 'Tech ' || s || '-' || u, 'x', 'TECHNICIAN', 'bench-st-' || s
  FROM generate_series(1, ${stations}) AS s, generate_series(1, ${usersPerStation}) AS u`
const trainer = await createUser({ email: 'trainer@bench.test', name: 'Trainer', password: 'bench-password', role: 'TRAINER' })

const results: Record<string, unknown> = {}
// Receipts: a bulletin for everyone, read by 60 % and acknowledged by 40 %.
const saved = await saveBulletin({ user: trainer, input: bulletinInputSchema.parse({ title: 'Bench bulletin', type: 'tsb', body: 'Bench.', requiresAck: true, publish: false }) })
if (!saved.ok) throw new Error('bench bulletin refused')
await db.bulletin.update({ where: { id: saved.id }, data: { publishedAt: new Date(), notifiedAt: new Date() } })
await db.$executeRaw`
  INSERT INTO "BulletinRead" ("bulletinId", "userId", "readAt", "acknowledgedAt")
  SELECT ${saved.id}, id, now(), CASE WHEN random() < 0.67 THEN now() END FROM "User" WHERE id LIKE 'bench-u-%' AND random() < 0.6`
const timeIt = async (run: () => Promise<unknown>) => {
  const started = performance.now()
  await run()
  return performance.now() - started
}
const receiptTimes: number[] = []
const countTimes: number[] = []
for (let round = 0; round < 33; round++) {
  const receipt = await timeIt(() => bulletinReceipts(saved.id))
  const count = await timeIt(() => db.user.count())
  if (round >= 3) {
    receiptTimes.push(receipt)
    countTimes.push(count)
  }
}
const totals = (await bulletinReceipts(saved.id)).totals
results.receipts = { people: stations * usersPerStation, totals, p50: median(receiptTimes), p95: percentile(receiptTimes, 95), countP95: percentile(countTimes, 95) }
console.log(`read receipts (${totals.addressed} addressed, ${totals.read} read, ${totals.acknowledged} acknowledged): p50 ${ms(median(receiptTimes))}, p95 ${ms(percentile(receiptTimes, 95))} (target < 100 ms); a plain user count p95 ${ms(percentile(countTimes, 95))}`)

// Fan-out: sockets of the first users, each signed in with its own session.
const httpServer = createServer()
const realtime = await attachRealtime(httpServer, { log: () => {} })
await new Promise<void>((resolve) => httpServer.listen(0, '127.0.0.1', resolve))
const url = `http://127.0.0.1:${(httpServer.address() as AddressInfo).port}`
const users = await db.user.findMany({ where: { id: { startsWith: 'bench-u-' } }, select: { id: true }, take: socketCount })
console.log(`Connecting ${users.length} sockets…`)
const sockets: Socket[] = []
for (let start = 0; start < users.length; start += 100) {
  const batch = await Promise.all(
    users.slice(start, start + 100).map(async (user) => {
      const socket = connect(url, { transports: ['websocket'], reconnection: false, extraHeaders: { Cookie: await sessionCookieFor(user.id) } })
      await new Promise<void>((resolve, reject) => {
        socket.once('connect', () => resolve())
        socket.once('connect_error', reject)
      })
      return socket
    }),
  )
  sockets.push(...batch)
}

/** Time from `send()` until every socket has had `event` once. */
const untilAllHave = (event: string, send: () => unknown) =>
  new Promise<number>((resolve) => {
    let pending = sockets.length
    const started = performance.now()
    for (const socket of sockets) {
      socket.once(event, () => {
        pending -= 1
        if (pending === 0) resolve(performance.now() - started)
      })
    }
    void send()
  })
const appTimes: number[] = []
const rawTimes: number[] = []
const ids = users.map((user) => user.id)
for (let round = 0; round <= runs; round++) {
  const app = await untilAllHave('notification:new', () => notifyUsers(ids, { kind: 'bulletin', title: `Bench ${round}`, link: '/bulletins/bench' }))
  const raw = await untilAllHave('bench:raw', () => (realtime.io as unknown as { emit: (event: string, payload: unknown) => boolean }).emit('bench:raw', { title: `Bench ${round}` }))
  if (round > 0) {
    appTimes.push(app)
    rawTimes.push(raw)
  }
}
results.fanOut = { sockets: sockets.length, appMedian: median(appTimes), rawMedian: median(rawTimes), ratio: median(appTimes) / median(rawTimes) }
console.log(
  `fan-out to ${sockets.length} sockets: notifyUsers ${ms(median(appTimes))} (median of ${runs}) vs plain io.emit ${ms(median(rawTimes))}: x${(median(appTimes) / median(rawTimes)).toFixed(2)} (target < 2 s and <= x1.5)`,
)
writeResults('bulletins', results)

for (const socket of sockets) socket.disconnect()
await realtime.close()
httpServer.close()
await disconnectDb()
await services.stop()
process.exit(0)
