import { beforeAll, describe, expect, test, vi } from 'vitest'
import { toRichDoc } from '../../app/editor/rich-text.server'
import { createCase } from '../../app/modules/cases/case.server'
import { recordClick, recordSearch, searchInsights } from '../../app/modules/search/insights.server'
import { action as vocabularyAction, loader as vocabularyLoader } from '../../app/routes/search.vocabulary._index'
import { action as groupAction } from '../../app/routes/search.vocabulary.$groupId'
import { action as clickAction } from '../../app/routes/search.clicks'
import { loader as searchPage } from '../../app/routes/cases._index'
import { getDb } from '../../app/utils/db.server'
import type { SessionUser } from '../../app/utils/session-user'
import { ensureSearchIndexes } from '../../search/indexed-entities'
import { drainOutbox } from '../../search/outbox-indexer'
import { searchCases } from '../../search/search-cases'
import { caseContent, createTestUser, ensureVehicleModels, sessionCookieFor } from '../factories'
import { callRoute, routeArgs } from '../route-calls'

// The search vocabulary and insights through the real routes, PostgreSQL and Meilisearch.
let engineer: SessionUser
let tech: SessionUser
let caseId: string
const cookies = new Map<string, string>()

const form = (user: SessionUser, url: string, fields: Record<string, string>) =>
  new Request(`http://test${url}`, { method: 'POST', headers: { Cookie: cookies.get(user.id)!, 'Content-Type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(fields) })
const get = (user: SessionUser, url: string) => new Request(`http://test${url}`, { headers: { Cookie: cookies.get(user.id)! } })
const found = async (q: string) => (await searchCases({ q, limit: 10, offset: 0 })).hits.map((hit) => hit.id)

beforeAll(async () => {
  engineer = await createTestUser({ role: 'ENGINEER' })
  tech = await createTestUser()
  for (const user of [engineer, tech]) cookies.set(user.id, await sessionCookieFor(user.id))
  await ensureVehicleModels()
  await ensureSearchIndexes()
  caseId = (await createCase({ author: engineer, status: 'APPROVED', content: await caseContent({ title: '天窗排水管堵塞导致顶棚滴水', dtcs: [], systemCode: 'body', language: 'zh', symptoms: toRichDoc('下雨后顶棚内衬潮湿并滴水。') }) })).id
  await drainOutbox()
})

describe('the search vocabulary', () => {
  test('a new group is used by search at once, without reindexing any document', async () => {
    expect(await found('车顶渗水')).not.toContain(caseId)
    const response = await callRoute(() => vocabularyAction(routeArgs(form(engineer, '/search/vocabulary', { standard: '顶棚滴水', colloquial: '车顶渗水，车顶漏水', english: 'Headliner Drip', systemCode: 'body' }))))
    expect(response.status).toBe(302)
    const group = await getDb().searchSynonymGroup.findFirstOrThrow({ where: { standard: '顶棚滴水' } })
    expect(group).toMatchObject({ colloquial: ['车顶渗水', '车顶漏水'], english: ['headliner drip'], systemCode: 'body', updatedById: engineer.id })
    const queued = await getDb().searchOutbox.findMany({ select: { entity: true } })
    expect(queued.map((row) => row.entity)).toEqual(['thesaurus'])
    await drainOutbox()
    expect(await found('车顶渗水')).toContain(caseId)
  })

  test('editing and deleting a group change what search finds', async () => {
    const group = await getDb().searchSynonymGroup.findFirstOrThrow({ where: { standard: '顶棚滴水' } })
    const edited = await callRoute(() => groupAction(routeArgs(form(engineer, `/search/vocabulary/${group.id}`, { intent: 'save', standard: '顶棚滴水', colloquial: '棚顶滴答', english: '' }), { groupId: group.id })))
    expect(edited.status).toBe(302)
    await drainOutbox()
    expect(await found('棚顶滴答')).toContain(caseId)
    expect(await found('车顶渗水')).not.toContain(caseId)
    const deleted = await callRoute(() => groupAction(routeArgs(form(engineer, `/search/vocabulary/${group.id}`, { intent: 'delete' }), { groupId: group.id })))
    expect(deleted.status).toBe(302)
    await drainOutbox()
    expect(await found('棚顶滴答')).not.toContain(caseId)
  })

  test('bad input gets one message per field and stores nothing', async () => {
    const before = await getDb().searchSynonymGroup.count()
    const response = await callRoute(() => vocabularyAction(routeArgs(form(engineer, '/search/vocabulary', { standard: '', colloquial: '<b>', english: '', systemCode: 'spaceship' }))))
    expect(response.status).toBe(400)
    const { errors } = (await response.json()) as { errors: Record<string, string> }
    expect(Object.keys(errors).sort()).toEqual(['colloquial', 'standard', 'systemCode'])
    expect(await getDb().searchSynonymGroup.count()).toBe(before)
  })

  test('only engineers and admins see or change it', async () => {
    expect((await callRoute(() => vocabularyLoader(routeArgs(get(tech, '/search/vocabulary'))))).status).toBe(403)
    expect((await callRoute(() => vocabularyAction(routeArgs(form(tech, '/search/vocabulary', { standard: '试', colloquial: '测' }))))).status).toBe(403)
    const list = (await vocabularyLoader(routeArgs(get(engineer, '/search/vocabulary?q=' + encodeURIComponent('抛锚'))))) as { groups: Array<{ standard: string }>; total: number }
    expect(list.groups.map((group) => group.standard)).toContain('抛锚')
  })
})

describe('search insights', () => {
  test('typing refines one logged search; a new search is a new row; clicks count only on one\'s own search', async () => {
    const start = new Date()
    const first = await recordSearch({ userId: tech.id, q: 'P03', scope: 'case', hitCount: 9, now: start })
    const refined = await recordSearch({ userId: tech.id, q: 'P0300', scope: 'case', hitCount: 4, now: new Date(start.getTime() + 1000) })
    expect(refined).toBe(first)
    expect((await getDb().searchQueryLog.findUniqueOrThrow({ where: { id: first! }, select: { createdAt: true } })).createdAt).toEqual(new Date(start.getTime() + 1000))
    const other = await recordSearch({ userId: tech.id, q: '半路熄火了', scope: 'case', hitCount: 0, now: new Date(start.getTime() + 2000) })
    expect(other).not.toBe(first)
    expect(await recordClick({ userId: engineer.id, logId: first!, hitId: 'x' })).toBe(false)
    const click = await callRoute(() => clickAction(routeArgs(form(tech, '/search/clicks', { logId: String(first), hitId: caseId }))))
    expect(click.status).toBe(204)

    const insights = await searchInsights()
    expect(insights.top.map((row) => row.q)).toEqual(expect.arrayContaining(['p0300', '半路熄火了']))
    expect(insights.zeroResult.map((row) => row.q)).toEqual(['半路熄火了'])
    expect(insights.noClick.map((row) => row.q)).not.toContain('p0300')
  })

  test('the search page logs what was searched and suggests close terms when nothing is found', async () => {
    const page = (await searchPage(routeArgs(get(tech, `/cases?q=${encodeURIComponent('烧机')}`)))) as { logId: Promise<string | null>; suggestions: string[] }
    expect(await page.logId).toBeTruthy()
    expect(page.suggestions).toContain('烧机油')
    expect(await getDb().searchQueryLog.count({ where: { userId: tech.id, q: '烧机' } })).toBe(1)
  })

  test('the page does not depend on the log: a failed write is reported, and the page still has its results', async () => {
    const gone = await createTestUser()
    const cookie = await sessionCookieFor(gone.id)
    const request = (q: string) => new Request(`http://test/cases?q=${encodeURIComponent(q)}`, { headers: { Cookie: cookie } })
    await searchPage(routeArgs(request('顶棚')))
    // The session stays resolved for a few seconds on this node, while its user is gone: the log's row cannot be written.
    await getDb().user.delete({ where: { id: gone.id } })
    const next = request('滴水')
    const reported = vi.spyOn(console, 'error').mockImplementation(() => {})
    try {
      const page = (await searchPage(routeArgs(next))) as { logId: Promise<string | null>; result: { hits: Array<{ id: string }> } }
      expect(page.result.hits.map((hit) => hit.id)).toContain(caseId)
      expect(await page.logId).toBeNull()
      expect(reported).toHaveBeenCalledWith(expect.stringContaining('search log not written'))
    } finally {
      reported.mockRestore()
    }
  })
})
