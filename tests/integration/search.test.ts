import { beforeAll, describe, expect, test } from 'vitest'
import { toRichDoc } from '../../app/editor/rich-text.server'
import { createCase, transitionCase } from '../../app/modules/cases/case.server'
import type { SessionUser } from '../../app/utils/session-user'
import { getDb } from '../../app/utils/db.server'
import { ensureCaseIndex } from '../../search/case-index'
import { drainOutbox } from '../../search/outbox-indexer'
import { searchCases } from '../../search/search-cases'
import { caseContent, createTestUser, ensureVehicleModels } from '../factories'

let author: SessionUser
let expert: SessionUser
const ids: Record<string, string> = {}

const search = (q: string, filters: Partial<Parameters<typeof searchCases>[0]> = {}) =>
  searchCases({ q, limit: 20, offset: 0, ...filters })

beforeAll(async () => {
  author = await createTestUser()
  expert = await createTestUser({ role: 'ENGINEER' })
  const models = await ensureVehicleModels()
  const boyue = models.find((model) => model.nameEn === 'Boyue')!
  const emgrand = models.find((model) => model.nameEn === 'Emgrand')!
  await ensureCaseIndex()

  const published = async (key: string, overrides: Parameters<typeof caseContent>[0]) => {
    const created = await createCase({ author, content: await caseContent(overrides), status: 'APPROVED' })
    ids[key] = created.id
  }
  await published('lean', { title: '冷车怠速抖动，故障灯亮', dtcs: ['P0171'], modelId: boyue.id, language: 'zh', symptoms: toRichDoc('冷车启动后发动机怠速抖动明显') })
  await published('rich', { title: 'Engine runs rich at idle', dtcs: ['P0172'], modelId: boyue.id, symptoms: toRichDoc('Black smoke and fuel smell') })
  await published('slip', {
    title: 'Transmission slips in 3rd gear',
    dtcs: ['P0733'],
    systemCode: 'transmission',
    modelId: emgrand.id,
    symptoms: toRichDoc('Engine flares when shifting into third'),
  })
  await published('noise', { title: '过减速带底盘异响', dtcs: [], systemCode: 'chassis', modelId: emgrand.id, language: 'zh', symptoms: toRichDoc('前部咯噔声') })
  const draft = await createCase({ author, content: await caseContent({ title: 'Secret draft transmission case' }) })
  ids.draft = draft.id
  await drainOutbox()
})

describe('case search', () => {
  test('only published cases are indexed', async () => {
    const result = await search('')
    expect(result.hits.map((hit) => hit.id).sort()).toEqual([ids.lean, ids.rich, ids.slip, ids.noise].sort())
  })

  test('English with typos finds the case', async () => {
    const result = await search('transmision slipps')
    expect(result.hits[0]?.id).toBe(ids.slip)
  })

  test('Chinese is segmented: a phrase inside a longer sentence matches', async () => {
    const result = await search('怠速抖动')
    expect(result.hits[0]?.id).toBe(ids.lean)
  })

  test('a DTC matches exactly: P0171 never returns the P0172 case', async () => {
    const result = await search('P0171')
    expect(result.hits.map((hit) => hit.id)).toEqual([ids.lean])
    const mixed = await search('p0171 冷车怠速抖')
    expect(mixed.hits[0]?.id).toBe(ids.lean)
  })

  test('synonyms bridge languages: "noise" finds 异响', async () => {
    const result = await search('noise')
    expect(result.hits.map((hit) => hit.id)).toContain(ids.noise)
  })

  test('a model is found by its Chinese and its English name', async () => {
    const zh = await search('帝豪')
    const en = await search('Emgrand')
    expect(zh.hits.map((hit) => hit.id).sort()).toEqual([ids.slip, ids.noise].sort())
    expect(en.hits.map((hit) => hit.id).sort()).toEqual([ids.slip, ids.noise].sort())
  })

  test('facets count and filter', async () => {
    const all = await search('')
    expect(all.facets.system).toEqual({ engine: 2, transmission: 1, chassis: 1 })
    const filtered = await search('', { system: 'engine', dtc: 'p0172' })
    expect(filtered.hits.map((hit) => hit.id)).toEqual([ids.rich])
    // Only the facets asked for are counted (the search page shows no count for classic).
    const some = await search('', { facets: ['system'] })
    expect(some.facets.system).toEqual(all.facets.system)
    expect(some.facets.classic).toEqual({})
    expect(some.facets.year).toEqual({})
  })

  test('matches come back as highlighted text parts, never as HTML', async () => {
    const result = await search('Black smoke')
    const snippet = result.hits[0].snippetParts
    expect(snippet.filter((part) => part.hit).map((part) => part.text)).toEqual(['Black', 'smoke'])
  })

  test('browsing (no words) lists the newest first, each with the start of its symptoms, nothing marked', async () => {
    const result = await search('', { system: 'chassis' })
    expect(result.hits.map((hit) => hit.id)).toEqual([ids.noise])
    const [hit] = result.hits
    expect(hit.titleParts).toEqual([{ text: '过减速带底盘异响', hit: false }])
    expect(hit.snippetParts).toEqual([{ text: '前部咯噔声', hit: false }])
    const all = await search('')
    const rows = await getDb().repairCase.findMany({ where: { id: { in: all.hits.map((h) => h.id) } }, select: { id: true, approvedAt: true } })
    // The index keeps approval times in seconds.
    const approvedSecond = new Map(rows.map((row) => [row.id, Math.floor(row.approvedAt!.getTime() / 1000)]))
    const seconds = all.hits.map((h) => approvedSecond.get(h.id)!)
    expect(all.hits.length).toBeGreaterThanOrEqual(4)
    expect(seconds).toEqual([...seconds].sort((a, b) => b - a))
  })

  test('approving a draft puts it in the index and empties the outbox', async () => {
    await transitionCase({ user: author, caseId: ids.draft, action: 'submit' })
    await transitionCase({ user: expert, caseId: ids.draft, action: 'approve' })
    await drainOutbox()
    expect((await search('Secret draft')).hits.map((hit) => hit.id)).toEqual([ids.draft])
    expect(await getDb().searchOutbox.count()).toBe(0)
  })
})
