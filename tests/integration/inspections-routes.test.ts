import { createServer, type Server as HttpServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { io as connect, type Socket } from 'socket.io-client'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { INSPECTION_PAGE_SIZE, publishTemplateVersion } from '../../app/modules/inspections/inspections.server'
import { attachRealtime, type Realtime } from '../../app/realtime/server.server'
import { action as inspectionAction, loader as inspectionLoader } from '../../app/routes/inspections.$inspectionId'
import { action as listAction, loader as listLoader } from '../../app/routes/inspections._index'
import { action as filesApi } from '../../app/routes/api.inspections.$inspectionId.files'
import { loader as reportLoader } from '../../app/routes/inspections.$inspectionId_.report'
import { setRealtimeEmitter } from '../../app/utils/realtime.server'
import { getDb } from '../../app/utils/db.server'
import type { SessionUser } from '../../app/utils/session-user'
import { createStation, createTestUser, sessionCookieFor, uploadPng } from '../factories'
import { callRoute, routeArgs } from '../route-calls'

// The inspection pages' loaders and actions and the socket subscription, called as the server
// calls them with real session cookies: who may see, who may act, what a bad form gets back.
let httpServer: HttpServer
let realtime: Realtime
let url: string
let inspector: SessionUser
let manager: SessionUser
let tech: SessionUser
let stranger: SessionUser
let stationId: string
let templateId: string
let itemId: string
const sockets: Socket[] = []

const cookie = (user: SessionUser) => sessionCookieFor(user.id)
const page = async (user: SessionUser, path: string, form?: Record<string, string>) =>
  new Request(`http://test${path}`, {
    method: form ? 'POST' : 'GET',
    headers: { Cookie: await cookie(user) },
    body: form ? new URLSearchParams(form) : undefined,
  })
/** The action's answer as a Response (a plain object, with single fetch, is a 200). */
const post = async (user: SessionUser, id: string, form: Record<string, string>) => {
  const answer: unknown = await callRoute(async () => inspectionAction(routeArgs(await page(user, `/inspections/${id}`, form), { inspectionId: id })))
  return answer instanceof Response ? answer : Response.json(answer)
}

async function schedule(user: SessionUser, form: Record<string, string>) {
  return callRoute(async () => listAction(routeArgs(await page(user, '/inspections', form))))
}

type ListData = { inspections: { rows: Array<{ id: string; number: number }>; page: number; pages: number; total: number }; inspector: boolean; stations: unknown[] }

async function newInspection() {
  const response = await schedule(inspector, { stationId, templateId, scheduledAt: '2030-01-02T09:30', timezoneOffset: '-480' })
  expect(response.status).toBe(302)
  return response.headers.get('Location')!.split('/').pop()!
}

async function socketFor(user: SessionUser) {
  const socket = connect(url, { transports: ['websocket'], reconnection: false, extraHeaders: { Cookie: await cookie(user) } })
  sockets.push(socket)
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', () => resolve())
    socket.once('connect_error', reject)
  })
  return socket
}

beforeAll(async () => {
  httpServer = createServer()
  realtime = await attachRealtime(httpServer)
  await new Promise<void>((resolve) => httpServer.listen(0, '127.0.0.1', resolve))
  url = `http://127.0.0.1:${(httpServer.address() as AddressInfo).port}`
  stationId = (await createStation()).id
  inspector = await createTestUser({ role: 'ENGINEER' })
  manager = await createTestUser({ role: 'STATION_MANAGER', stationId })
  tech = await createTestUser({ role: 'TECHNICIAN', stationId })
  stranger = await createTestUser({ role: 'STATION_MANAGER', stationId: (await createStation()).id })
  templateId = (await publishTemplateVersion({ key: 'route-checklist', nameZh: '路由清单', nameEn: 'Route checklist', sections: [{ titleZh: '一', titleEn: 'One', items: [{ textZh: '项', textEn: 'Item', weight: 1 }] }] })).id
  itemId = (await getDb().checklistItem.findFirstOrThrow({ where: { section: { templateId } }, select: { id: true } })).id
})

afterAll(async () => {
  for (const socket of sockets) socket.disconnect()
  setRealtimeEmitter(undefined)
  await realtime.close()
})

describe('pages', () => {
  test('scheduling: a station cannot (403); a bad form gets field messages (400); a good one goes to the inspection, in the browser\'s time zone', async () => {
    expect((await schedule(manager, { stationId, templateId, scheduledAt: '2030-01-02T09:30' })).status).toBe(403)
    const bad = await schedule(inspector, { stationId: '', templateId, scheduledAt: '' })
    expect(bad.status).toBe(400)
    expect(await bad.json()).toEqual({ errors: { stationId: 'choose a station', scheduledAt: 'choose a date and time' } })
    const id = await newInspection()
    expect((await getDb().inspection.findUniqueOrThrow({ where: { id } })).scheduledAt.toISOString()).toBe('2030-01-02T01:30:00.000Z')
    const list = (await listLoader(routeArgs(await page(manager, '/inspections')))) as ListData
    expect(list.inspections.rows.map((row) => row.id)).toContain(id)
    expect(list).toMatchObject({ inspector: false, stations: [], intro: 'introStation' })
  })

  test('the list comes in pages of 30, latest first; a page past the end goes to the last one', async () => {
    while ((await getDb().inspection.count({ where: { stationId } })) <= INSPECTION_PAGE_SIZE) await newInspection()
    const total = await getDb().inspection.count({ where: { stationId } })
    const first = (await listLoader(routeArgs(await page(manager, '/inspections')))) as ListData
    const second = (await listLoader(routeArgs(await page(manager, '/inspections?page=2')))) as ListData
    expect(first.inspections).toMatchObject({ page: 1, pages: 2, total })
    expect(first.inspections.rows).toHaveLength(INSPECTION_PAGE_SIZE)
    expect(second.inspections.rows).toHaveLength(total - INSPECTION_PAGE_SIZE)
    const numbers = [...first.inspections.rows, ...second.inspections.rows].map((row) => row.number)
    expect(new Set(numbers).size).toBe(total)
    const past = await callRoute(async () => listLoader(routeArgs(await page(manager, '/inspections?page=9'))))
    expect(past.status).toBe(302)
    expect(past.headers.get('Location')).toBe('/inspections?page=2')
  })

  test('an inspection\'s page, report and actions are not found for another station', async () => {
    const id = await newInspection()
    const missing = await callRoute(async () => inspectionLoader(routeArgs(await page(stranger, `/inspections/${id}`), { inspectionId: id })))
    expect(missing.status).toBe(404)
    expect((await callRoute(async () => reportLoader(routeArgs(await page(stranger, `/inspections/${id}/report`), { inspectionId: id })))).status).toBe(404)
    expect((await post(stranger, id, { intent: 'start' })).status).toBe(404)
    const seen = (await inspectionLoader(routeArgs(await page(tech, `/inspections/${id}`), { inspectionId: id }))) as { inspection: { side: string }; callRoom: string | null; canRecord: boolean }
    expect(seen).toMatchObject({ inspection: { side: 'station' }, callRoom: `inspection:${id}`, canRecord: false })
  })

  test('the inspection\'s actions: 403 for the wrong side, 409 in the wrong state, 400 with field messages for a bad form', async () => {
    const id = await newInspection()
    expect((await post(tech, id, { intent: 'start' })).status).toBe(403)
    expect((await post(inspector, id, { intent: 'score', itemId, outcome: 'PASS' })).status).toBe(409)
    expect((await post(inspector, id, { intent: 'start' })).status).toBe(200)
    const bad = await post(inspector, id, { intent: 'score', itemId, outcome: 'MAYBE' })
    expect(bad.status).toBe(400)
    expect(await bad.json()).toEqual({ errors: { outcome: 'choose pass, fail or not applicable' } })
    expect((await post(inspector, id, { intent: 'score', itemId, outcome: 'FAIL' })).status).toBe(200)
    const raise = await post(inspector, id, { intent: 'raise-action', itemId, ownerId: '', dueAt: '', requiredProof: '' })
    expect(await raise.json()).toEqual({ errors: { ownerId: 'choose an owner at the station', dueAt: 'choose a due date', requiredProof: 'say what proof is required' } })
    const unknown = await post(inspector, id, { intent: 'delete-everything' })
    expect(unknown.status).toBe(400)
  })

  test('a file of the call becomes the inspection\'s only for its two sides', async () => {
    const id = await newInspection()
    const attach = async (user: SessionUser, attachmentId: string) =>
      callRoute(async () =>
        filesApi(routeArgs(new Request(`http://test/api/inspections/${id}/files`, { method: 'POST', headers: { Cookie: await cookie(user), 'Content-Type': 'application/json' }, body: JSON.stringify({ attachmentId }) }), { inspectionId: id })),
      )
    const mine = await uploadPng(manager)
    expect((await attach(manager, mine.id)).status).toBe(201)
    const theirs = await uploadPng(stranger)
    expect((await attach(stranger, theirs.id)).status).toBe(404)
    expect((await getDb().attachment.findUniqueOrThrow({ where: { id: theirs.id } })).inspectionId).toBeNull()
  })
})

describe('live updates', () => {
  test('both sides of an inspection get its changes; another station may not subscribe', async () => {
    const id = await newInspection()
    const [station, other] = [await socketFor(manager), await socketFor(stranger)]
    expect(await station.timeout(5000).emitWithAck('inspection:watch', { inspectionId: id })).toEqual({ ok: true })
    expect(await other.timeout(5000).emitWithAck('inspection:watch', { inspectionId: id })).toEqual({ ok: false, error: 'not found' })
    expect(await other.timeout(5000).emitWithAck('inspection:watch', { inspectionId: 42 })).toEqual({ ok: false, error: 'invalid payload' })
    const changed = new Promise<{ id: string }>((resolve) => station.once('inspection:changed', resolve))
    let leaked = false
    other.on('inspection:changed', () => (leaked = true))
    expect((await post(inspector, id, { intent: 'start' })).status).toBe(200)
    expect(await changed).toEqual({ id })
    // The station's own socket got it; the other station's, connected the same way, did not.
    await station.timeout(5000).emitWithAck('inspection:watch', { inspectionId: id })
    expect(leaked).toBe(false)
  })
})
