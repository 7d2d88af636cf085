import crypto from 'node:crypto'
import type { Socket } from 'socket.io-client'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { saveAttachment } from '../../app/modules/files/attachment.server'
import { registerLiveRoomKind } from '../../app/modules/live/access.server'
import { action as annotationsApi } from '../../app/routes/api.attachments.$fileId.annotations'
import { createApiToken } from '../../app/utils/api-token.server'
import { getDb } from '../../app/utils/db.server'
import type { SessionUser } from '../../app/utils/session-user'
import { createTestUser } from '../factories'
import { callRoute, jsonRequest, routeArgs } from '../route-calls'
import { ask, nextEvent, startRealtimeServer } from '../setup/socket-clients'

// Shared annotation on a real socket.io server and real clients, and the endpoint that stores
// the marks with a snapshot.
let server: Awaited<ReturnType<typeof startRealtimeServer>>
const admitted = new Set<string>()
const socketFor = (user: SessionUser) => server.socketFor(user)

/** Everything `socket` receives of `event` from now on. */
function collect<T>(socket: Socket, event: string) {
  const received: T[] = []
  socket.on(event, (payload: T) => received.push(payload))
  return received
}

const stroke = (overrides: Record<string, unknown> = {}) => ({
  id: crypto.randomUUID(),
  kind: 'arrow',
  colour: '#e53935',
  width: 4,
  points: [[0.2, 0.3], [0.6, 0.5]],
  ...overrides,
})

/** Three people admitted to `room`: a and b join it, c joins another call; plus an outsider who joins nothing. */
async function callOfTwo(room: string) {
  const [a, b, c, outsider] = await Promise.all([1, 2, 3, 4].map(() => createTestUser({ role: 'ENGINEER' })))
  ;[a, b, c].forEach((user) => admitted.add(user.id))
  const [socketA, socketB, socketC, socketOutsider] = await Promise.all([socketFor(a), socketFor(b), socketFor(c), socketFor(outsider)])
  const pidA = crypto.randomUUID()
  expect(await ask(socketA, 'live:join', { roomId: room, participantId: pidA })).toMatchObject({ ok: true })
  expect(await ask(socketB, 'live:join', { roomId: room, participantId: crypto.randomUUID() })).toMatchObject({ ok: true })
  expect(await ask(socketC, 'live:join', { roomId: `${room}x`, participantId: crypto.randomUUID() })).toMatchObject({ ok: true })
  return { socketA, socketB, socketC, socketOutsider, pidA }
}

beforeAll(async () => {
  server = await startRealtimeServer()
  registerLiveRoomKind('annot', async (user) => admitted.has(user.id))
})

afterAll(() => server.stop())

describe('shared annotation in a call', () => {
  test('a stroke reaches the other participant of the same call only, never its sender or another call', async () => {
    const room = 'annot:strokes'
    const { socketA, socketB, socketC, socketOutsider, pidA } = await callOfTwo(room)
    const atA = collect(socketA, 'live:stroke')
    const atC = collect(socketC, 'live:stroke')
    const atOutsider = collect(socketOutsider, 'live:stroke')
    const arrived = nextEvent<{ frameId: string; stroke: unknown; from: string }>(socketB, 'live:stroke')
    const sent = stroke()
    expect(await ask(socketA, 'live:stroke', { roomId: room, frameId: 'frame-0001', stroke: sent })).toEqual({ ok: true })
    expect(await arrived).toEqual({ frameId: 'frame-0001', stroke: sent, from: pidA })

    // A round trip through B proves A's and C's sockets had time to receive anything stray.
    const back = nextEvent(socketA, 'live:clear')
    expect(await ask(socketB, 'live:clear', { roomId: room, frameId: 'frame-0001' })).toEqual({ ok: true })
    await back
    expect(atA).toEqual([])
    expect(atC).toEqual([])
    expect(atOutsider).toEqual([])
  })

  test('a still is asked of one participant only, and its answer goes back to the asker only', async () => {
    const room = 'annot:still'
    const { socketA, socketB, pidA } = await callOfTwo(room)
    const third = await createTestUser({ role: 'ENGINEER' })
    admitted.add(third.id)
    const socketThird = await socketFor(third)
    const pidB = crypto.randomUUID()
    // B rejoins under a known participant id, so A can address it.
    expect(await ask(socketB, 'live:join', { roomId: room, participantId: pidB })).toMatchObject({ ok: true })
    expect(await ask(socketThird, 'live:join', { roomId: room, participantId: crypto.randomUUID() })).toMatchObject({ ok: true })
    const atThird = collect(socketThird, 'live:snapshot:ask')
    const asked = nextEvent<Record<string, unknown>>(socketB, 'live:snapshot:ask')
    expect(await ask(socketA, 'live:snapshot:ask', { roomId: room, to: pidB, askId: 'ask-00000001' })).toEqual({ ok: true })
    expect(await asked).toEqual({ askId: 'ask-00000001', from: pidA, fromName: expect.any(String) })

    const answered = nextEvent<Record<string, unknown>>(socketA, 'live:snapshot:taken')
    const attachmentId = 'c'.repeat(25)
    expect(await ask(socketB, 'live:snapshot:taken', { roomId: room, to: pidA, askId: 'ask-00000001', attachmentId })).toEqual({ ok: true })
    expect(await answered).toEqual({ askId: 'ask-00000001', from: pidB, attachmentId })
    expect(atThird).toEqual([])

    expect(await ask(socketThird, 'live:snapshot:taken', { roomId: room, to: pidA, askId: 'ask-00000001', attachmentId: '../etc/passwd' })).toEqual({ ok: false, error: 'invalid payload' })
    const outsider = await socketFor(await createTestUser({ role: 'ENGINEER' }))
    expect(await ask(outsider, 'live:snapshot:ask', { roomId: room, to: pidB, askId: 'ask-00000002' })).toEqual({ ok: false, error: 'not in this call' })
  })

  test('freeze, undo and unfreeze are relayed with who sent them', async () => {
    const room = 'annot:freeze'
    const { socketA, socketB, pidA } = await callOfTwo(room)
    const frozen = nextEvent<Record<string, unknown>>(socketB, 'live:freeze')
    const participantId = crypto.randomUUID()
    expect(await ask(socketA, 'live:freeze', { roomId: room, frameId: 'frame-0002', participantId, attachmentId: 'clattachment0000001' })).toEqual({ ok: true })
    expect(await frozen).toMatchObject({ frameId: 'frame-0002', participantId, attachmentId: 'clattachment0000001', from: pidA, fromName: expect.any(String) })
    const undone = nextEvent(socketB, 'live:undo')
    expect(await ask(socketA, 'live:undo', { roomId: room, frameId: 'frame-0002', strokeId: 'stroke-1' })).toEqual({ ok: true })
    expect(await undone).toEqual({ frameId: 'frame-0002', strokeId: 'stroke-1', from: pidA })
    const unfrozen = nextEvent(socketB, 'live:unfreeze')
    expect(await ask(socketA, 'live:unfreeze', { roomId: room, frameId: 'frame-0002' })).toEqual({ ok: true })
    expect(await unfrozen).toEqual({ frameId: 'frame-0002', from: pidA })
  })

  test('someone who has not joined the call is refused, even when allowed to join it', async () => {
    const room = 'annot:outsider'
    const { socketB, socketOutsider } = await callOfTwo(room)
    const idle = await createTestUser({ role: 'ENGINEER' })
    admitted.add(idle.id)
    const atB = collect(socketB, 'live:stroke')
    expect(await ask(socketOutsider, 'live:stroke', { roomId: room, frameId: 'frame-0003', stroke: stroke() })).toEqual({ ok: false, error: 'not in this call' })
    expect(await ask(await socketFor(idle), 'live:freeze', { roomId: room, frameId: 'frame-0003', participantId: crypto.randomUUID(), attachmentId: 'clattachment0000001' })).toEqual({
      ok: false,
      error: 'not in this call',
    })
    // A participant of one call cannot draw into another.
    const { socketA } = await callOfTwo('annot:other')
    expect(await ask(socketA, 'live:stroke', { roomId: room, frameId: 'frame-0003', stroke: stroke() })).toEqual({ ok: false, error: 'not in this call' })
    expect(atB).toEqual([])
  })

  test('malformed strokes are refused and relayed to nobody', async () => {
    const room = 'annot:malformed'
    const { socketA, socketB } = await callOfTwo(room)
    const atB = collect(socketB, 'live:stroke')
    const bad = [
      stroke({ points: [[0.2, 0.3], [1.5, 0.5]] }),
      stroke({ colour: 'hotpink' }),
      stroke({ kind: 'laser' }),
      stroke({ kind: 'text', points: [[0.5, 0.5]], text: 'x'.repeat(201) }),
      stroke({ kind: 'freehand', points: Array.from({ length: 501 }, () => [0.5, 0.5]) }),
      stroke({ script: '<img onerror>' }),
    ]
    for (const payload of bad) expect(await ask(socketA, 'live:stroke', { roomId: room, frameId: 'frame-0004', stroke: payload })).toEqual({ ok: false, error: 'invalid payload' })
    expect(await ask(socketA, 'live:stroke', { roomId: room, frameId: 'no', stroke: stroke() })).toEqual({ ok: false, error: 'invalid payload' })
    const good = nextEvent(socketB, 'live:stroke')
    expect(await ask(socketA, 'live:stroke', { roomId: room, frameId: 'frame-0004', stroke: stroke() })).toEqual({ ok: true })
    await good
    expect(atB).toHaveLength(1)
  })
})

describe('POST /api/attachments/:fileId/annotations', () => {
  const jpeg = Buffer.from('ffd8ffe000104a46494600010100000100010000ffd9', 'hex')
  const upload = (user: SessionUser, bytes: Buffer, fileName: string) =>
    saveAttachment({ user, fileName, data: (async function* () { yield bytes })(), limitBytes: 4096 })
  const post = (token: string | undefined, fileId: string, body: unknown) =>
    callRoute(() => annotationsApi(routeArgs(jsonRequest(`/api/attachments/${fileId}/annotations`, { token, body }), { fileId })))

  test('the uploader stores the marks; anyone else gets 403, an unknown file 404, bad marks 400', async () => {
    const [uploader, other] = await Promise.all([createTestUser({ role: 'ENGINEER' }), createTestUser()])
    const [uploaderToken, otherToken] = await Promise.all([uploader, other].map(async (user) => (await createApiToken({ userId: user.id, name: 'test' })).token))
    const file = await upload(uploader, jpeg, 'snapshot.jpg')
    const marks = [stroke(), stroke({ kind: 'text', points: [[0.4, 0.4]], text: '这里漏油 / leak here' })]

    const saved = await post(uploaderToken, file.id, { annotations: marks })
    expect(saved.status).toBe(200)
    expect(await saved.json()).toEqual({ ok: true, count: 2 })
    expect((await getDb().attachment.findUniqueOrThrow({ where: { id: file.id }, select: { annotations: true } })).annotations).toEqual(marks)

    const forbidden = await post(otherToken, file.id, { annotations: [] })
    expect(forbidden.status).toBe(403)
    expect(await forbidden.json()).toEqual({ error: expect.any(String) })
    expect((await getDb().attachment.findUniqueOrThrow({ where: { id: file.id }, select: { annotations: true } })).annotations).toEqual(marks)

    const missing = await post(uploaderToken, 'nosuchfile000000000', { annotations: [] })
    expect(missing.status).toBe(404)
    expect(await missing.json()).toEqual({ error: expect.any(String) })

    const invalid = await post(uploaderToken, file.id, { annotations: [stroke({ points: [[2, 0.5], [0, 0]] })] })
    expect(invalid.status).toBe(400)
    expect(await invalid.json()).toEqual({ errors: { 'annotations.0.points.0.0': expect.any(String) } })
    expect((await post(uploaderToken, file.id, { marks })).status).toBe(400)
    expect((await post(uploaderToken, file.id, { annotations: Array.from({ length: 201 }, () => stroke()) })).status).toBe(400)

    const pdf = await upload(uploader, Buffer.from('%PDF-1.4\n%%EOF\n'), 'report.pdf')
    expect((await post(uploaderToken, pdf.id, { annotations: [] })).status).toBe(400)
    expect((await post(undefined, file.id, { annotations: [] })).status).toBe(401)
  })
})
