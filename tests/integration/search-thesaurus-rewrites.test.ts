import { beforeAll, describe, expect, test } from 'vitest'
import { toRichDoc } from '../../app/editor/rich-text.server'
import { createCase } from '../../app/modules/cases/case.server'
import { saveSynonymGroup } from '../../app/modules/search/vocabulary.server'
import { loader as vocabularyPage } from '../../app/routes/search.vocabulary._index'
import type { SessionUser } from '../../app/utils/session-user'
import { ensureSearchIndexes } from '../../search/indexed-entities'
import { drainOutbox } from '../../search/outbox-indexer'
import { searchCases } from '../../search/search-cases'
import { searchSite } from '../../search/search-all'
import { thesaurusRewriteOf, thesaurusRewritesLearned } from '../../search/thesaurus-rewrites'
import { caseContent, createTestUser, ensureVehicleModels, sessionCookieFor } from '../factories'
import { routeArgs } from '../route-calls'

// Meilisearch expands a thesaurus entry only when it is at most three words once tokenized, so
// entries such as 车往一边跑, "pulls to one side" or the standard term 发动机异响 did nothing by
// themselves: the portal rewrites them into an entry of the same group that expands.
let engineer: SessionUser
const ids: Record<string, string> = {}

const top5 = async (q: string) => (await searchCases({ q, limit: 5, offset: 0 })).hits.map((hit) => hit.id)

async function library(key: string, title: string, symptoms: string, language: 'zh' | 'en', systemCode = 'engine') {
  const content = await caseContent({ title, symptoms: toRichDoc(symptoms), dtcs: [], systemCode, language, rootCause: toRichDoc('—'), fix: toRichDoc('—'), diagnosis: toRichDoc('—') })
  ids[key] = (await createCase({ author: engineer, status: 'APPROVED', content })).id
}

beforeAll(async () => {
  engineer = await createTestUser({ role: 'ENGINEER' })
  await ensureVehicleModels()
  await ensureSearchIndexes()
  await library('pull', '行驶跑偏，方向盘不正', '直线行驶时车辆向右偏。', 'zh', 'chassis')
  await library('knock', 'Engine knock under load', 'Metallic engine knock when accelerating uphill.', 'en')
  await library('camera', 'Rear camera black after reversing', 'The screen stays black when reverse is selected.', 'en', 'electrical')
  await library('oil', '机油消耗过大', '每1000公里机油消耗约1升。', 'zh')
  // Distractors sharing words with the queries.
  await library('other1', '刹车片更换后异响', '更换刹车片后倒车时有响声。', 'zh', 'chassis')
  await library('other2', 'Door trim rattle', 'Rattle from the door trim on one side.', 'en', 'body')
  await library('musty', '空调霉味处理', '打开空调后车内有霉味。', 'zh', 'hvac')
  await drainOutbox()
  await thesaurusRewritesLearned()
}, 120_000)

describe('thesaurus entries longer than Meilisearch looks up', () => {
  test('colloquial Chinese, English and standard terms of several words find their group', async () => {
    expect(await top5('车往一边跑')).toContain(ids.pull)
    expect(await top5('pulls to one side')).toContain(ids.pull)
    expect(await top5('发动机异响')).toContain(ids.knock)
    expect(await top5('倒车影像不显示')).toContain(ids.camera)
    expect(await top5('机油少得快')).toContain(ids.oil)
  })

  test('the site search (cases, bulletins, questions) rewrites them too', async () => {
    const hits = await searchSite({ q: '车往一边跑', type: 'case', bulletinViewer: 'all-bulletins', limit: 5, offset: 0 })
    expect(hits.hits.map((hit) => hit.id)).toContain(ids.pull)
  })

  test("a curator's new long entry works as soon as the thesaurus is applied, without reindexing", async () => {
    expect(await top5('车子老是往右边跑')).not.toContain(ids.pull)
    await saveSynonymGroup({ user: engineer, input: { standard: '行驶跑偏', colloquial: ['车子老是往右边跑'], english: [], systemCode: 'chassis' } })
    await drainOutbox()
    await thesaurusRewritesLearned()
    expect(await top5('车子老是往右边跑')).toContain(ids.pull)
  })

  test('when no case mentions the rewritten group, the words as typed still find what they match', async () => {
    await saveSynonymGroup({ user: engineer, input: { standard: '蒸发箱发霉', colloquial: ['空调吹出来一股霉味'], english: [], systemCode: 'hvac' } })
    await drainOutbox()
    await thesaurusRewritesLearned()
    expect(thesaurusRewriteOf('空调吹出来一股霉味')).toBe('蒸发箱发霉')
    expect(await top5('空调吹出来一股霉味')).toContain(ids.musty)
  })

  test('the vocabulary page tells curators which words search looks up as another word of their group', async () => {
    const request = new Request(`http://test/search/vocabulary?q=${encodeURIComponent('行驶跑偏')}`, { headers: { Cookie: await sessionCookieFor(engineer.id) } })
    const page = (await vocabularyPage(routeArgs(request))) as { rewrites: Record<string, string> }
    expect(page.rewrites).toMatchObject({ 车往一边跑: '跑偏', 'pulls to one side': 'drifts', 车子老是往右边跑: expect.any(String) })
    expect(page.rewrites['跑偏']).toBeUndefined()
  })
})
