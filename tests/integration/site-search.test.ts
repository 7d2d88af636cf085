import { beforeAll, describe, expect, test } from 'vitest'
import { toRichDoc } from '../../app/editor/rich-text.server'
import { saveBulletin } from '../../app/modules/bulletins/bulletin.server'
import { bulletinInputSchema } from '../../app/modules/bulletins/schema'
import { createCase } from '../../app/modules/cases/case.server'
import { createQuestion, updateQuestion } from '../../app/modules/forum/questions.server'
import { questionInputSchema } from '../../app/modules/forum/schema'
import { loader as searchApi } from '../../app/routes/api.search'
import { createApiToken } from '../../app/utils/api-token.server'
import { getDb } from '../../app/utils/db.server'
import type { SessionUser } from '../../app/utils/session-user'
import { ensureSearchIndexes } from '../../search/indexed-entities'
import { drainOutbox } from '../../search/outbox-indexer'
import { searchSite } from '../../search/search-all'
import { caseContent, createStation, createTestUser, ensureVehicleModels } from '../factories'
import { callRoute, jsonRequest, routeArgs } from '../route-calls'

// One search over cases, bulletins and questions: real PostgreSQL, real Meilisearch, the real
// route; every change reaches the indexes through the outbox, and a hit is one the caller may open.
type ApiHit = { type: string; id: string; title: string; snippet: string; url: string }

const DTC = 'B1A42'
let techNorth: SessionUser
let techEast: SessionUser
let trainer: SessionUser
let engineer: SessionUser
const tokens = new Map<string, string>()
const ids: Record<string, string> = {}

const search = async (user: SessionUser, query: string) => {
  const response = await callRoute(() => searchApi(routeArgs(jsonRequest(`/api/search?${query}`, { token: tokens.get(user.id) }))))
  expect(response.status).toBe(200)
  return (await response.json()) as { hits: ApiHit[]; estimatedTotalHits: number; degraded: boolean }
}
const typed = (hits: ApiHit[]) => hits.map((hit) => `${hit.type}:${hit.id}`).sort()

async function publishBulletin(overrides: Record<string, unknown>) {
  const input = bulletinInputSchema.parse({ title: `${DTC} 车身控制模块通讯检查`, type: 'tsb', body: `读取 ${DTC} 后先检查车身控制模块供电。`, dtcs: [DTC], requiresAck: true, publish: true, ...overrides })
  const saved = await saveBulletin({ user: trainer, input })
  if (!saved.ok) throw new Error(`bulletin not saved: ${JSON.stringify(saved)}`)
  return saved.id
}

beforeAll(async () => {
  const north = await createStation({ region: 'North-search' })
  const east = await createStation({ region: 'East-search' })
  techNorth = await createTestUser({ stationId: north.id })
  techEast = await createTestUser({ stationId: east.id })
  trainer = await createTestUser({ role: 'TRAINER' })
  engineer = await createTestUser({ role: 'ENGINEER' })
  for (const user of [techNorth, techEast, trainer]) tokens.set(user.id, (await createApiToken({ userId: user.id, name: 'test' })).token)
  await ensureVehicleModels()
  await ensureSearchIndexes()

  ids.case = (await createCase({ author: engineer, status: 'APPROVED', content: await caseContent({ title: `${DTC} 车身控制模块间歇失去通讯`, dtcs: [DTC], language: 'zh', symptoms: toRichDoc('仪表偶尔黑屏，门锁无反应') }) })).id
  ids.northBulletin = await publishBulletin({ audience: { regions: ['North-search'] } })
  ids.draftBulletin = await publishBulletin({ title: `${DTC} 草稿通报`, publish: false })
  const asked = await createQuestion({ user: techNorth, input: questionInputSchema.parse({ title: `${DTC} 报码后门锁失灵怎么查？`, body: '清码后又出现，换过门锁电机。', dtcs: [DTC] }) })
  if (!asked.ok) throw new Error('question not saved')
  ids.question = asked.id
  await drainOutbox()
})

describe('GET /api/search', () => {
  test('a DTC finds the case, the bulletin and the question, each labelled with its type and where it opens', async () => {
    const { hits, degraded } = await search(techNorth, `q=${DTC}&type=all`)
    expect(degraded).toBe(false)
    expect(typed(hits)).toEqual([`bulletin:${ids.northBulletin}`, `case:${ids.case}`, `question:${ids.question}`].sort())
    const byType = Object.fromEntries(hits.map((hit) => [hit.type, hit]))
    expect(byType.case.url).toBe(`/cases/${ids.case}`)
    expect(byType.bulletin.url).toBe(`/bulletins/${ids.northBulletin}`)
    expect(byType.question.url).toBe(`/forum/${ids.question}`)
    expect(byType.question.title).toContain('门锁失灵')
    expect(byType.bulletin.snippet).toContain(`<mark>${DTC}</mark>`)
  })

  test('type narrows the search to one kind', async () => {
    expect(typed((await search(techNorth, `q=${DTC}&type=bulletin`)).hits)).toEqual([`bulletin:${ids.northBulletin}`])
    expect(typed((await search(techNorth, `q=${DTC}&type=question`)).hits)).toEqual([`question:${ids.question}`])
    expect(typed((await search(techNorth, `q=${DTC}&type=case`)).hits)).toEqual([`case:${ids.case}`])
    expect((await search(techNorth, `q=${DTC}`)).hits).toHaveLength(3)
  })

  test('a bulletin outside the caller\'s audience is not found; drafts are found by nobody, editors see every published one', async () => {
    expect(typed((await search(techEast, `q=${DTC}`)).hits)).toEqual([`case:${ids.case}`, `question:${ids.question}`].sort())
    expect(typed((await search(trainer, `q=${DTC}&type=bulletin`)).hits)).toEqual([`bulletin:${ids.northBulletin}`])
  })

  test('bad parameters get field errors, anonymous callers 401', async () => {
    const response = await callRoute(() => searchApi(routeArgs(jsonRequest('/api/search?q=x&type=everything', { token: tokens.get(techNorth.id) }))))
    expect(response.status).toBe(400)
    expect(Object.keys(((await response.json()) as { errors: Record<string, string> }).errors)).toEqual(['type'])
    expect((await callRoute(() => searchApi(routeArgs(jsonRequest('/api/search?q=x'))))).status).toBe(401)
  })
})

describe('kept consistent through the outbox', () => {
  test('an edited question is found by its new words once the outbox is drained', async () => {
    const question = await getDb().forumQuestion.findUniqueOrThrow({ where: { id: ids.question }, select: { version: true } })
    const edited = await updateQuestion({ user: techNorth, questionId: ids.question, version: question.version, input: questionInputSchema.parse({ title: `${DTC} 报码后遥控钥匙偶发失灵`, body: '清码后又出现。', dtcs: [DTC] }) })
    expect(edited.ok).toBe(true)
    expect(await getDb().searchOutbox.count({ where: { entity: 'question', entityId: ids.question } })).toBeGreaterThan(0)
    await drainOutbox()
    const [hit] = (await search(techNorth, `q=${encodeURIComponent('遥控钥匙')}&type=question`)).hits
    expect(hit?.id).toBe(ids.question)
  })

  test('a published successor hides the bulletin it supersedes; expiry hides a bulletin from then on', async () => {
    const successor = await publishBulletin({ title: `${DTC} 车身控制模块通讯检查（修订）`, supersedes: ids.northBulletin, audience: { regions: ['North-search'] }, expiresAt: new Date(Date.now() + 30 * 86_400_000).toISOString() })
    await drainOutbox()
    expect(typed((await search(techNorth, `q=${DTC}&type=bulletin`)).hits)).toEqual([`bulletin:${successor}`])
    const viewer = { role: 'TECHNICIAN', region: 'North-search', stationCode: null }
    const later = await searchSite({ q: DTC, type: 'bulletin', bulletinViewer: viewer, limit: 20, offset: 0, now: new Date(Date.now() + 31 * 86_400_000) })
    expect(later.hits).toEqual([])
  })
})

describe('without Meilisearch', () => {
  test('the database answers, flagged as degraded, with the same audience rule', async () => {
    const meiliUrl = process.env.MEILI_URL
    process.env.MEILI_URL = 'http://127.0.0.1:9'
    try {
      const north = await search(techNorth, `q=${DTC}`)
      expect(north.degraded).toBe(true)
      expect(north.hits.map((hit) => hit.type).sort()).toEqual(['bulletin', 'case', 'question'])
      const east = await search(techEast, `q=${DTC}`)
      expect(east.hits.map((hit) => hit.type).sort()).toEqual(['case', 'question'])
    } finally {
      process.env.MEILI_URL = meiliUrl
    }
  })
})
