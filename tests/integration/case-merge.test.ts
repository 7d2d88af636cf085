import { beforeAll, describe, expect, test } from 'vitest'
import { toRichDoc } from '../../app/editor/rich-text.server'
import { duplicateCandidates, mergeCases } from '../../app/modules/cases/case-merge.server'
import { addCaseComment, confirmCaseFix, createCase } from '../../app/modules/cases/case.server'
import { action as casePageAction, loader as casePage } from '../../app/routes/cases.$caseId._index'
import { getDb } from '../../app/utils/db.server'
import type { SessionUser } from '../../app/utils/session-user'
import { ensureSearchIndexes } from '../../search/indexed-entities'
import { drainOutbox } from '../../search/outbox-indexer'
import { searchCases } from '../../search/search-cases'
import { caseContent, createStation, createTestUser, ensureVehicleModels, sessionCookieFor } from '../factories'
import { callRoute, routeArgs } from '../route-calls'

// One case, not ten: merging duplicates on a real PostgreSQL and Meilisearch, through the case page.
let engineer: SessionUser
let tech: SessionUser
let other: SessionUser
const cookies = new Map<string, string>()

const published = async (title: string) =>
  (await createCase({ author: engineer, status: 'APPROVED', content: await caseContent({ title, dtcs: ['P0171'], language: 'zh', symptoms: toRichDoc('冷车怠速抖动，故障灯亮。') }) })).id
const page = (user: SessionUser, caseId: string) => callRoute(() => casePage(routeArgs(new Request(`http://test/cases/${caseId}`, { headers: { Cookie: cookies.get(user.id)! } }), { caseId })))
const merge = (user: SessionUser, intoId: string, duplicateId: string) =>
  callRoute(() =>
    casePageAction(
      routeArgs(
        new Request(`http://test/cases/${intoId}`, { method: 'POST', headers: { Cookie: cookies.get(user.id)!, 'Content-Type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams({ intent: 'merge', duplicateId }) }),
        { caseId: intoId },
      ),
    ),
  )

beforeAll(async () => {
  engineer = await createTestUser({ role: 'ENGINEER' })
  tech = await createTestUser({ stationId: (await createStation()).id })
  other = await createTestUser({ stationId: (await createStation()).id })
  for (const user of [engineer, tech, other]) cookies.set(user.id, await sessionCookieFor(user.id))
  await ensureVehicleModels()
  await ensureSearchIndexes()
})

describe('merging duplicates', () => {
  test('confirmations (one per person) and comments move; the duplicate leaves the search and its page leads to the case kept', async () => {
    const kept = await published('冷车怠速抖动，报P0171')
    const duplicate = await published('冷车怠速抖，故障灯亮，P0171')
    await confirmCaseFix({ user: tech, caseId: kept })
    await confirmCaseFix({ user: tech, caseId: duplicate })
    await confirmCaseFix({ user: other, caseId: duplicate })
    await addCaseComment({ user: other, caseId: duplicate, body: '换了PCV软管就好了' })
    await drainOutbox()
    expect((await searchCases({ q: 'P0171', limit: 10, offset: 0 })).hits.map((hit) => hit.id)).toEqual(expect.arrayContaining([kept, duplicate]))

    const candidates = await duplicateCandidates({ id: kept, title: '冷车怠速抖动，报P0171', dtcs: ['P0171'], model: { id: '-' } })
    expect(candidates.map((candidate) => candidate.id)).toContain(duplicate)
    expect(candidates.map((candidate) => candidate.id)).not.toContain(kept)

    const response = await merge(engineer, kept, duplicate)
    expect(response).toEqual({ merged: true })
    const [keptRow, duplicateRow] = await Promise.all([
      getDb().repairCase.findUniqueOrThrow({ where: { id: kept }, select: { confirmCount: true } }),
      getDb().repairCase.findUniqueOrThrow({ where: { id: duplicate }, select: { mergedIntoId: true, confirmCount: true } }),
    ])
    expect(keptRow.confirmCount).toBe(2)
    expect(duplicateRow).toEqual({ mergedIntoId: kept, confirmCount: 0 })
    expect((await getDb().caseConfirmation.findMany({ where: { caseId: kept }, select: { userId: true } })).map((row) => row.userId).sort()).toEqual([tech.id, other.id].sort())
    expect(await getDb().caseComment.count({ where: { caseId: kept, body: '换了PCV软管就好了' } })).toBe(1)

    await drainOutbox()
    const hits = (await searchCases({ q: 'P0171', limit: 10, offset: 0 })).hits
    expect(hits.map((hit) => hit.id)).not.toContain(duplicate)
    expect(hits.find((hit) => hit.id === kept)?.confirmCount).toBe(2)

    const redirected = await page(tech, duplicate)
    expect(redirected.status).toBe(302)
    expect(redirected.headers.get('Location')).toBe(`/cases/${kept}?merged=${duplicate}`)
  })

  test('a case merged earlier into the duplicate follows it; a merged case cannot be merged again or into', async () => {
    const kept = await published('P0171 混合气过稀 甲')
    const middle = await published('P0171 混合气过稀 乙')
    const older = await published('P0171 混合气过稀 丙')
    expect((await mergeCases({ user: engineer, duplicateId: older, intoId: middle })).ok).toBe(true)
    expect((await mergeCases({ user: engineer, duplicateId: middle, intoId: kept })).ok).toBe(true)
    expect((await getDb().repairCase.findUniqueOrThrow({ where: { id: older }, select: { mergedIntoId: true } })).mergedIntoId).toBe(kept)
    expect(await mergeCases({ user: engineer, duplicateId: middle, intoId: kept })).toEqual({ ok: false, reason: 'already-merged' })
    expect(await mergeCases({ user: engineer, duplicateId: kept, intoId: older })).toEqual({ ok: false, reason: 'already-merged' })
    expect(await mergeCases({ user: engineer, duplicateId: kept, intoId: kept })).toEqual({ ok: false, reason: 'same-case' })
  })

  test('only engineers and admins merge; technicians do not see the candidates', async () => {
    const kept = await published('P0171 技术员不能合并 甲')
    const duplicate = await published('P0171 技术员不能合并 乙')
    expect((await merge(tech, kept, duplicate)).status).toBe(403)
    expect((await getDb().repairCase.findUniqueOrThrow({ where: { id: duplicate }, select: { mergedIntoId: true } })).mergedIntoId).toBeNull()
    const techView = (await page(tech, kept)) as unknown as { curator: boolean; duplicates: unknown[] }
    expect(techView.curator).toBe(false)
    expect(techView.duplicates).toEqual([])
  })
})
