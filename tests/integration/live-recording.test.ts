import crypto from 'node:crypto'
import type { Socket } from 'socket.io-client'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { registerLiveRoomKind } from '../../app/modules/live/access.server'
import { listRecordings } from '../../app/modules/live/recording.server'
import { MAX_CHUNK_BYTES } from '../../app/modules/live/recording-storage.server'
import { action as uploadChunk } from '../../app/routes/api.live.recordings.$recordingId.chunks.$sequence'
import { action as finish } from '../../app/routes/api.live.recordings.$recordingId.finish'
import { loader as playback } from '../../app/routes/recordings.$recordingId'
import { getDb } from '../../app/utils/db.server'
import type { SessionUser } from '../../app/utils/session-user'
import { cluster, durationIn, recordedWebm } from '../fixtures/webm'
import { createTestUser, sessionCookieFor } from '../factories'
import { callRoute, routeArgs } from '../route-calls'
import { ask, startRealtimeServer } from '../setup/socket-clients'

// Recording consent on a real socket.io server with real clients, and the recorder's chunks
// through the real routes: nothing is kept before everyone accepted; what is kept plays and seeks.
let server: Awaited<ReturnType<typeof startRealtimeServer>>
let expert: SessionUser
let tech: SessionUser
let manager: SessionUser
let outsider: SessionUser
const inCall = new Set<string>()

type State = { id: string; status: string; pending: Array<{ id: string }>; declinedBy: Array<{ id: string }> }
type Announcement = { roomId: string; recording: State | null }

const WEBM = 'video/webm;codecs=vp8,opus'
const firstChunk = recordedWebm(cluster(0, [0, 500]))
const secondChunk = cluster(1000, [0, 400, 900])

async function joined(user: SessionUser, roomId: string) {
  const socket = await server.socketFor(user)
  expect(await ask(socket, 'live:join', { roomId, participantId: crypto.randomUUID() })).toMatchObject({ ok: true })
  return socket
}

/** The next announcement of this room's recording that satisfies `until`. */
function announced(socket: Socket, roomId: string, until: (state: State | null) => boolean) {
  return new Promise<State | null>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('no such recording announcement within 5 s')), 5000)
    const listen = (announcement: Announcement) => {
      if (announcement.roomId !== roomId || !until(announcement.recording)) return
      clearTimeout(timer)
      socket.off('live:recording', listen)
      resolve(announcement.recording)
    }
    socket.on('live:recording', listen)
  })
}

const startRecording = async (socket: Socket, roomId: string) => (await ask(socket, 'live:recording:start', { roomId })) as unknown as { ok: boolean; recording: State }

async function sendChunk(user: SessionUser, recordingId: string, sequence: number | string, bytes: Buffer, type = WEBM) {
  const request = new Request(`http://test/api/live/recordings/${recordingId}/chunks/${sequence}`, {
    method: 'POST',
    headers: { Cookie: await sessionCookieFor(user.id), 'Content-Type': type },
    body: new Uint8Array(bytes),
  })
  return callRoute(() => uploadChunk(routeArgs(request, { recordingId, sequence: String(sequence) })))
}

async function watch(user: SessionUser, recordingId: string, range?: string) {
  const request = new Request(`http://test/recordings/${recordingId}`, { headers: { Cookie: await sessionCookieFor(user.id), ...(range ? { Range: range } : {}) } })
  return callRoute(() => playback(routeArgs(request, { recordingId })))
}

async function finishAs(user: SessionUser, recordingId: string) {
  const request = new Request(`http://test/api/live/recordings/${recordingId}/finish`, { method: 'POST', headers: { Cookie: await sessionCookieFor(user.id) } })
  return callRoute(() => finish(routeArgs(request, { recordingId })))
}

beforeAll(async () => {
  server = await startRealtimeServer()
  expert = await createTestUser({ role: 'ENGINEER' })
  tech = await createTestUser()
  manager = await createTestUser({ role: 'STATION_MANAGER' })
  outsider = await createTestUser({ role: 'ENGINEER' })
  for (const user of [expert, tech, manager]) inCall.add(user.id)
  registerLiveRoomKind('rec', {
    mayJoin: async (user) => inCall.has(user.id),
    mayRecord: async (user) => user.role === 'ENGINEER',
  })
})

afterAll(() => server.stop())

describe('consent', () => {
  test('recording starts only once everyone accepted, pauses for a newcomer, and keeps nothing before', async () => {
    const room = 'rec:consent'
    const expertSocket = await joined(expert, room)
    const techSocket = await joined(tech, room)

    expect(await ask(techSocket, 'live:recording:start', { roomId: room })).toEqual({ ok: false, error: 'forbidden' })
    const asked = announced(techSocket, room, (state) => state?.status === 'AWAITING_CONSENT')
    const started = await startRecording(expertSocket, room)
    expect(started.recording).toMatchObject({ status: 'AWAITING_CONSENT', pending: [{ id: tech.id }] })
    expect((await asked)?.id).toBe(started.recording.id)
    expect(await ask(expertSocket, 'live:recording:start', { roomId: room })).toEqual({ ok: false, error: 'already recording' })
    const recordingId = started.recording.id

    // The server keeps nothing until everyone has accepted.
    expect((await sendChunk(expert, recordingId, 0, firstChunk)).status).toBe(409)

    const running = announced(expertSocket, room, (state) => state?.status === 'RECORDING')
    expect(await ask(techSocket, 'live:recording:answer', { roomId: room, recordingId, accepted: true })).toEqual({ ok: true })
    await running
    expect((await sendChunk(expert, recordingId, 1, secondChunk)).status).toBe(201) // out of order: numbered, so fine
    expect((await sendChunk(expert, recordingId, 0, firstChunk)).status).toBe(201)

    // A newcomer pauses the recording until they accept.
    const paused = announced(expertSocket, room, (state) => state?.status === 'AWAITING_CONSENT')
    const managerSocket = await joined(manager, room)
    expect((await paused)?.pending).toEqual([expect.objectContaining({ id: manager.id })])
    const resumed = announced(expertSocket, room, (state) => state?.status === 'RECORDING')
    await ask(managerSocket, 'live:recording:answer', { roomId: room, recordingId, accepted: true })
    await resumed

    expect(await ask(techSocket, 'live:recording:stop', { roomId: room, recordingId })).toEqual({ ok: false, error: 'forbidden' })
    const stopped = announced(techSocket, room, (state) => state === null)
    expect(await ask(expertSocket, 'live:recording:stop', { roomId: room, recordingId })).toEqual({ ok: true })
    await stopped

    expect((await finishAs(tech, recordingId)).status).toBe(403)
    const finished = await finishAs(expert, recordingId)
    expect(await finished.json()).toEqual({ status: 'READY' })
    const [listed] = await listRecordings({ user: tech, roomId: room })
    expect(listed).toMatchObject({ id: recordingId, status: 'READY', durationMs: 1900 })
    // Once finished, nothing more is taken.
    expect((await sendChunk(expert, recordingId, 2, secondChunk)).status).toBe(409)

    for (const socket of [expertSocket, techSocket, managerSocket]) socket.disconnect()
  })

  test('a refusal ends the request: declined, nothing stored, nothing listed', async () => {
    const room = 'rec:refused'
    const expertSocket = await joined(expert, room)
    const techSocket = await joined(tech, room)
    const { recording } = await startRecording(expertSocket, room)
    const declined = announced(expertSocket, room, (state) => state?.status === 'DECLINED')
    await ask(techSocket, 'live:recording:answer', { roomId: room, recordingId: recording.id, accepted: false })
    expect((await declined)?.declinedBy).toEqual([expect.objectContaining({ id: tech.id })])
    expect((await sendChunk(expert, recording.id, 0, firstChunk)).status).toBe(409)
    expect(await listRecordings({ user: expert, roomId: room })).toEqual([])
    expertSocket.disconnect()
    techSocket.disconnect()
  })

  test('the recorder leaving the call stops what it was recording', async () => {
    const room = 'rec:leaving'
    const expertSocket = await joined(expert, room)
    const techSocket = await joined(tech, room)
    const { recording } = await startRecording(expertSocket, room)
    await ask(techSocket, 'live:recording:answer', { roomId: room, recordingId: recording.id, accepted: true })
    const ended = announced(techSocket, room, (state) => state?.status === 'STOPPED')
    expertSocket.disconnect()
    expect((await ended)?.id).toBe(recording.id)
    techSocket.disconnect()
  })
})

describe('chunks, playback and access', () => {
  async function readyRecording(room: string) {
    const expertSocket = await joined(expert, room)
    const techSocket = await joined(tech, room)
    const { recording } = await startRecording(expertSocket, room)
    const running = announced(expertSocket, room, (state) => state?.status === 'RECORDING')
    await ask(techSocket, 'live:recording:answer', { roomId: room, recordingId: recording.id, accepted: true })
    await running
    return { recordingId: recording.id, expertSocket, techSocket }
  }

  test('bad chunks are refused with a reason and change nothing', async () => {
    const { recordingId, expertSocket, techSocket } = await readyRecording('rec:bad-chunks')
    expect((await sendChunk(tech, recordingId, 0, firstChunk)).status).toBe(403)
    expect((await sendChunk(expert, recordingId, 0, firstChunk, 'text/html')).status).toBe(400)
    expect((await sendChunk(expert, recordingId, 'x1', firstChunk)).status).toBe(400)
    expect((await sendChunk(expert, recordingId, 0, Buffer.alloc(MAX_CHUNK_BYTES + 1))).status).toBe(413)
    expect((await sendChunk(expert, 'nosuchrecording', 0, firstChunk)).status).toBe(404)
    expect(await getDb().recording.findUniqueOrThrow({ where: { id: recordingId }, select: { chunkCount: true, sizeBytes: true } })).toEqual({ chunkCount: 0, sizeBytes: 0n })
    expertSocket.disconnect()
    techSocket.disconnect()
  })

  test('a recording plays with range requests (seeking) for participants only', async () => {
    const { recordingId, expertSocket, techSocket } = await readyRecording('rec:playback')
    await sendChunk(expert, recordingId, 0, firstChunk)
    await sendChunk(expert, recordingId, 1, secondChunk)
    await finishAs(expert, recordingId)

    const whole = await watch(tech, recordingId)
    expect(whole.status).toBe(200)
    expect(whole.headers.get('Accept-Ranges')).toBe('bytes')
    const file = Buffer.from(await whole.arrayBuffer())
    expect(durationIn(file)).toBe(1900)
    expect(file.length).toBe(Number(whole.headers.get('Content-Length')))

    const part = await watch(tech, recordingId, 'bytes=10-29')
    expect(part.status).toBe(206)
    expect(part.headers.get('Content-Range')).toBe(`bytes 10-29/${file.length}`)
    expect(Buffer.from(await part.arrayBuffer())).toEqual(file.subarray(10, 30))
    expect((await watch(tech, recordingId, `bytes=${file.length}-`)).status).toBe(416)

    expect((await watch(outsider, recordingId)).status).toBe(404)
    expect(await listRecordings({ user: outsider, roomId: 'rec:playback' })).toEqual([])
    expertSocket.disconnect()
    techSocket.disconnect()
  })

  test('a recording whose tab crashed is assembled from what arrived', async () => {
    const { recordingId, expertSocket, techSocket } = await readyRecording('rec:crashed')
    await sendChunk(expert, recordingId, 0, firstChunk)
    await sendChunk(expert, recordingId, 1, secondChunk)
    // The recorder fell silent long ago and never said "finish".
    await getDb().recording.update({ where: { id: recordingId }, data: { lastChunkAt: new Date(Date.now() - 10 * 60_000) } })
    await listRecordings({ user: tech, roomId: 'rec:crashed' })
    await expect.poll(async () => (await listRecordings({ user: tech, roomId: 'rec:crashed' }))[0]?.status, { timeout: 30_000 }).toBe('READY')
    expertSocket.disconnect()
    techSocket.disconnect()
  })

  test('malformed recording events get an error and the room goes on', async () => {
    const room = 'rec:malformed'
    const expertSocket = await joined(expert, room)
    for (const payload of [null, 'x', { roomId: room, recordingId: '../../etc', accepted: true }, { roomId: room, extra: 1 }, { roomId: 'a'.repeat(5000) }]) {
      expect(await ask(expertSocket, 'live:recording:answer', payload)).toEqual({ ok: false, error: 'invalid payload' })
      expect(await ask(expertSocket, 'live:recording:start', payload)).toMatchObject({ ok: false })
    }
    const outsiderSocket = await server.socketFor(outsider)
    expect(await ask(outsiderSocket, 'live:recording:start', { roomId: room })).toEqual({ ok: false, error: 'not in this call' })
    expect(await ask(expertSocket, 'live:recording:get', { roomId: room })).toEqual({ ok: true, recording: null })
    expertSocket.disconnect()
    outsiderSocket.disconnect()
  })
})

