import { beforeAll, describe, expect, test } from 'vitest'
import net from 'node:net'
import { toRichDoc } from '../../app/editor/rich-text.server'
import { createApiToken } from '../../app/utils/api-token.server'
import { createCase } from '../../app/modules/cases/case.server'
import type { SessionUser } from '../../app/utils/session-user'
import { loader as getCaseApi } from '../../app/routes/api.cases.$caseId'
import { action as postCaseApi } from '../../app/routes/api.cases'
import { loader as searchApi } from '../../app/routes/api.cases.search'
import { loader as health } from '../../app/routes/healthz'
import { ensureCaseIndex } from '../../search/case-index'
import { drainOutbox } from '../../search/outbox-indexer'
import { caseContent, createStation, createTestUser, sessionCookieFor } from '../factories'
import { callRoute, routeArgs } from '../route-calls'

let tech: SessionUser
let otherTech: SessionUser
let expert: SessionUser
let techToken: string
let expertToken: string

const args = routeArgs
const call = callRoute

const body = {
  externalId: 'DMS-77',
  title: 'Brake judder at 100 km/h',
  model: 'Boyue',
  year: 2021,
  system: 'chassis',
  dtcs: ['c0035'],
  symptoms: 'Steering wheel shakes when braking from speed',
  diagnosis: '<p>Measured disc runout: <strong>0.09 mm</strong></p><p><a href="javascript:alert(1)">details</a><img src=x onerror=alert(1)></p>',
  rootCause: 'Warped front discs',
  fix: 'Replaced discs and pads',
  language: 'en',
}

const post = (token: string | undefined, payload: unknown, contentType = 'application/json') =>
  call(() =>
    postCaseApi(
      args(
        new Request('http://test/api/cases', {
          method: 'POST',
          headers: { 'Content-Type': contentType, ...(token ? { Authorization: `Bearer ${token}` } : {}) },
          body: typeof payload === 'string' ? payload : JSON.stringify(payload),
        }),
      ),
    ),
  )

const get = (url: string, token?: string, params: Record<string, string> = {}, route = getCaseApi) =>
  call(() => route(args(new Request(`http://test${url}`, { headers: token ? { Authorization: `Bearer ${token}` } : {} }), params)))

beforeAll(async () => {
  const station = await createStation()
  tech = await createTestUser({ stationId: station.id })
  otherTech = await createTestUser({ stationId: (await createStation()).id })
  expert = await createTestUser({ role: 'ENGINEER' })
  techToken = (await createApiToken({ userId: tech.id, name: 'dms' })).token
  expertToken = (await createApiToken({ userId: expert.id, name: 'dms' })).token
  await (await import('../factories')).ensureVehicleModels()
  await ensureCaseIndex()
})

describe('authentication', () => {
  test('anonymous calls get 401', async () => {
    expect((await post(undefined, body)).status).toBe(401)
    expect((await get('/api/cases/search?q=x', undefined, {}, searchApi)).status).toBe(401)
    expect((await get('/api/cases/abc', undefined, { caseId: 'abc' })).status).toBe(401)
  })

  test('a wrong token gets 401, the session cookie works like a token', async () => {
    expect((await get('/api/cases/search?q=x', 'gtac_wrong', {}, searchApi)).status).toBe(401)
    const cookie = await sessionCookieFor(tech.id)
    const response = await call(() => searchApi(args(new Request('http://test/api/cases/search?q=x', { headers: { Cookie: cookie } }))))
    expect(response.status).toBe(200)
  })
})

describe('POST /api/cases', () => {
  test('bad input is a 400 with one message per field, and nothing is written', async () => {
    const response = await post(techToken, { ...body, externalId: 'DMS-BAD', vin: 'IOQ', year: 1850, dtcs: ['NOPE1'], parts: [{ number: '', name: 'x', qty: 0 }] })
    expect(response.status).toBe(400)
    const { errors } = await response.json()
    expect(Object.keys(errors).sort()).toEqual(['dtcs.0', 'parts.0.number', 'parts.0.qty', 'vin', 'year'])
    const lookup = await get('/api/cases/search?q=DMS-BAD', techToken, {}, searchApi)
    expect((await lookup.json()).hits).toEqual([])
  })

  test('a body that is not JSON is rejected', async () => {
    expect((await post(techToken, '{oops')).status).toBe(400)
    expect((await post(techToken, 'title=x', 'application/x-www-form-urlencoded')).status).toBe(415)
  })

  test('a technician may not publish directly', async () => {
    const response = await post(techToken, { ...body, externalId: 'DMS-PUB', status: 'approved' })
    expect(response.status).toBe(403)
  })

  test('creates a draft; GET returns safe server-rendered HTML; other stations get 404', async () => {
    const created = await post(techToken, body)
    expect(created.status).toBe(201)
    const { id } = await created.json()

    const response = await get(`/api/cases/${id}`, techToken, { caseId: id })
    expect(response.status).toBe(200)
    const record = await response.json()
    expect(record).toMatchObject({ id, externalId: 'DMS-77', status: 'DRAFT', dtcs: ['C0035'] })
    expect(record.diagnosisHtml).toContain('<strong>0.09 mm</strong>')
    expect(record.diagnosisHtml).not.toMatch(/javascript:|onerror|<script/i)
    expect(record.symptomsHtml).toBe('<p>Steering wheel shakes when braking from speed</p>')

    expect((await get(`/api/cases/${id}`, (await createApiToken({ userId: otherTech.id, name: 't' })).token, { caseId: id })).status).toBe(404)
    expect((await get('/api/cases/missing', techToken, { caseId: 'missing' })).status).toBe(404)
  })
})

describe('GET /api/cases/search', () => {
  test('returns hits in the documented shape, with facets and escaped snippets', async () => {
    const published = await createCase({
      author: expert,
      content: await caseContent({
        title: 'Idle hunting after cold start',
        dtcs: ['P0505'],
        symptoms: toRichDoc('Idle hunting between 600 < rpm < 1100 with <script>alert(1)</script> in the notes'),
      }),
      status: 'CLASSIC',
    })
    const imported = await post(expertToken, { ...body, externalId: 'DMS-88', title: 'Imported brake judder case', status: 'approved' })
    expect(imported.status).toBe(201)
    await drainOutbox()

    const response = await get('/api/cases/search?q=idle%20hunting&classic=true&limit=5', techToken, {}, searchApi)
    expect(response.status).toBe(200)
    const result = await response.json()
    expect(result.hits).toHaveLength(1)
    expect(Object.keys(result.hits[0]).sort()).toEqual(
      ['classic', 'dtcs', 'externalId', 'id', 'model', 'modelEn', 'modelId', 'snippet', 'system', 'title', 'year'].sort(),
    )
    expect(result.hits[0]).toMatchObject({ id: published.id, externalId: null, classic: true, dtcs: ['P0505'] })
    expect(result.hits[0].snippet).toContain('<mark>Idle</mark> <mark>hunting</mark>')
    expect(result.hits[0].snippet).toContain('600 &lt; rpm &lt; 1100')
    expect(result.hits[0].snippet).not.toContain('<script>')
    expect(typeof result.estimatedTotalHits).toBe('number')
    expect(typeof result.processingTimeMs).toBe('number')
    expect(result.facets.system).toEqual([{ value: 'engine', label: 'engine', count: 1 }])

    const byModelName = await (await get('/api/cases/search?q=&model=%E5%8D%9A%E8%B6%8A', techToken, {}, searchApi)).json()
    expect(byModelName.hits.map((hit: { externalId: string }) => hit.externalId)).toContain('DMS-88')

    const bad = await get('/api/cases/search?limit=1000', techToken, {}, searchApi)
    expect(bad.status).toBe(400)
    expect((await bad.json()).errors.limit).toBeTruthy()
  })
})

describe('GET /healthz', () => {
  test('reports database, search and outbox depth', async () => {
    const response = await health()
    expect(response.status).toBe(200)
    expect(await response.json()).toEqual({ status: 'ok', db: 'ok', search: 'ok', outbox: expect.any(Number) })
  })

  test('names the failing part within a few seconds when Meilisearch hangs', async () => {
    // Accepts connections and never answers, like a wedged server.
    const hanging = net.createServer(() => {})
    await new Promise<void>((resolve) => hanging.listen(0, '127.0.0.1', () => resolve()))
    const saved = process.env.MEILI_URL
    process.env.MEILI_URL = `http://127.0.0.1:${(hanging.address() as net.AddressInfo).port}`
    try {
      const started = Date.now()
      const response = await health()
      expect(response.status).toBe(503)
      const status = await response.json()
      expect(status.db).toBe('ok')
      expect(status.search).toMatch(/^error/)
      expect(Date.now() - started).toBeLessThan(5000)
    } finally {
      process.env.MEILI_URL = saved
      hanging.close()
    }
  })
})
