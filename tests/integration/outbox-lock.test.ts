import { beforeAll, expect, test } from 'vitest'
import { createCase } from '../../app/modules/cases/case.server'
import { withAdvisoryLock } from '../../app/utils/advisory-lock.server'
import { countPendingIndexUpdates } from '../../app/utils/search-outbox.server'
import { ensureCaseIndex } from '../../search/case-index'
import { OUTBOX_LOCK, drainOutbox, drainOutboxUnlessBusy } from '../../search/outbox-indexer'
import { searchCases } from '../../search/search-cases'
import { caseContent, createTestUser } from '../factories'

// Two nodes share one database: while one drains the search outbox, the other does not.
beforeAll(() => ensureCaseIndex())

test('one drain of the search outbox at a time: the indexer skips while another holds it, an explicit drain waits for it', async () => {
  const author = await createTestUser()
  const published = await createCase({ author, content: { ...(await caseContent()), title: 'Lockstep idle surge on warm restart' }, status: 'APPROVED' })
  expect(await countPendingIndexUpdates()).toBeGreaterThan(0)

  let release!: () => void
  let holding!: () => void
  const held = new Promise<void>((resolve) => (holding = resolve))
  // "Another node" draining: it holds the lock until released.
  const otherNode = withAdvisoryLock(OUTBOX_LOCK, { wait: false }, () => {
    holding()
    return new Promise<void>((resolve) => (release = resolve))
  })
  await held

  expect(await drainOutboxUnlessBusy()).toBeNull()
  let waitingDrain: number | undefined
  const waiting = drainOutbox().then((count) => (waitingDrain = count))
  await new Promise((resolve) => setTimeout(resolve, 300))
  expect(waitingDrain).toBeUndefined()
  expect(await countPendingIndexUpdates()).toBeGreaterThan(0)

  release()
  expect(await otherNode).toEqual({ ran: true, value: undefined })
  await waiting
  expect(waitingDrain).toBeGreaterThan(0)
  expect(await countPendingIndexUpdates()).toBe(0)
  expect((await searchCases({ q: 'Lockstep idle surge', limit: 5, offset: 0 })).hits.map((hit) => hit.id)).toContain(published.id)
  // Free again: the indexer's kind of drain runs (nothing left to do).
  expect(await drainOutboxUnlessBusy()).toBe(0)
})
