import { expect, test } from 'vitest'
import { toRichDoc } from '../../app/editor/rich-text.server'
import { addCaseComment, caseVisibilityWhere, confirmCaseFix, createCase, getCase, updateCase, withRenderedHtml } from '../../app/modules/cases/case.server'
import { getDb } from '../../app/utils/db.server'
import { loader as casePage } from '../../app/routes/cases.$caseId._index'
import { createStation, createTestUser, caseContent, sessionCookieFor } from '../factories'
import { callRoute, routeArgs } from '../route-calls'

// The case page renders each version's rich text once; an edit shows at once, and the page's
// data carries the HTML only.
test('an edited case shows its new text, and the read page sends no editor documents', async () => {
  const author = await createTestUser({ stationId: (await createStation()).id })
  const { id } = await createCase({ author, content: await caseContent({ rootCause: toRichDoc('Cracked PCV hose.') }) })
  const read = async () => withRenderedHtml((await getCase({ user: author, caseId: id }))!)
  expect((await read()).rootCauseHtml).toContain('Cracked PCV hose.')
  expect((await read()).rootCauseHtml).toContain('Cracked PCV hose.')

  const updated = await updateCase({ user: author, caseId: id, expectedVersion: 1, content: await caseContent({ rootCause: toRichDoc('Loose intake clamp.') }) })
  expect(updated.ok).toBe(true)
  expect((await read()).rootCauseHtml).toContain('Loose intake clamp.')

  const response = await callRoute(async () => casePage(routeArgs(new Request(`http://test/cases/${id}`, { headers: { Cookie: await sessionCookieFor(author.id) } }), { caseId: id })))
  const data = (await (response instanceof Response ? response.json() : response)) as { record: Record<string, unknown> }
  expect(data.record.rootCauseHtml).toContain('Loose intake clamp.')
  expect(data.record).not.toHaveProperty('symptoms')
  expect(data.record).not.toHaveProperty('rootCause')
})

test('the case page’s SQL read shows exactly the cases caseVisibilityWhere allows, to every kind of user', async () => {
  const [north, south] = [(await createStation()).id, (await createStation()).id]
  const author = await createTestUser({ stationId: north })
  const viewers = [
    author,
    await createTestUser({ stationId: north }),
    await createTestUser({ role: 'STATION_MANAGER', stationId: south }),
    await createTestUser({ role: 'ENGINEER' }),
    await createTestUser({ role: 'TRAINER' }),
    await createTestUser({ role: 'ADMIN' }),
  ]
  const ids: string[] = []
  for (const status of ['DRAFT', 'SUBMITTED', 'RETURNED', 'APPROVED', 'CLASSIC'] as const) {
    ids.push((await createCase({ author, content: await caseContent(), status })).id)
    ids.push((await createCase({ author: viewers[2], content: await caseContent(), status })).id)
  }
  for (const viewer of viewers) {
    const allowed = await getDb().repairCase.findMany({ where: { id: { in: ids }, ...caseVisibilityWhere(viewer) }, select: { id: true } })
    const read = (await Promise.all(ids.map((caseId) => getCase({ user: viewer, caseId })))).flatMap((record) => (record ? [record.id] : []))
    expect(read.sort(), viewer.role).toEqual(allowed.map((row) => row.id).sort())
  }
  const detail = (await getCase({ user: author, caseId: ids[0] }))!
  expect(detail).toMatchObject({ status: 'DRAFT', language: 'en', parts: [{ number: '1016051231', name: 'PCV hose', qty: 1 }], attachments: [], reviewer: null })
  // Read through `pg`: the UTC timestamps must not be taken as local time.
  const stored = await getDb().repairCase.findUniqueOrThrow({ where: { id: ids[0] }, select: { createdAt: true, updatedAt: true } })
  expect({ createdAt: detail.createdAt, updatedAt: detail.updatedAt }).toEqual(stored)
})

test('the case page reads the case with its comments and whether this reader confirmed the fix', async () => {
  const author = await createTestUser()
  const reader = await createTestUser()
  const { id } = await createCase({ author, content: await caseContent(), status: 'APPROVED' })
  await addCaseComment({ user: author, caseId: id, body: 'First' })
  await addCaseComment({ user: reader, caseId: id, body: 'Second' })
  await confirmCaseFix({ user: reader, caseId: id })
  const pageOf = async (userId: string) => {
    const response = await callRoute(async () => casePage(routeArgs(new Request(`http://test/cases/${id}`, { headers: { Cookie: await sessionCookieFor(userId) } }), { caseId: id })))
    return (await (response instanceof Response ? response.json() : response)) as { comments: Array<{ body: string; createdAt: Date; author: { name: string } }>; confirmed: boolean }
  }
  const seen = await pageOf(reader.id)
  expect(seen.comments.map((comment) => [comment.body, comment.author.name])).toEqual([['First', author.name], ['Second', reader.name]])
  const stored = await getDb().caseComment.findFirstOrThrow({ where: { caseId: id, body: 'First' }, select: { createdAt: true } })
  expect(seen.comments[0].createdAt).toEqual(stored.createdAt)
  expect(seen.confirmed).toBe(true)
  expect((await pageOf(author.id)).confirmed).toBe(false)
})
