import { beforeAll, describe, expect, test } from 'vitest'
import { toRichDoc } from '../../app/editor/rich-text.server'
import { createCase } from '../../app/modules/cases/case.server'
import type { SessionUser } from '../../app/utils/session-user'
import { ensureSearchIndexes } from '../../search/indexed-entities'
import { drainOutbox } from '../../search/outbox-indexer'
import { searchSite } from '../../search/search-all'
import { searchCases } from '../../search/search-cases'
import { caseContent, createTestUser, ensureVehicleModels } from '../factories'

// English word forms on a real Meilisearch: the query's stem meets the indexed stems, and a case
// with the very word typed ranks above one that only shares its stem.
const ids: Record<string, string> = {}
let expert: SessionUser

const titles = async (q: string) => (await searchCases({ q, limit: 10, offset: 0 })).hits.map((hit) => hit.id)

beforeAll(async () => {
  expert = await createTestUser({ role: 'ENGINEER' })
  await ensureVehicleModels()
  await ensureSearchIndexes()
  const published = async (key: string, title: string, symptoms: string) => {
    ids[key] = (await createCase({ author: expert, status: 'APPROVED', content: await caseContent({ title, dtcs: [], symptoms: toRichDoc(symptoms) }) })).id
  }
  await published('stalls', 'Engine stalls when the A/C switches on', 'The engine stalls at idle as soon as the compressor engages.')
  await published('stalling', 'Stalling after refuelling', 'Car keeps stalling right after filling up the tank.')
  await published('leak', 'Coolant leaks from the water pump', 'Pink crust under the pump; the coolant level drops.')
  await drainOutbox()
})

describe('English stemming', () => {
  test('stalled / stalling / stalls all find both stall cases', async () => {
    for (const query of ['stalled', 'stalling', 'stalls']) {
      expect(await titles(query), query).toEqual(expect.arrayContaining([ids.stalls, ids.stalling]))
    }
  })

  test('the exact word typed ranks first', async () => {
    expect((await titles('stalling'))[0]).toBe(ids.stalling)
    expect((await titles('stalls'))[0]).toBe(ids.stalls)
  })

  test('leaking finds "leaks", in the case library and in the one search (whose bulletin index is still empty)', async () => {
    expect(await titles('coolant leaking')).toContain(ids.leak)
    const site = await searchSite({ q: 'coolant leaking', type: 'all', bulletinViewer: 'all-bulletins', limit: 10, offset: 0 })
    expect(site.hits.map((hit) => hit.id)).toContain(ids.leak)
  })

  test('facets count the stemmed matches too', async () => {
    const result = await searchCases({ q: 'stalled', limit: 10, offset: 0 })
    expect(Object.values(result.facets.system).reduce((sum, count) => sum + count, 0)).toBeGreaterThanOrEqual(2)
  })
})
