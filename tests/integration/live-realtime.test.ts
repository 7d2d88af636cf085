import crypto from 'node:crypto'
import type { Socket } from 'socket.io-client'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { createRequest } from '../../app/modules/assistance/assistance.server'
import { performRequestAction } from '../../app/modules/assistance/request-actions.server'
import { registerLiveRoomKind } from '../../app/modules/live/access.server'
import type { SessionUser } from '../../app/utils/session-user'
import { createStation, createTestUser, ensureVehicleModels } from '../factories'
import { ask, nextEvent, startRealtimeServer, type Reply } from '../setup/socket-clients'

// The call's signaling on a real socket.io server and real clients; who may join is decided by
// the owning module (assistance here, and a test kind that admits a fixed set of users).
let server: Awaited<ReturnType<typeof startRealtimeServer>>
let tech: SessionUser
let manager: SessionUser
let holder: SessionUser
let otherExpert: SessionUser
let otherStationTech: SessionUser
let requestId: string
const admitted = new Set<string>()

const socketFor = (user: SessionUser) => server.socketFor(user)
type JoinReply = Reply & { peers?: Array<{ participantId: string; name: string }> }
const join = (socket: Socket, roomId: string, participantId: string = crypto.randomUUID()) => ask(socket, 'live:join', { roomId, participantId }) as Promise<JoinReply>

beforeAll(async () => {
  server = await startRealtimeServer()
  const station = await createStation()
  tech = await createTestUser({ stationId: station.id })
  manager = await createTestUser({ role: 'STATION_MANAGER', stationId: station.id })
  holder = await createTestUser({ role: 'ENGINEER' })
  otherExpert = await createTestUser({ role: 'ENGINEER' })
  otherStationTech = await createTestUser({ stationId: (await createStation()).id })
  const [model] = await ensureVehicleModels()
  const created = await createRequest({ user: tech, input: { modelId: model.id, year: 2021, systemCode: 'engine', dtcs: [], symptoms: 'Misfire', urgency: 'NORMAL' } })
  requestId = created.id
  await performRequestAction({ user: holder, requestId, action: { intent: 'claim' } })
  registerLiveRoomKind('test', async (user) => admitted.has(user.id))
})

afterAll(() => server.stop())

describe('joining', () => {
  test('the request\'s station and its expert join; another expert, another station and unknown calls are refused', async () => {
    const room = `assistance:${requestId}`
    expect(await join(await socketFor(tech), room)).toMatchObject({ ok: true, peers: [], ice: { iceServers: expect.any(Array) } })
    expect(await join(await socketFor(holder), room)).toMatchObject({ ok: true, peers: [{ name: tech.name }] })
    expect(await join(await socketFor(otherExpert), room)).toEqual({ ok: false, error: 'forbidden' })
    expect(await join(await socketFor(otherStationTech), room)).toEqual({ ok: false, error: 'forbidden' })
    expect(await join(await socketFor(tech), 'nosuchkind:abc')).toEqual({ ok: false, error: 'forbidden' })
  })

  test('at most four people; a fifth is told the call is full', async () => {
    const people = await Promise.all(Array.from({ length: 5 }, () => createTestUser({ role: 'ENGINEER' })))
    people.forEach((person) => admitted.add(person.id))
    const room = 'test:full'
    for (const person of people.slice(0, 4)) expect((await join(await socketFor(person), room)).ok).toBe(true)
    expect(await join(await socketFor(people[4]), room)).toEqual({ ok: false, error: 'full' })
  })

  test('a tab that rejoins with its participant id replaces its old socket; leaving is announced', async () => {
    const [a, b] = await Promise.all([createTestUser({ role: 'ENGINEER' }), createTestUser({ role: 'ENGINEER' })])
    admitted.add(a.id).add(b.id)
    const room = 'test:rejoin'
    const first = await socketFor(a)
    const pid = crypto.randomUUID()
    await join(first, room, pid)
    const watcher = await socketFor(b)
    expect((await join(watcher, room)).peers).toHaveLength(1)
    const rejoined = nextEvent<{ participantId: string }>(watcher, 'live:peer-joined')
    const second = await socketFor(a)
    expect((await join(second, room, pid)).peers).toHaveLength(1)
    expect((await rejoined).participantId).toBe(pid)
    const left = nextEvent<{ participantId: string }>(watcher, 'live:peer-left')
    expect(await ask(second, 'live:leave', { roomId: room })).toEqual({ ok: true })
    expect((await left).participantId).toBe(pid)
  })
})

describe('signaling', () => {
  test('signals reach the addressed participant of the same call only', async () => {
    const [a, b, c] = await Promise.all([1, 2, 3].map(() => createTestUser({ role: 'ENGINEER' })))
    ;[a, b, c].forEach((user) => admitted.add(user.id))
    const [socketA, socketB, socketC] = await Promise.all([socketFor(a), socketFor(b), socketFor(c)])
    const [pidA, pidB, pidC] = [crypto.randomUUID(), crypto.randomUUID(), crypto.randomUUID()]
    await join(socketA, 'test:signal', pidA)
    await join(socketB, 'test:signal', pidB)
    await join(socketC, 'test:elsewhere', pidC)
    const received = nextEvent<{ from: string; connectionId: string; data: unknown }>(socketB, 'live:signal')
    const connectionId = crypto.randomUUID()
    expect(await ask(socketA, 'live:signal', { roomId: 'test:signal', to: pidB, connectionId, data: { type: 'offer', sdp: 'v=0' } })).toEqual({ ok: true })
    expect(await received).toEqual({ from: pidA, connectionId, data: { type: 'offer', sdp: 'v=0' } })
    // C is in another call: it may not signal into this one, and a signal addressed across calls goes nowhere.
    const leaked: unknown[] = []
    socketC.on('live:signal', (message) => leaked.push(message))
    expect(await ask(socketC, 'live:signal', { roomId: 'test:signal', to: pidB, connectionId, data: { type: 'offer' } })).toEqual({ ok: false, error: 'not in this call' })
    expect(await ask(socketA, 'live:signal', { roomId: 'test:signal', to: pidC, connectionId, data: { candidate: 'x' } })).toEqual({ ok: true })
    expect(await ask(socketC, 'live:state', { roomId: 'test:elsewhere', muted: true, videoOff: false })).toEqual({ ok: true })
    expect(leaked).toEqual([])
  })

  test('1,000 malformed or oversized events are refused one by one and the call goes on', async () => {
    const [a, b] = await Promise.all([createTestUser({ role: 'ENGINEER' }), createTestUser({ role: 'ENGINEER' })])
    admitted.add(a.id).add(b.id)
    const [socketA, socketB] = await Promise.all([socketFor(a), socketFor(b)])
    const pidB = crypto.randomUUID()
    await join(socketA, 'test:junk')
    await join(socketB, 'test:junk', pidB)
    const junk: Array<[string, unknown]> = [
      ['live:join', { roomId: '../etc', participantId: 'x' }],
      ['live:join', null],
      ['live:signal', { roomId: 'test:junk', to: pidB, connectionId: 'short', data: {} }],
      ['live:signal', { roomId: 'test:junk', to: pidB, connectionId: crypto.randomUUID(), data: { sdp: 'x'.repeat(20_000) } }],
      ['live:signal', 'not an object'],
      ['live:state', { roomId: 'test:junk', muted: 'yes' }],
      ['live:leave', { roomId: 'test:junk', extra: 1 }],
    ]
    const replies = await Promise.all(Array.from({ length: 1000 }, (_, index) => ask(socketA, ...junk[index % junk.length])))
    expect(replies.every((reply) => reply.ok === false)).toBe(true)
    const received = nextEvent<{ data: unknown }>(socketB, 'live:signal')
    expect(await ask(socketA, 'live:signal', { roomId: 'test:junk', to: pidB, connectionId: crypto.randomUUID(), data: { type: 'answer', sdp: 'v=0' } })).toEqual({ ok: true })
    expect((await received).data).toEqual({ type: 'answer', sdp: 'v=0' })
  })
})

test('a closed request has no call', async () => {
  const managerSocket = await socketFor(manager)
  await performRequestAction({ user: holder, requestId, action: { intent: 'resolve', cause: 'coil', fix: 'new coil' } })
  await performRequestAction({ user: manager, requestId, action: { intent: 'confirm', firstTimeFix: 'yes' } })
  expect(await join(managerSocket, `assistance:${requestId}`)).toEqual({ ok: false, error: 'forbidden' })
})
