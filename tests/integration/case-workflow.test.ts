import { beforeAll, describe, expect, test } from 'vitest'
import { createCase, getCase, listWorkInProgress, transitionCase, updateCase } from '../../app/modules/cases/case.server'
import type { SessionUser } from '../../app/utils/session-user'
import { getDb } from '../../app/utils/db.server'
import { caseContent, createStation, createTestUser } from '../factories'

let author: SessionUser
let stationMate: SessionUser
let otherStationTech: SessionUser
let expert: SessionUser
let manager: SessionUser

beforeAll(async () => {
  const station = await createStation()
  const otherStation = await createStation()
  author = await createTestUser({ stationId: station.id })
  stationMate = await createTestUser({ stationId: station.id })
  manager = await createTestUser({ role: 'STATION_MANAGER', stationId: station.id })
  otherStationTech = await createTestUser({ stationId: otherStation.id })
  expert = await createTestUser({ role: 'ENGINEER' })
})

describe('draft visibility', () => {
  test('a draft is visible to its author and station, not to another station or an expert', async () => {
    const draft = await createCase({ author, content: await caseContent() })
    expect(await getCase({ user: author, caseId: draft.id })).not.toBeNull()
    expect(await getCase({ user: stationMate, caseId: draft.id })).not.toBeNull()
    expect(await getCase({ user: otherStationTech, caseId: draft.id })).toBeNull()
    expect(await getCase({ user: expert, caseId: draft.id })).toBeNull()
  })
})

describe('work in progress (the case library\'s first page)', () => {
  test('lists the author\'s and the station\'s unpublished cases, newest first, and nobody else\'s', async () => {
    const own = await createCase({ author, content: await caseContent({ title: 'WIP own draft' }) })
    const mates = await createCase({ author: stationMate, content: await caseContent({ title: 'WIP station mate draft' }) })
    const submitted = await createCase({ author, content: await caseContent({ title: 'WIP submitted' }) })
    await transitionCase({ user: author, caseId: submitted.id, action: 'submit' })
    const published = await createCase({ author, status: 'APPROVED', content: await caseContent({ title: 'WIP published' }) })
    const elsewhere = await createCase({ author: otherStationTech, content: await caseContent({ title: 'WIP other station' }) })
    const listed = await listWorkInProgress({ user: author, take: 50 })
    const ids = listed.map((item) => item.id)
    expect(ids).toEqual(expect.arrayContaining([own.id, mates.id, submitted.id]))
    expect(ids).not.toContain(published.id)
    expect(ids).not.toContain(elsewhere.id)
    expect(listed.find((item) => item.id === submitted.id)).toEqual({ id: submitted.id, title: 'WIP submitted', status: 'SUBMITTED' })
    expect(ids.indexOf(submitted.id)).toBeLessThan(ids.indexOf(own.id))
    const expertsOwn = (await listWorkInProgress({ user: expert })).map((item) => item.id)
    expect(expertsOwn).not.toContain(own.id)
    expect(await listWorkInProgress({ user: author, take: 2 })).toHaveLength(2)
  })
})

describe('review workflow', () => {
  test('draft → submitted → approved → classic, each step by the right role', async () => {
    const draft = await createCase({ author, content: await caseContent() })
    expect(await transitionCase({ user: expert, caseId: draft.id, action: 'approve' })).toEqual({ ok: false, reason: 'not-found' })
    expect(await transitionCase({ user: author, caseId: draft.id, action: 'submit' })).toEqual({ ok: true, status: 'SUBMITTED' })
    expect(await transitionCase({ user: author, caseId: draft.id, action: 'approve' })).toEqual({ ok: false, reason: 'forbidden' })
    expect(await transitionCase({ user: expert, caseId: draft.id, action: 'approve' })).toEqual({ ok: true, status: 'APPROVED' })
    expect(await getCase({ user: otherStationTech, caseId: draft.id })).not.toBeNull()
    expect(await transitionCase({ user: expert, caseId: draft.id, action: 'feature' })).toEqual({ ok: true, status: 'CLASSIC' })
    expect(await transitionCase({ user: expert, caseId: draft.id, action: 'approve' })).toEqual({ ok: false, reason: 'invalid-state' })
  })

  test('returning needs a comment, and the author sees it and can resubmit', async () => {
    const draft = await createCase({ author, content: await caseContent(), status: 'SUBMITTED' })
    expect(await transitionCase({ user: expert, caseId: draft.id, action: 'return', comment: '  ' })).toEqual({
      ok: false,
      reason: 'comment-required',
    })
    await transitionCase({ user: expert, caseId: draft.id, action: 'return', comment: 'Add the fuel trim values' })
    const returned = await getCase({ user: author, caseId: draft.id })
    expect(returned?.status).toBe('RETURNED')
    expect(returned?.reviewComment).toBe('Add the fuel trim values')
    expect(returned?.actions).toContain('submit')
    expect(await transitionCase({ user: manager, caseId: draft.id, action: 'submit' })).toEqual({ ok: true, status: 'SUBMITTED' })
  })

  test('every transition leaves an outbox row for the indexer', async () => {
    const draft = await createCase({ author, content: await caseContent() })
    await transitionCase({ user: author, caseId: draft.id, action: 'submit' })
    const rows = await getDb().searchOutbox.count({ where: { entityId: draft.id } })
    expect(rows).toBe(2)
  })
})

describe('optimistic concurrency', () => {
  test('a save from a stale version is refused and changes nothing', async () => {
    const draft = await createCase({ author, content: await caseContent({ title: 'Original title' }) })
    const first = await updateCase({
      user: author,
      caseId: draft.id,
      expectedVersion: draft.version,
      content: await caseContent({ title: 'Edited by the author' }),
    })
    expect(first).toEqual({ ok: true, version: draft.version + 1 })
    const stale = await updateCase({
      user: manager,
      caseId: draft.id,
      expectedVersion: draft.version,
      content: await caseContent({ title: 'Edited from an old tab' }),
    })
    expect(stale).toEqual({ ok: false, reason: 'conflict', currentVersion: draft.version + 1 })
    expect((await getCase({ user: author, caseId: draft.id }))?.title).toBe('Edited by the author')
  })

  test('a station colleague may read a draft but not edit it', async () => {
    const draft = await createCase({ author, content: await caseContent() })
    const result = await updateCase({ user: stationMate, caseId: draft.id, expectedVersion: draft.version, content: await caseContent() })
    expect(result).toEqual({ ok: false, reason: 'forbidden' })
  })

  test('a published case cannot be edited by its author', async () => {
    const published = await createCase({ author, content: await caseContent(), status: 'APPROVED' })
    const result = await updateCase({ user: author, caseId: published.id, expectedVersion: published.version, content: await caseContent() })
    expect(result).toEqual({ ok: false, reason: 'forbidden' })
  })
})
