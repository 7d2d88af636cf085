import fs from 'node:fs'
import { afterAll, beforeAll, expect, test } from 'vitest'
import { createCase } from '../../app/modules/cases/case.server'
import { basicCaseSearch, searchCasesWithFallback } from '../../app/modules/cases/case-search.server'
import { countPendingIndexUpdates } from '../../app/utils/search-outbox.server'
import { getDb } from '../../app/utils/db.server'
import { startEmbeddedMeili, type RunningMeili } from '../../search/embedded-meili'
import { startOutboxIndexer } from '../../search/outbox-indexer'
import { ensureCaseIndex } from '../../search/case-index'
import { searchCases } from '../../search/search-cases'
import { caseContent, createTestUser } from '../factories'
import { makeTestDataDir } from '../setup/test-services'

// This file runs its own Meilisearch so it can stop it and start it again.
const dataDir = makeTestDataDir('outage')
let meili: RunningMeili

const useMeili = (running: RunningMeili) => {
  process.env.MEILI_URL = running.url
  process.env.MEILI_MASTER_KEY = running.key
}

const query = { q: 'outage', limit: 20, offset: 0 }

async function waitFor(check: () => Promise<boolean>, timeoutMs = 30_000) {
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    if (await check()) return
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
  throw new Error('condition not met in time')
}

beforeAll(async () => {
  meili = await startEmbeddedMeili(dataDir, { log: () => {} })
  useMeili(meili)
  await ensureCaseIndex()
})

afterAll(async () => {
  await meili.stop()
  fs.rmSync(dataDir, { recursive: true, force: true })
})

test('writes succeed while Meilisearch is down, and the index catches up when it returns', async () => {
  const author = await createTestUser()
  const indexer = startOutboxIndexer({ pollMs: 50, maxBackoffMs: 200, log: () => {} })
  try {
    await createCase({ author, content: await caseContent({ title: 'Outage case one' }), status: 'APPROVED' })
    await waitFor(async () => (await searchCases(query)).hits.length === 1 && (await countPendingIndexUpdates()) === 0)

    await meili.stop()
    const written = []
    for (const title of ['Outage case two', 'Outage case three']) {
      written.push(await createCase({ author, content: await caseContent({ title }), status: 'APPROVED' }))
    }
    expect(written).toHaveLength(2)
    await new Promise((resolve) => setTimeout(resolve, 300))
    expect(await countPendingIndexUpdates()).toBe(2)
    expect(indexer.lastError()).toBeTruthy()

    const fallback = await searchCasesWithFallback(query)
    expect(fallback.degraded).toBe(true)
    expect(fallback.hits.map((hit) => hit.title).sort()).toEqual(['Outage case one', 'Outage case three', 'Outage case two'])

    meili = await startEmbeddedMeili(dataDir, { log: () => {} })
    useMeili(meili)
    await waitFor(async () => (await countPendingIndexUpdates()) === 0)
    const recovered = await searchCasesWithFallback(query)
    expect(recovered.degraded).toBe(false)
    expect(recovered.hits.map((hit) => hit.title).sort()).toEqual(['Outage case one', 'Outage case three', 'Outage case two'])
  } finally {
    await indexer.stop()
  }
})

test('the database search matches every word and honours filters', async () => {
  const result = await basicCaseSearch({ q: 'outage two', limit: 20, offset: 0 })
  expect(result.hits.map((hit) => hit.title)).toEqual(['Outage case two'])
  const filtered = await basicCaseSearch({ q: 'outage', system: 'chassis', limit: 20, offset: 0 })
  expect(filtered.hits).toEqual([])
  expect(await getDb().repairCase.count()).toBe(3)
})
