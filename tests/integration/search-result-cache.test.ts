import { beforeAll, describe, expect, test } from 'vitest'
import { toRichDoc } from '../../app/editor/rich-text.server'
import { createCase } from '../../app/modules/cases/case.server'
import type { SessionUser } from '../../app/utils/session-user'
import { ensureCaseIndex } from '../../search/case-index'
import { casesIndexName, getMeili } from '../../search/client'
import { drainOutbox } from '../../search/outbox-indexer'
import { cachedSearch, searchCacheStats } from '../../search/result-cache'
import { searchCases } from '../../search/search-cases'
import { caseContent, createTestUser, ensureVehicleModels } from '../factories'

// Answers kept in memory, against the real Meilisearch: reused while the index is unchanged,
// never once it has changed, whoever changed it.
let author: SessionUser
let firstId: string

const search = (q: string, filters: Partial<Parameters<typeof searchCases>[0]> = {}) => searchCases({ q, limit: 20, offset: 0, ...filters })
const ids = async (q: string, filters: Partial<Parameters<typeof searchCases>[0]> = {}) => (await search(q, filters)).hits.map((hit) => hit.id)

beforeAll(async () => {
  author = await createTestUser()
  await ensureVehicleModels()
  await ensureCaseIndex()
  firstId = (await createCase({ author, status: 'APPROVED', content: await caseContent({ title: 'Quokkaline sensor drifts at idle', dtcs: ['P0131'], symptoms: toRichDoc('Quokkaline reading drifts') }) })).id
  await drainOutbox()
})

describe('the search result cache', () => {
  test('the same search on an unchanged index is answered from memory, with the same answer', async () => {
    const first = await search('quokkaline')
    const before = searchCacheStats()
    const second = await search('quokkaline')
    const after = searchCacheStats()
    expect(after.hits).toBe(before.hits + 1)
    expect(after.misses).toBe(before.misses)
    expect(second.hits).toEqual(first.hits)
    expect(second.estimatedTotalHits).toBe(first.estimatedTotalHits)
  })

  test('another filter or page is another search', async () => {
    await search('quokkaline')
    const before = searchCacheStats()
    expect(await ids('quokkaline', { system: 'transmission' })).toEqual([])
    expect(await ids('quokkaline', { offset: 1 })).toEqual([])
    expect(searchCacheStats().misses).toBe(before.misses + 2)
  })

  test('a case indexed after a search is found by the same search at once', async () => {
    expect(await ids('quokkaline')).toEqual([firstId])
    const second = await createCase({ author, status: 'APPROVED', content: await caseContent({ title: 'Quokkaline heater circuit open', dtcs: ['P0135'] }) })
    await drainOutbox()
    expect((await ids('quokkaline')).sort()).toEqual([firstId, second.id].sort())
  })

  test('a document written straight into Meilisearch (another node, the import) is seen by the next search', async () => {
    const before = await ids('quokkaline')
    expect(before).toContain(firstId)
    const index = getMeili().index(casesIndexName())
    const task = await index.deleteDocument(firstId).waitTask({ timeout: 60_000 })
    expect(task.status).toBe('succeeded')
    expect(await ids('quokkaline')).not.toContain(firstId)
  })

  test('concurrent searches share the reads of the index version: one under way, and the next for all who came during it', async () => {
    await search('quokkaline')
    const before = searchCacheStats()
    const answers = await Promise.all(Array.from({ length: 10 }, () => ids('quokkaline')))
    expect(new Set(answers.map((answer) => answer.join(','))).size).toBe(1)
    const after = searchCacheStats()
    expect(after.versionReads - before.versionReads).toBe(2)
    expect(after.hits - before.hits).toBe(10)
  })

  test('answers are shared read-only, and a failed search is not kept', async () => {
    const index = casesIndexName()
    const answer = await cachedSearch(index, { probe: 'frozen' }, async () => ({ hits: [{ id: 'a' }] }))
    expect(() => (answer.hits as Array<{ id: string }>).push({ id: 'b' })).toThrow(TypeError)
    await expect(cachedSearch(index, { probe: 'fails' }, () => Promise.reject(new Error('Meilisearch said no')))).rejects.toThrow('Meilisearch said no')
    expect(await cachedSearch(index, { probe: 'fails' }, async () => 'second try')).toBe('second try')
  })
})
