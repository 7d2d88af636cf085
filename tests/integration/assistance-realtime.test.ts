import { createServer, type Server as HttpServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { io as connect, type Socket } from 'socket.io-client'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { addMessage, createRequest } from '../../app/modules/assistance/assistance.server'
import { updateExpertProfile } from '../../app/modules/assistance/experts.server'
import { performRequestAction } from '../../app/modules/assistance/request-actions.server'
import { attachRealtime, type Realtime } from '../../app/realtime/server.server'
import { loader as requestPageLoader } from '../../app/routes/assistance.$requestId'
import { loader as newRequestLoader } from '../../app/routes/assistance.new'
import { setRealtimeEmitter } from '../../app/utils/realtime.server'
import type { SessionUser } from '../../app/utils/session-user'
import type { SystemCode } from '../../app/utils/vehicle-schema'
import { createStation, createTestUser, ensureVehicleModels, sessionCookieFor } from '../factories'
import { callRoute, routeArgs } from '../route-calls'

// A real socket.io server on the test database, reached by real socket.io clients with session cookies.
let httpServer: HttpServer
let realtime: Realtime
let url: string
let tech: SessionUser
let otherTech: SessionUser
let engineExpert: SessionUser
let bodyExpert: SessionUser
let offlineExpert: SessionUser
let modelId: string
const sockets: Socket[] = []

async function socketFor(user: SessionUser | null) {
  const socket = connect(url, {
    transports: ['websocket'],
    reconnection: false,
    extraHeaders: user ? { Cookie: await sessionCookieFor(user.id) } : {},
  })
  sockets.push(socket)
  return socket
}

// A socket may have connected already, while the test awaited something else.
const connected = (socket: Socket) =>
  new Promise<void>((resolve, reject) => {
    if (socket.connected) return resolve()
    socket.once('connect', () => resolve())
    socket.once('connect_error', reject)
  })

const emitWithAck = (socket: Socket, event: string, payload: unknown) => socket.timeout(5000).emitWithAck(event, payload) as Promise<{ ok: boolean; error?: string }>

/** Collects one event's payloads; `next()` waits for the next one. */
function recorder<T>(socket: Socket, event: string) {
  const seen: T[] = []
  socket.on(event, (payload: T) => seen.push(payload))
  return {
    seen,
    next: (predicate: (payload: T) => boolean) =>
      new Promise<T>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no ${event} within 5 s`)), 5000)
        const poll = setInterval(() => {
          const found = seen.find(predicate)
          if (found) {
            clearInterval(poll)
            clearTimeout(timer)
            resolve(found)
          }
        }, 20)
      }),
  }
}

const newRequest = (systemCode: SystemCode = 'engine') =>
  createRequest({ user: tech, input: { modelId, year: 2021, systemCode, dtcs: [], symptoms: 'Hard start when hot', urgency: 'NORMAL' } })

beforeAll(async () => {
  httpServer = createServer()
  realtime = await attachRealtime(httpServer)
  await new Promise<void>((resolve) => httpServer.listen(0, '127.0.0.1', resolve))
  url = `http://127.0.0.1:${(httpServer.address() as AddressInfo).port}`
  const station = await createStation()
  tech = await createTestUser({ stationId: station.id })
  otherTech = await createTestUser({ stationId: (await createStation()).id })
  engineExpert = await createTestUser({ role: 'ENGINEER' })
  bodyExpert = await createTestUser({ role: 'ENGINEER' })
  offlineExpert = await createTestUser({ role: 'ENGINEER' })
  await updateExpertProfile({ user: engineExpert, systems: ['engine'], available: true })
  await updateExpertProfile({ user: bodyExpert, systems: ['body'], available: true })
  await updateExpertProfile({ user: offlineExpert, systems: ['engine'], available: false })
  modelId = (await ensureVehicleModels())[0].id
})

afterAll(async () => {
  for (const socket of sockets) socket.disconnect()
  setRealtimeEmitter(undefined)
  await realtime.close()
})

describe('handshake', () => {
  test('a visitor without a session cannot connect', async () => {
    await expect(connected(await socketFor(null))).rejects.toThrow('unauthorized')
  })
})

describe('routing and notifications', () => {
  test('a new request alerts the online experts of its system only', async () => {
    const engine = await socketFor(engineExpert)
    const body = await socketFor(bodyExpert)
    const offline = await socketFor(offlineExpert)
    await Promise.all([engine, body, offline].map(connected))
    const [engineAlerts, bodyAlerts, offlineAlerts] = [engine, body, offline].map((socket) => recorder<{ id: string }>(socket, 'assistance:new'))
    // An acknowledged subscription means the expert's queues are joined.
    for (const socket of [engine, body, offline]) expect(await emitWithAck(socket, 'assistance:watch-list', {})).toEqual({ ok: true })
    const { id } = await newRequest('engine')
    await engineAlerts.next((alert) => alert.id === id)
    const bodyRequest = await newRequest('body')
    await bodyAlerts.next((alert) => alert.id === bodyRequest.id)
    expect(bodyAlerts.seen.map((alert) => alert.id)).not.toContain(id)
    expect(offlineAlerts.seen).toEqual([])
  })

  test('going online joins the queues at once on every open socket', async () => {
    const socket = await socketFor(offlineExpert)
    await connected(socket)
    const alerts = recorder<{ id: string }>(socket, 'assistance:new')
    await updateExpertProfile({ user: offlineExpert, systems: ['engine'], available: true })
    const { id } = await newRequest('engine')
    await alerts.next((alert) => alert.id === id)
    await updateExpertProfile({ user: offlineExpert, systems: ['engine'], available: false })
  })

  test('the requester watching the request sees the claim; another station may not watch it', async () => {
    const { id } = await newRequest()
    const mine = await socketFor(tech)
    const stranger = await socketFor(otherTech)
    await Promise.all([connected(mine), connected(stranger)])
    expect(await emitWithAck(mine, 'assistance:watch', { requestId: id })).toEqual({ ok: true })
    expect(await emitWithAck(stranger, 'assistance:watch', { requestId: id })).toEqual({ ok: false, error: 'not found' })
    const changes = recorder<{ id: string; status: string }>(mine, 'assistance:changed')
    const leaked = recorder<{ id: string }>(stranger, 'assistance:changed')
    await performRequestAction({ user: engineExpert, requestId: id, action: { intent: 'claim' } })
    expect(await changes.next((change) => change.id === id)).toMatchObject({ id, status: 'CLAIMED' })
    expect(leaked.seen.filter((change) => change.id === id)).toEqual([])
  })
})

describe('messages', () => {
  test("a message reaches its request's watchers only, not the watchers of other requests in the same queue", async () => {
    const mine = await newRequest('engine')
    const other = await newRequest('engine')
    const [watcherOfMine, watcherOfOther] = [await socketFor(tech), await socketFor(tech)]
    await Promise.all([connected(watcherOfMine), connected(watcherOfOther)])
    expect(await emitWithAck(watcherOfMine, 'assistance:watch', { requestId: mine.id })).toEqual({ ok: true })
    expect(await emitWithAck(watcherOfOther, 'assistance:watch', { requestId: other.id })).toEqual({ ok: true })
    const atMine = recorder<{ requestId: string }>(watcherOfMine, 'assistance:message')
    const atOther = recorder<{ requestId: string }>(watcherOfOther, 'assistance:message')
    await addMessage({ user: tech, requestId: mine.id, body: 'hello' })
    await atMine.next((event) => event.requestId === mine.id)
    // A later message on the other request proves the other watcher was listening all along.
    await addMessage({ user: tech, requestId: other.id, body: 'hi' })
    await atOther.next((event) => event.requestId === other.id)
    expect(atOther.seen.map((event) => event.requestId)).not.toContain(mine.id)
  })
})

describe('bad events', () => {
  test('1,000 malformed events get an error reply each and leave the socket working', async () => {
    const socket = await socketFor(tech)
    await connected(socket)
    const junk: unknown[] = [null, 42, 'x', [], { requestId: 7 }, { requestId: '' }, { requestId: 'x'.repeat(500) }, { extra: true }]
    const replies = await Promise.all(
      Array.from({ length: 1000 }, (_, index) => emitWithAck(socket, index % 2 ? 'assistance:watch' : 'assistance:watch-list', junk[index % junk.length])),
    )
    expect(replies.every((reply) => reply.ok === false)).toBe(true)
    socket.emit('assistance:watch', { requestId: 'no-ack-given' })
    const { id } = await newRequest()
    expect(await emitWithAck(socket, 'assistance:watch', { requestId: id })).toEqual({ ok: true })
    expect(socket.connected).toBe(true)
  })

  test('an oversized event closes only that socket', async () => {
    const big = await socketFor(tech)
    const other = await socketFor(tech)
    await Promise.all([connected(big), connected(other)])
    const closed = new Promise((resolve) => big.once('disconnect', resolve))
    big.emit('assistance:watch', { requestId: 'x'.repeat(200_000) })
    await closed
    const { id } = await newRequest()
    expect(await emitWithAck(other, 'assistance:watch', { requestId: id })).toEqual({ ok: true })
  })
})

describe('pages', () => {
  type Loader = (args: ReturnType<typeof routeArgs>) => Promise<unknown>
  const page = async (user: SessionUser, path: string, loader: Loader, params: Record<string, string> = {}) => {
    const request = new Request(`http://test${path}`, { headers: { Cookie: await sessionCookieFor(user.id) } })
    return callRoute(() => loader(routeArgs(request, params)))
  }

  test('the request page is 404 for another station; the request form is 403 for an expert', async () => {
    const { id } = await newRequest()
    expect((await page(otherTech, `/assistance/${id}`, requestPageLoader, { requestId: id })).status).toBe(404)
    const own = (await page(tech, `/assistance/${id}`, requestPageLoader, { requestId: id })) as unknown as { record: { id: string } }
    expect(own.record.id).toBe(id)
    expect((await page(engineExpert, '/assistance/new', newRequestLoader)).status).toBe(403)
  })
})
