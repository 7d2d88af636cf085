import fs from 'node:fs'
import net from 'node:net'
import { createClient } from 'redis'
import { io as connect, type Socket } from 'socket.io-client'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { findFreePort } from '../../app/utils/free-port.server'
import { startServerProcess, stopServerProcess, type ServerProcess } from '../setup/server-process'
import { makeTestDataDir } from '../setup/test-services'

// Two real `server.ts` processes on one data directory (the second reuses the first one's
// embedded PostgreSQL and Meilisearch) and one Redis: what one node does reaches the sockets of
// the other. Node B reaches Redis through a TCP relay in this process, so the test can cut it.
const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379'
// A prefix of its own: parallel runs on the same Redis never see each other's rooms.
const CHANNEL_PREFIX = `gtac-test-${process.pid}-${Date.now()}`
const dataDir = makeTestDataDir('two-nodes')
const WAIT_MS = 10_000

const CHEN = '陈工 Chen (expert)'
let nodeA: ServerProcess
let nodeB: ServerProcess
let urlA: string
let urlB: string
let relay: RedisRelay
const cookies: Record<string, string> = {}
const sockets: Socket[] = []

/** A TCP relay to Redis that can be cut (connections dropped, port closed) and restored on the same port. */
type RedisRelay = { port: number; cut: () => Promise<void>; restore: () => Promise<void>; close: () => Promise<void> }
async function startRedisRelay(): Promise<RedisRelay> {
  const { hostname, port: redisPort } = new URL(REDIS_URL)
  const open = new Set<net.Socket>()
  const server = net.createServer((client) => {
    const upstream = net.connect({ host: hostname, port: Number(redisPort || 6379) })
    for (const socket of [client, upstream]) {
      open.add(socket)
      socket.on('close', () => open.delete(socket))
      socket.on('error', () => {})
    }
    client.pipe(upstream).pipe(client)
    client.on('close', () => upstream.destroy())
    upstream.on('close', () => client.destroy())
  })
  const listen = (port: number) => new Promise<void>((resolve, reject) => server.once('error', reject).listen(port, '127.0.0.1', () => resolve()))
  const stop = () =>
    new Promise<void>((resolve) => {
      server.close(() => resolve())
      for (const socket of open) socket.destroy()
    })
  await listen(0)
  const port = (server.address() as net.AddressInfo).port
  return { port, cut: stop, restore: () => listen(port), close: () => (server.listening ? stop() : Promise.resolve()) }
}

/** Resolves when the node has printed `text` (now or later). */
const printed = (node: ServerProcess, text: string) =>
  new Promise<void>((resolve, reject) => {
    const streams = [node.child.stdout!, node.child.stderr!]
    const check = () => {
      if (!node.output().includes(text)) return
      clearTimeout(timer)
      for (const stream of streams) stream.off('data', check)
      resolve()
    }
    const timer = setTimeout(() => {
      for (const stream of streams) stream.off('data', check)
      reject(new Error(`"${text}" not printed within ${WAIT_MS} ms:\n${node.output()}`))
    }, WAIT_MS)
    // Registered after the server-process collector, so output() already holds each chunk.
    for (const stream of streams) stream.on('data', check)
    check()
  })

async function signIn(base: string, email: string) {
  const response = await fetch(`${base}/login`, {
    method: 'POST',
    body: new URLSearchParams({ email, password: 'gtac-demo' }),
    redirect: 'manual',
  })
  expect(response.status).toBe(302)
  return response.headers.getSetCookie()[0].split(';')[0]
}

const post = (base: string, path: string, email: string, body: URLSearchParams | object) =>
  fetch(`${base}${path}`, {
    method: 'POST',
    headers: { Cookie: cookies[email], ...(body instanceof URLSearchParams ? {} : { 'Content-Type': 'application/json' }) },
    body: body instanceof URLSearchParams ? body : JSON.stringify(body),
    redirect: 'manual',
  })

const goOnline = (base: string, email: string, systems: string[]) =>
  post(base, '/assistance?index', email, new URLSearchParams([['intent', 'availability'], ['available', 'true'], ...systems.map((code) => ['systems', code])]))

async function fileEngineRequest(base: string) {
  const response = await post(base, '/api/assistance', 'tech@gtac.test', { model: 'Xingrui', system: 'engine', year: 2022, symptoms: 'Rough idle when cold' })
  expect(response.status).toBe(201)
  return ((await response.json()) as { id: string }).id
}

/** The names in the "who is online" list of the assistance page, as the node renders it for this user. */
async function onlineExperts(base: string, email: string) {
  const response = await fetch(`${base}/assistance`, { headers: { Cookie: cookies[email] } })
  expect(response.status).toBe(200)
  const list = /<ul class="presence-list">([\s\S]*?)<\/ul>/.exec(await response.text())?.[1] ?? ''
  return [CHEN, '赵工 Zhao (expert)', '孙工 Sun (expert)'].filter((name) => list.includes(name))
}

async function socketOn(base: string, email: string) {
  const socket = connect(base, { transports: ['websocket'], reconnection: false, extraHeaders: { Cookie: cookies[email] } })
  sockets.push(socket)
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', () => resolve())
    socket.once('connect_error', reject)
  })
  return socket
}

const emitWithAck = (socket: Socket, event: string, payload: unknown) => socket.timeout(WAIT_MS).emitWithAck(event, payload) as Promise<{ ok: boolean }>

/** Records an event from now on; `next` resolves with the first payload that matches, seen before or after. */
function record<T>(socket: Socket, event: string) {
  const seen: T[] = []
  const waiting = new Set<{ match: (payload: T) => boolean; found: (payload: T) => void }>()
  socket.on(event, (payload: T) => {
    seen.push(payload)
    for (const waiter of waiting) {
      if (!waiter.match(payload)) continue
      waiting.delete(waiter)
      waiter.found(payload)
    }
  })
  return {
    seen,
    next: (match: (payload: T) => boolean) =>
      new Promise<T>((resolve, reject) => {
        const already = seen.find(match)
        if (already) return resolve(already)
        const timer = setTimeout(() => {
          waiting.delete(waiter)
          reject(new Error(`no matching ${event} within ${WAIT_MS} ms`))
        }, WAIT_MS)
        const waiter = { match, found: (payload: T) => (clearTimeout(timer), resolve(payload)) }
        waiting.add(waiter)
      }),
  }
}

beforeAll(async () => {
  relay = await startRedisRelay()
  const portA = await findFreePort()
  let portB = await findFreePort()
  while (portB === portA || portB === relay.port) portB = await findFreePort()
  const env = { DATA_DIR: dataDir, DEMO_CASE_COUNT: '5', REDIS_CHANNEL_PREFIX: CHANNEL_PREFIX }
  nodeA = await startServerProcess({ env: { ...env, PORT: String(portA), REDIS_URL } })
  nodeB = await startServerProcess({ env: { ...env, PORT: String(portB), REDIS_URL: `redis://127.0.0.1:${relay.port}` } })
  urlA = `http://127.0.0.1:${portA}`
  urlB = `http://127.0.0.1:${portB}`
  // Sessions live in PostgreSQL and the cookie secret in the data directory: either node signs in.
  const emails = ['tech@gtac.test', 'expert@gtac.test', 'expert2@gtac.test', 'expert3@gtac.test']
  for (const [index, email] of emails.entries()) cookies[email] = await signIn(index % 2 ? urlB : urlA, email)
}, 240_000)

afterAll(async () => {
  for (const socket of sockets) socket.disconnect()
  // The first node owns PostgreSQL and Meilisearch: it stops last.
  if (nodeB) await stopServerProcess(nodeB.child, 'SIGTERM')
  if (nodeA) await stopServerProcess(nodeA.child, 'SIGTERM')
  await relay?.close()
  fs.rmSync(dataDir, { recursive: true, force: true })
})

describe('two app nodes sharing PostgreSQL, Meilisearch and Redis', () => {
  test('the second node reuses the first one\'s services; both use the Redis adapter', () => {
    expect(nodeA.output()).toContain('Demo data: 5 repair cases')
    expect(nodeB.output()).toContain('PostgreSQL: reusing the embedded instance')
    expect(nodeB.output()).toContain('Meilisearch: reusing the embedded instance')
    expect(nodeA.output()).toContain(`[gtac] socket.io: Redis adapter on ${new URL(REDIS_URL).host}`)
    expect(nodeB.output()).toContain(`[gtac] socket.io: Redis adapter on 127.0.0.1:${relay.port}`)
  })

  test('going online through node A puts the expert\'s socket on node B in the queue; presence on A shows them; a request filed on A reaches them', async () => {
    const expert = await socketOn(urlB, 'expert@gtac.test')
    expect(await emitWithAck(expert, 'assistance:watch-list', {})).toEqual({ ok: true })
    const alerts = record<{ id: string }>(expert, 'assistance:new')
    expect(await onlineExperts(urlA, 'expert3@gtac.test')).not.toContain(CHEN)

    expect((await goOnline(urlA, 'expert@gtac.test', ['engine'])).status).toBe(200)
    // Node A asks every node for the sockets in the online-experts room (fetchSockets over Redis).
    expect(await onlineExperts(urlA, 'expert3@gtac.test')).toContain(CHEN)
    expect(await onlineExperts(urlB, 'expert3@gtac.test')).toContain(CHEN)

    const id = await fileEngineRequest(urlA)
    expect(await alerts.next((alert) => alert.id === id)).toMatchObject({ id, systemCode: 'engine' })
  })

  test('three experts claim at once through alternating nodes: one wins, two get 409; the requester\'s sockets on both nodes see the claim', async () => {
    const id = await fileEngineRequest(urlA)
    const watchers = await Promise.all([socketOn(urlA, 'tech@gtac.test'), socketOn(urlB, 'tech@gtac.test')])
    const changes = watchers.map((socket) => record<{ id: string; status: string }>(socket, 'assistance:changed'))
    for (const socket of watchers) expect(await emitWithAck(socket, 'assistance:watch', { requestId: id })).toEqual({ ok: true })

    const contenders = [
      { email: 'expert@gtac.test', node: urlB },
      { email: 'expert2@gtac.test', node: urlA },
      { email: 'expert3@gtac.test', node: urlB },
    ]
    const responses = await Promise.all(contenders.map(({ email, node }) => post(node, `/api/assistance/${id}/claim`, email, {})))
    expect(responses.map((response) => response.status).sort()).toEqual([200, 409, 409])
    const winner = (await responses.find((response) => response.status === 200)!.json()) as { status: string; assignee: { name: string } }
    expect(winner.status).toBe('claimed')
    for (const loser of responses.filter((response) => response.status === 409)) {
      expect(await loser.json()).toMatchObject({ assignee: { name: winner.assignee.name } })
    }

    // Whichever node published the claim, one of the two watchers is on the other node.
    for (const change of changes) expect(await change.next((event) => event.id === id)).toMatchObject({ id, status: 'CLAIMED' })
  })

  test('the requester on node A sees a claim made through node B', async () => {
    const id = await fileEngineRequest(urlA)
    const requester = await socketOn(urlA, 'tech@gtac.test')
    const changes = record<{ id: string; status: string }>(requester, 'assistance:changed')
    expect(await emitWithAck(requester, 'assistance:watch', { requestId: id })).toEqual({ ok: true })
    expect((await post(urlB, `/api/assistance/${id}/claim`, 'expert3@gtac.test', {})).status).toBe(200)
    expect(await changes.next((event) => event.id === id)).toMatchObject({ id, status: 'CLAIMED' })
  })

  test('node B survives a Redis outage, serving its own sockets meanwhile, and spans the nodes again once Redis is back', async () => {
    const expert = await socketOn(urlB, 'expert@gtac.test')
    expect(await emitWithAck(expert, 'assistance:watch-list', {})).toEqual({ ok: true })
    const alerts = record<{ id: string }>(expert, 'assistance:new')

    await relay.cut()
    await printed(nodeB, `[gtac] socket.io: Redis on 127.0.0.1:${relay.port} failed`)
    expect((await fetch(`${urlB}/healthz`)).status).toBe(200)
    // Emits, room changes and presence on node B while its Redis is away: local only, no crash.
    const duringOutage = await fileEngineRequest(urlB)
    await alerts.next((alert) => alert.id === duringOutage)
    expect((await goOnline(urlB, 'expert2@gtac.test', ['electrical'])).status).toBe(200)
    expect(await onlineExperts(urlB, 'expert3@gtac.test')).toContain(CHEN)
    expect(nodeB.child.exitCode).toBeNull()

    await relay.restore()
    await printed(nodeB, `[gtac] socket.io: Redis on 127.0.0.1:${relay.port} is back`)
    const afterOutage = await fileEngineRequest(urlA)
    await alerts.next((alert) => alert.id === afterOutage)
    expect(await onlineExperts(urlA, 'expert3@gtac.test')).toContain(CHEN)
  })

  test('both nodes stop on SIGTERM, the second first, and leave no subscription behind in Redis', async () => {
    for (const socket of sockets) socket.disconnect()
    expect(await stopServerProcess(nodeB.child, 'SIGTERM')).toBe(0)
    expect(await stopServerProcess(nodeA.child, 'SIGTERM')).toBe(0)
    const redis = createClient({ url: REDIS_URL })
    await redis.connect()
    try {
      const subscriptions = await redis.sendCommand<Array<string | number>>(['PUBSUB', 'NUMSUB', `${CHANNEL_PREFIX}-request#/#`])
      expect(Number(subscriptions[1])).toBe(0)
      expect(await redis.sendCommand(['PUBSUB', 'CHANNELS', `${CHANNEL_PREFIX}*`])).toEqual([])
    } finally {
      await redis.quit()
    }
  })
})
