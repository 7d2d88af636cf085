import type { Socket } from 'socket.io-client'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { addMessage, createRequest, requestVisibilityWhere } from '../../app/modules/assistance/assistance.server'
import { performRequestAction } from '../../app/modules/assistance/request-actions.server'
import type { RequestMessageEvent } from '../../app/modules/assistance/rooms'
import { action as requestPageAction, loader as requestPageLoader } from '../../app/routes/assistance.$requestId'
import { getDb } from '../../app/utils/db.server'
import type { SessionUser } from '../../app/utils/session-user'
import { createStation, createTestUser, ensureVehicleModels, sessionCookieFor, uploadPng } from '../factories'
import { callRoute, routeArgs } from '../route-calls'
import { ask, startRealtimeServer } from '../setup/socket-clients'

// The request chat over a real socket.io server on the test database: `assistance:message` from a
// page's socket, and the same event after the page's form post.
let server: Awaited<ReturnType<typeof startRealtimeServer>>
let tech: SessionUser
let expert: SessionUser
let otherTech: SessionUser
let otherExpert: SessionUser
let modelId: string

type Message = RequestMessageEvent['message']

/** Everything `socket` receives of `event` from now on; `next` waits for a matching one. */
function collect<T>(socket: Socket, event: string) {
  const seen: T[] = []
  socket.on(event, (payload: T) => seen.push(payload))
  const next = (predicate: (payload: T) => boolean) =>
    new Promise<T>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no matching ${event} within 5 s`)), 5000)
      const poll = setInterval(() => {
        const found = seen.find(predicate)
        if (!found) return
        clearInterval(poll)
        clearTimeout(timer)
        resolve(found)
      }, 10)
    })
  return { seen, next }
}

/** A request of tech's station held by expert; the two of them watch its page. */
async function claimedRequestWatchedByBoth() {
  const { id } = await createRequest({ user: tech, input: { modelId, year: 2021, systemCode: 'engine', dtcs: [], symptoms: 'Misfire at idle', urgency: 'NORMAL' } })
  expect(await performRequestAction({ user: expert, requestId: id, action: { intent: 'claim' } })).toEqual({ ok: true })
  const [techSocket, expertSocket] = await Promise.all([server.socketFor(tech), server.socketFor(expert)])
  for (const socket of [techSocket, expertSocket]) expect(await ask(socket, 'assistance:watch', { requestId: id })).toEqual({ ok: true })
  return { id, techSocket, expertSocket }
}

const messageCount = (requestId: string) => getDb().assistanceMessage.count({ where: { requestId } })

beforeAll(async () => {
  server = await startRealtimeServer()
  const station = await createStation()
  tech = await createTestUser({ stationId: station.id })
  otherTech = await createTestUser({ stationId: (await createStation()).id })
  expert = await createTestUser({ role: 'ENGINEER' })
  otherExpert = await createTestUser({ role: 'ENGINEER' })
  modelId = (await ensureVehicleModels())[0].id
})

afterAll(() => server.stop())

describe('a chat message over the socket', () => {
  test('is committed before it reaches the other participant, comes back in the acknowledgement, and is in the page after a reload', async () => {
    const { id, techSocket, expertSocket } = await claimedRequestWatchedByBoth()
    // On arrival, the message must already be readable in the database.
    const committedOnArrival: Array<boolean> = []
    techSocket.on('assistance:message', (event: RequestMessageEvent) => {
      void getDb()
        .assistanceMessage.findUnique({ where: { id: event.message.id }, select: { id: true } })
        .then((row) => committedOnArrival.push(row !== null))
    })
    const atTech = collect<RequestMessageEvent>(techSocket, 'assistance:message')
    const reloads = collect<{ id: string }>(techSocket, 'assistance:changed')

    const reply = await ask(expertSocket, 'assistance:message', { requestId: id, body: '  请读取长期燃油修正  ' })
    expect(reply).toMatchObject({ ok: true, message: { body: '请读取长期燃油修正', author: { id: expert.id, name: expert.name }, attachments: [] } })
    const sent = reply.message as Message
    expect(new Date(sent.createdAt).getTime()).toBeGreaterThan(Date.now() - 60_000)

    const arrived = await atTech.next((event) => event.message.id === sent.id)
    expect(arrived).toEqual({ requestId: id, message: sent })
    await expect.poll(() => committedOnArrival).toEqual([true])
    const stored = await getDb().assistanceMessage.findUniqueOrThrow({ where: { id: sent.id }, select: { requestId: true, authorId: true, body: true } })
    expect(stored).toEqual({ requestId: id, authorId: expert.id, body: '请读取长期燃油修正' })

    // The thread after a reload: the loader lists it.
    const page = (await requestPageLoader(
      routeArgs(new Request(`http://test/assistance/${id}`, { headers: { Cookie: await sessionCookieFor(tech.id) } }), { requestId: id }),
    )) as { messages: Array<{ id: string; body: string }> }
    expect(page.messages.map((message) => message.body)).toEqual(['请读取长期燃油修正'])
    // A message alone does not make the page reload its data.
    expect(reloads.seen).toEqual([])
  })

  test('is refused to someone who may not see the request, and nothing is stored or sent', async () => {
    const { id, techSocket } = await claimedRequestWatchedByBoth()
    const atTech = collect<RequestMessageEvent>(techSocket, 'assistance:message')
    const [strangerSocket, otherExpertSocket] = await Promise.all([server.socketFor(otherTech), server.socketFor(otherExpert)])
    expect(await ask(strangerSocket, 'assistance:message', { requestId: id, body: 'not my station' })).toEqual({ ok: false, error: 'not found' })
    // An expert who neither holds the request nor worked on it, once it is claimed.
    expect(await ask(otherExpertSocket, 'assistance:message', { requestId: id, body: 'not my request' })).toEqual({ ok: false, error: 'not found' })
    expect(await ask(techSocket, 'assistance:message', { requestId: 'no-such-request', body: 'hello' })).toEqual({ ok: false, error: 'not found' })
    expect(await messageCount(id)).toBe(0)
    // A message sent afterwards arrives alone: the refused ones were never broadcast.
    const reply = await ask(techSocket, 'assistance:message', { requestId: id, body: 'mine' })
    await atTech.next((event) => event.message.id === (reply.message as Message).id)
    expect(atTech.seen.map((event) => event.message.body)).toEqual(['mine'])
  })

  test('malformed and oversized payloads are refused with a clear error, store nothing, and leave the socket working', async () => {
    const { id, techSocket, expertSocket } = await claimedRequestWatchedByBoth()
    const atExpert = collect<RequestMessageEvent>(expertSocket, 'assistance:message')
    const malformed: unknown[] = [
      null,
      'hello',
      42,
      [],
      { requestId: id },
      { body: 'hello' },
      { requestId: id, body: 42 },
      { requestId: 7, body: 'hello' },
      { requestId: '', body: 'hello' },
      { requestId: 'x'.repeat(41), body: 'hello' },
      { requestId: id, body: 'hello', attachmentIds: 'someone-elses-file' },
    ]
    for (const payload of malformed) expect(await ask(techSocket, 'assistance:message', payload)).toEqual({ ok: false, error: 'invalid payload' })
    expect(await ask(techSocket, 'assistance:message', { requestId: id, body: ' \n ' })).toEqual({ ok: false, error: 'body: write a message or attach a file' })
    expect(await ask(techSocket, 'assistance:message', { requestId: id, body: 'x'.repeat(4001) })).toEqual({ ok: false, error: 'body: at most 4000 characters' })
    expect(await messageCount(id)).toBe(0)

    // Beyond socket.io's 64 KB limit the sending socket is closed; the others go on.
    const big = await server.socketFor(tech)
    const closed = new Promise((resolve) => big.once('disconnect', resolve))
    big.emit('assistance:message', { requestId: id, body: 'x'.repeat(100_000) })
    await closed
    expect(await messageCount(id)).toBe(0)

    const longest = 'y'.repeat(4000)
    expect(await ask(techSocket, 'assistance:message', { requestId: id, body: longest })).toMatchObject({ ok: true, message: { body: longest } })
    await atExpert.next((event) => event.message.body === longest)
    expect(atExpert.seen).toHaveLength(1)
    expect(await messageCount(id)).toBe(1)
  })
})

test('a text message is stored on exactly the requests requestVisibilityWhere shows its author, for every kind of user', async () => {
  const [north, south] = [(await createStation()).id, (await createStation()).id]
  const [northTech, southManager] = [await createTestUser({ stationId: north }), await createTestUser({ role: 'STATION_MANAGER', stationId: south })]
  const [holder, former, stranger] = [await createTestUser({ role: 'ENGINEER' }), await createTestUser({ role: 'ENGINEER' }), await createTestUser({ role: 'ENGINEER' })]
  const input = { modelId, year: 2021, systemCode: 'engine' as const, dtcs: [], symptoms: 'Hard start when cold', urgency: 'NORMAL' as const }
  const open = [(await createRequest({ user: northTech, input })).id, (await createRequest({ user: southManager, input })).id]
  const claimed = [(await createRequest({ user: northTech, input })).id, (await createRequest({ user: southManager, input })).id]
  expect(await performRequestAction({ user: holder, requestId: claimed[0], action: { intent: 'claim' } })).toEqual({ ok: true })
  // `former` worked on the second one and handed it over: it stays visible to them through its activity.
  expect(await performRequestAction({ user: former, requestId: claimed[1], action: { intent: 'claim' } })).toEqual({ ok: true })
  expect(await performRequestAction({ user: former, requestId: claimed[1], action: { intent: 'transfer', toExpertId: holder.id } })).toEqual({ ok: true })
  const ids = [...open, ...claimed]
  const viewers = [northTech, southManager, holder, former, stranger, await createTestUser({ role: 'TRAINER' }), await createTestUser({ role: 'ADMIN' })]
  for (const viewer of viewers) {
    const allowed = await getDb().assistanceRequest.findMany({ where: { id: { in: ids }, ...requestVisibilityWhere(viewer) }, select: { id: true } })
    const stored = []
    for (const requestId of ids) if (await addMessage({ user: viewer, requestId, body: `from ${viewer.role}` })) stored.push(requestId)
    expect(stored.sort(), viewer.role).toEqual(allowed.map((row) => row.id).sort())
    const rows = await getDb().assistanceMessage.findMany({ where: { authorId: viewer.id }, select: { requestId: true } })
    expect(rows.map((row) => row.requestId).sort(), viewer.role).toEqual(stored)
  }
  // Each kind of rule was exercised: some requests shown, some hidden.
  expect(await getDb().assistanceMessage.count({ where: { authorId: stranger.id } })).toBe(open.length)
  expect(await getDb().assistanceMessage.count({ where: { authorId: former.id } })).toBe(open.length + 1)
})

describe("the page's form post", () => {
  test('broadcasts the same message event, files included', async () => {
    const { id, expertSocket } = await claimedRequestWatchedByBoth()
    const atExpert = collect<RequestMessageEvent>(expertSocket, 'assistance:message')
    const reloads = collect<{ id: string }>(expertSocket, 'assistance:changed')
    const photo = await uploadPng(tech)
    const form = new URLSearchParams({ intent: 'message', body: '数据流见附件', attachmentIds: photo.id })
    const request = new Request(`http://test/assistance/${id}`, {
      method: 'POST',
      headers: { Cookie: await sessionCookieFor(tech.id), 'Content-Type': 'application/x-www-form-urlencoded' },
      body: form,
    })
    expect(await callRoute(() => requestPageAction(routeArgs(request, { requestId: id })))).toEqual({ ok: true })
    const { message } = await atExpert.next((event) => event.requestId === id)
    expect(message).toMatchObject({ body: '数据流见附件', author: { id: tech.id }, attachments: [{ id: photo.id, fileName: 'photo.png', mimeType: 'image/png' }] })
    expect(reloads.seen).toEqual([])
  })
})
