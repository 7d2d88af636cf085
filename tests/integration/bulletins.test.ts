import { beforeAll, describe, expect, test } from 'vitest'
import { announceDueBulletins, bulletinsForVehicle, saveBulletin } from '../../app/modules/bulletins/bulletin.server'
import { bulletinReceipts, receiptsByStation, receiptsCsv } from '../../app/modules/bulletins/receipts.server'
import { bulletinInputSchema } from '../../app/modules/bulletins/schema'
import { action as ackApi } from '../../app/routes/api.bulletins.$bulletinId.ack'
import { action as createApi, loader as listApi } from '../../app/routes/api.bulletins'
import { createApiToken } from '../../app/utils/api-token.server'
import { getDb } from '../../app/utils/db.server'
import { applicabilityWhere, bulletinsForReaderWhere, readerOf } from '../../app/modules/bulletins/audience.server'
import type { Prisma } from '../../app/generated/prisma/client'
import type { SessionUser } from '../../app/utils/session-user'
import { createStation, createTestUser, ensureVehicleModels } from '../factories'
import { callRoute, jsonRequest, routeArgs } from '../route-calls'

// Bulletins through the real API routes and data functions on a real PostgreSQL: who is
// addressed, what applies to which vehicle, acknowledgement, supersede and expiry, receipts.
let north: { id: string; code: string }
let east: { id: string; code: string }
let techNorth: SessionUser
let techNorth2: SessionUser
let managerNorth: SessionUser
let techEast: SessionUser
let trainer: SessionUser
let modelName: string
let modelId: string
const tokens = new Map<string, string>()
const token = (user: SessionUser) => tokens.get(user.id)!

const create = (user: SessionUser | null, body: unknown) => callRoute(() => createApi(routeArgs(jsonRequest('/api/bulletins', { token: user ? token(user) : undefined, body }))))
const list = async (user: SessionUser, query = '') => {
  const response = await callRoute(() => listApi(routeArgs(jsonRequest(`/api/bulletins${query}`, { token: token(user) }))))
  expect(response.status).toBe(200)
  return ((await response.json()) as { bulletins: Array<{ id: string; title: string; type: string; publishedAt: string; requiresAck: boolean; acknowledged: boolean }> }).bulletins
}
const ack = (user: SessionUser, id: string) => callRoute(() => ackApi(routeArgs(jsonRequest(`/api/bulletins/${id}/ack`, { token: token(user), method: 'POST' }), { bulletinId: id })))
const ids = (bulletins: Array<{ id: string }>) => bulletins.map((bulletin) => bulletin.id)

const body = (overrides: Record<string, unknown> = {}) => ({
  title: '低温 P0128 节温器检查要点',
  type: 'tsb',
  body: '先读取水温曲线，再决定是否更换节温器。',
  models: [modelName],
  yearFrom: 2019,
  yearTo: 2023,
  systems: ['engine'],
  dtcs: ['P0128'],
  audience: { regions: ['North-test'] },
  requiresAck: true,
  publish: true,
  ...overrides,
})

async function created(user: SessionUser, overrides: Record<string, unknown> = {}) {
  const response = await create(user, body(overrides))
  expect(response.status).toBe(201)
  return ((await response.json()) as { id: string }).id
}

beforeAll(async () => {
  north = await createStation({ region: 'North-test' })
  east = await createStation({ region: 'East-test' })
  techNorth = await createTestUser({ stationId: north.id })
  techNorth2 = await createTestUser({ stationId: north.id })
  managerNorth = await createTestUser({ role: 'STATION_MANAGER', stationId: north.id })
  techEast = await createTestUser({ stationId: east.id })
  trainer = await createTestUser({ role: 'TRAINER' })
  for (const user of [techNorth, techNorth2, managerNorth, techEast, trainer]) tokens.set(user.id, (await createApiToken({ userId: user.id, name: 'test' })).token)
  const [model] = await ensureVehicleModels()
  modelName = model.nameEn
  modelId = model.id
})

describe('writing bulletins', () => {
  test('only trainers, engineers and admins write them; a technician gets 403 and nothing is stored', async () => {
    const before = await getDb().bulletin.count()
    expect((await create(techNorth, body())).status).toBe(403)
    expect((await create(null, body())).status).toBe(401)
    expect(await getDb().bulletin.count()).toBe(before)
  })

  test('bad input gets one message per field and stores nothing', async () => {
    const before = await getDb().bulletin.count()
    const response = await create(trainer, body({ title: 'x', type: 'memo', dtcs: ['P01'], yearFrom: 2024, yearTo: 2020, audience: { regions: ['Atlantis'], stations: ['NOPE'] }, models: ['Trabant'] }))
    expect(response.status).toBe(400)
    const { errors } = (await response.json()) as { errors: Record<string, string> }
    expect(Object.keys(errors)).toEqual(expect.arrayContaining(['title', 'type', 'dtcs.0']))
    // References are checked once the shape is right.
    const unknown = await create(trainer, body({ audience: { regions: ['Atlantis'], stations: ['NOPE'] }, models: ['Trabant'] }))
    expect(unknown.status).toBe(400)
    expect(((await unknown.json()) as { errors: Record<string, string> }).errors).toEqual({
      'models.0': 'unknown model "Trabant"',
      'audience.stations.0': 'unknown station "NOPE"',
      'audience.regions.0': 'no station is in the region "Atlantis"',
    })
    expect(await getDb().bulletin.count()).toBe(before)
  })
})

describe('reading bulletins', () => {
  test('a region-targeted bulletin reaches that region only, with a notification each', async () => {
    const id = await created(trainer)
    expect(ids(await list(techNorth))).toContain(id)
    expect(ids(await list(managerNorth))).toContain(id)
    expect(ids(await list(techEast))).not.toContain(id)
    const notified = await getDb().notification.findMany({ where: { link: `/bulletins/${id}` }, select: { userId: true } })
    expect(notified.map((row) => row.userId)).toEqual(expect.arrayContaining([techNorth.id, techNorth2.id, managerNorth.id]))
    expect(notified.map((row) => row.userId)).not.toContain(techEast.id)
  })

  test('filters: the bulletin applies only to its model, years, DTCs and systems', async () => {
    const id = await created(trainer, { title: 'P0128 filters', audience: {} })
    expect(ids(await list(techEast, `?model=${encodeURIComponent(modelName)}&year=2021&dtc=p0128&system=engine`))).toContain(id)
    expect(ids(await list(techEast, '?dtc=P0300'))).not.toContain(id)
    expect(ids(await list(techEast, '?year=2024'))).not.toContain(id)
    expect(ids(await list(techEast, '?system=body'))).not.toContain(id)
    expect(ids(await list(techEast, '?model=Trabant'))).not.toContain(id)
    const invalid = await callRoute(() => listApi(routeArgs(jsonRequest('/api/bulletins?dtc=zzz', { token: token(techEast) }))))
    expect(invalid.status).toBe(400)
  })

  test('acknowledging is idempotent and shows; outside the audience it is a 404', async () => {
    const id = await created(trainer, { title: 'Acknowledge me' })
    expect((await ack(techNorth, id)).status).toBe(200)
    const first = await getDb().bulletinRead.findUniqueOrThrow({ where: { bulletinId_userId: { bulletinId: id, userId: techNorth.id } } })
    expect((await ack(techNorth, id)).status).toBe(200)
    const second = await getDb().bulletinRead.findUniqueOrThrow({ where: { bulletinId_userId: { bulletinId: id, userId: techNorth.id } } })
    expect(second.acknowledgedAt).toEqual(first.acknowledgedAt)
    expect((await list(techNorth)).find((bulletin) => bulletin.id === id)).toMatchObject({ requiresAck: true, acknowledged: true, type: 'tsb' })
    expect((await ack(techEast, id)).status).toBe(404)
  })

  test('a superseded, expired or not yet published bulletin is not listed; a future one is announced when due', async () => {
    const old = await created(trainer, { title: 'Old advice', audience: {} })
    await created(trainer, { title: 'New advice', supersedes: old, audience: {} })
    expect(ids(await list(techEast))).not.toContain(old)

    const expiring = await created(trainer, { title: 'Short-lived', audience: {} })
    await getDb().bulletin.update({ where: { id: expiring }, data: { expiresAt: new Date(Date.now() - 1000) } })
    expect(ids(await list(techEast))).not.toContain(expiring)

    const later = await created(trainer, { title: 'Next week', audience: {}, publishAt: new Date(Date.now() + 7 * 86_400_000).toISOString() })
    expect(ids(await list(techEast))).not.toContain(later)
    expect(await getDb().notification.count({ where: { link: `/bulletins/${later}` } })).toBe(0)
    expect(await announceDueBulletins(new Date(Date.now() + 8 * 86_400_000))).toBeGreaterThan(0)
    expect(await getDb().notification.count({ where: { link: `/bulletins/${later}`, userId: techEast.id } })).toBe(1)
    // Announced once only.
    await announceDueBulletins(new Date(Date.now() + 9 * 86_400_000))
    expect(await getDb().notification.count({ where: { link: `/bulletins/${later}`, userId: techEast.id } })).toBe(1)
  })

  test('a case or request sees the bulletins about its vehicle and fault codes', async () => {
    const id = await created(trainer, { title: 'For this vehicle', audience: {} })
    const shown = (dtcs: string[], year = 2021) => bulletinsForVehicle({ user: techEast, modelId, year, systemCode: 'engine', dtcs }).then(ids)
    expect(await shown(['P0128', 'P0300'])).toContain(id)
    expect(await shown(['P0300'])).not.toContain(id)
    expect(await shown(['P0128'], 2024)).not.toContain(id)
  })
})

describe('the case page\'s bulletins in SQL', () => {
  test('show exactly what the audience and applicability rules allow, to every reader and vehicle', async () => {
    const author = trainer.id
    const now = Date.now()
    const variants: Array<Partial<Prisma.BulletinUncheckedCreateInput>> = [
      {},
      { audienceRoles: ['TECHNICIAN'] },
      { audienceRoles: ['STATION_MANAGER'], audienceRegions: ['North-test'] },
      { audienceStations: [east.code] },
      { audienceRegions: ['East-test'], modelIds: [] },
      { modelIds: [], systems: [], dtcs: [] },
      { dtcs: [], systems: ['engine'] },
      { dtcs: ['P0300', 'P0171'] },
      { yearFrom: 2022 },
      { yearTo: 2020 },
      { vinFrom: 'LB3', vinTo: 'LB4' },
      { expiresAt: new Date(now - 1000) },
      { expiresAt: new Date(now + 86_400_000) },
      { publishedAt: new Date(now + 86_400_000) },
      { publishedAt: null },
      // Lists never written (NULL): neither empty nor holding anything, for Prisma as for the SQL.
      { audienceStations: undefined },
      { systems: undefined, dtcs: [] },
    ]
    const ids: string[] = []
    for (const [index, variant] of variants.entries()) {
      const row = await getDb().bulletin.create({
        data: { title: `Parity ${index}`, type: 'TSB', body: {}, bodyHtml: '', bodyText: '', authorId: author, modelIds: [modelId], systems: ['engine'], dtcs: ['P0128'], audienceRoles: [], audienceRegions: [], audienceStations: [], publishedAt: new Date(now - 60_000), ...variant },
        select: { id: true },
      })
      ids.push(row.id)
    }
    // A successor: published (hides its predecessor) and unpublished (does not).
    await getDb().bulletin.create({ data: { title: 'Successor', type: 'TSB', body: {}, bodyHtml: '', bodyText: '', authorId: author, supersedesId: ids[0], modelIds: ['-'], publishedAt: new Date(now - 1000) } })
    await getDb().bulletin.create({ data: { title: 'Draft successor', type: 'TSB', body: {}, bodyHtml: '', bodyText: '', authorId: author, supersedesId: ids[1], modelIds: ['-'] } })
    const vehicles = [
      { modelId, year: 2021, vin: 'LB37X', systemCode: 'engine', dtcs: ['P0128'] },
      { modelId, year: 2023, vin: null, systemCode: 'engine', dtcs: ['P0171'] },
      { modelId, year: 2019, vin: 'LC000', systemCode: 'body', dtcs: [] },
      { modelId: 'other-model', year: null, vin: null, systemCode: null, dtcs: ['P0300'] },
    ]
    let seen = 0
    for (const user of [techNorth, managerNorth, techEast, trainer]) {
      const reader = await readerOf(user)
      for (const vehicle of vehicles) {
        const expected = await getDb().bulletin.findMany({
          where: {
            id: { in: ids },
            AND: [
              bulletinsForReaderWhere(reader),
              applicabilityWhere({ modelId: vehicle.modelId, year: vehicle.year ?? undefined, vin: vehicle.vin ?? undefined, system: vehicle.systemCode ?? undefined }),
              { OR: [{ dtcs: { hasSome: vehicle.dtcs.length > 0 ? vehicle.dtcs : ['-'] } }, { dtcs: { isEmpty: true }, NOT: { modelIds: { isEmpty: true }, systems: { isEmpty: true } } }] },
            ],
          },
          select: { id: true },
        })
        const shown = (await bulletinsForVehicle({ user, ...vehicle })).filter((bulletin) => ids.includes(bulletin.id))
        expect(shown.map((bulletin) => bulletin.id).sort(), `${user.role} ${JSON.stringify(vehicle)}`).toEqual(expected.map((row) => row.id).sort())
        if (shown[0]) expect(shown[0].publishedAt).toEqual(new Date(now - 60_000))
        seen += shown.length
      }
    }
    expect(seen).toBeGreaterThan(20)
  })
})

describe('read receipts', () => {
  test('per station and region: addressed, read, acknowledged; CSV for Excel', async () => {
    const id = await created(trainer, { title: 'Receipts' })
    await ack(techNorth, id)
    const { totals, regions, stations } = await bulletinReceipts(id)
    expect(totals).toEqual({ addressed: 3, read: 1, acknowledged: 1 })
    expect(regions).toEqual([{ region: 'North-test', addressed: 3, read: 1, acknowledged: 1 }])
    expect(stations).toEqual([{ code: north.code, name: expect.any(String), region: 'North-test', addressed: 3, read: 1, acknowledged: 1 }])
    const csv = receiptsCsv(await receiptsByStation(id), ['region', 'station', 'name', 'addressed', 'read', 'acknowledged', 'rate'])
    expect(csv.startsWith('\uFEFFregion,station,name,addressed,read,acknowledged,rate\r\n')).toBe(true)
    expect(csv).toContain(`North-test,${north.code},`)
    expect(csv).toContain(',3,1,1,33%\r\n')
  })

  test('editing is for the author or an admin', async () => {
    const id = await created(trainer, { title: 'Mine' })
    const otherTrainer = await createTestUser({ role: 'TRAINER' })
    const input = bulletinInputSchema.parse(body({ title: 'Not yours' }))
    expect(await saveBulletin({ user: otherTrainer, input, bulletinId: id })).toEqual({ ok: false, reason: 'forbidden' })
    expect(await saveBulletin({ user: techNorth, input })).toEqual({ ok: false, reason: 'forbidden' })
    expect((await saveBulletin({ user: trainer, input: { ...input, title: 'Mine, edited' }, bulletinId: id })).ok).toBe(true)
  })
})
