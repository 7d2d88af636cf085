import { beforeAll, describe, expect, test } from 'vitest'
import {
  escalateOverdueActions,
  getInspection,
  listInspections,
  performInspectionAction,
  publishTemplateVersion,
  scheduleInspection,
  attachInspectionFile,
} from '../../app/modules/inspections/inspections.server'
import { mayJoinInspectionCall } from '../../app/modules/inspections/live-access.server'
import { mayJoinLiveRoom, mayRecordLiveRoom } from '../../app/modules/live/access.server'
import { registerLiveRoomKinds } from '../../app/realtime/live-room-kinds.server'
import { inspectionActionSchema, type InspectionAction } from '../../app/modules/inspections/schema'
import { openAttachment } from '../../app/modules/files/attachment.server'
import { inspectionAttachmentWhere } from '../../app/modules/inspections/inspections.server'
import { getDb } from '../../app/utils/db.server'
import type { SessionUser } from '../../app/utils/session-user'
import { createStation, createTestUser, uploadPng } from '../factories'

// Inspections through their data functions on a real PostgreSQL: who sees which, scoring with
// weights and N/A, template versions, sign-off, corrective actions and their escalation.
let north: { id: string }
let south: { id: string }
let inspector: SessionUser
let otherInspector: SessionUser
let admin: SessionUser
let manager: SessionUser
let tech: SessionUser
let southManager: SessionUser
let trainer: SessionUser
let templateId: string
let itemIds: string[]

const DAY = 24 * 60 * 60 * 1000
const template = (extraItem = false) => ({
  key: 'test-checklist',
  nameZh: '测试清单',
  nameEn: 'Test checklist',
  sections: [
    {
      titleZh: '接待',
      titleEn: 'Reception',
      items: [
        { textZh: '一分钟内迎接', textEn: 'Greeted within a minute', weight: 3 },
        { textZh: '三件套', textEn: 'Covers fitted', weight: 1, requiresPhoto: true },
      ],
    },
    {
      titleZh: '车间',
      titleEn: 'Workshop',
      items: [{ textZh: '工具板', textEn: 'Tool boards', weight: 2 }, ...(extraItem ? [{ textZh: '灭火器', textEn: 'Fire extinguishers', weight: 2 }] : [])],
    },
  ],
})

const act = (user: SessionUser, inspectionId: string, input: Record<string, unknown>) =>
  performInspectionAction({ user, inspectionId, action: inspectionActionSchema.parse(input) as InspectionAction })

async function scheduled(by = inspector, stationId = north.id) {
  const outcome = await scheduleInspection({ user: by, input: { stationId, templateId, scheduledAt: new Date(Date.now() + DAY).toISOString() } })
  if (!outcome.ok) throw new Error(JSON.stringify(outcome))
  return outcome.id
}

/** An inspection in progress with item 0 passed, 1 failed and 2 N/A. */
async function scoredInspection() {
  const id = await scheduled()
  expect(await act(inspector, id, { intent: 'start' })).toEqual({ ok: true })
  await act(inspector, id, { intent: 'score', itemId: itemIds[0], outcome: 'PASS' })
  await act(inspector, id, { intent: 'score', itemId: itemIds[1], outcome: 'FAIL', note: '未铺三件套' })
  await act(inspector, id, { intent: 'score', itemId: itemIds[2], outcome: 'NA' })
  return id
}

beforeAll(async () => {
  north = await createStation({ region: 'North' })
  south = await createStation({ region: 'South' })
  inspector = await createTestUser({ role: 'ENGINEER' })
  otherInspector = await createTestUser({ role: 'ENGINEER' })
  admin = await createTestUser({ role: 'ADMIN' })
  manager = await createTestUser({ role: 'STATION_MANAGER', stationId: north.id })
  tech = await createTestUser({ role: 'TECHNICIAN', stationId: north.id })
  southManager = await createTestUser({ role: 'STATION_MANAGER', stationId: south.id })
  trainer = await createTestUser({ role: 'TRAINER' })
  templateId = (await publishTemplateVersion(template())).id
  const items = await getDb().checklistItem.findMany({ where: { section: { templateId } }, orderBy: [{ section: { position: 'asc' } }, { position: 'asc' }], select: { id: true } })
  itemIds = items.map((item) => item.id)
})

describe('scheduling and who sees what', () => {
  test('an inspector schedules; both sides are notified; station staff or trainers cannot schedule', async () => {
    const id = await scheduled()
    const notified = await getDb().notification.findMany({ where: { link: `/inspections/${id}` }, select: { userId: true, kind: true } })
    expect(new Set(notified.map((row) => row.userId))).toEqual(new Set([inspector.id, manager.id]))
    expect(notified.every((row) => row.kind === 'inspection')).toBe(true)
    for (const user of [manager, tech, trainer]) {
      expect(await scheduleInspection({ user, input: { stationId: north.id, templateId, scheduledAt: new Date().toISOString() } })).toEqual({ ok: false, reason: 'forbidden' })
    }
  })

  test('the schedule form gets field messages', async () => {
    const outcome = await scheduleInspection({ user: inspector, input: { stationId: '', templateId: 'nope', scheduledAt: 'soon' } })
    expect(outcome).toMatchObject({ ok: false, reason: 'invalid-input', errors: { stationId: 'choose a station', scheduledAt: 'choose a date and time' } })
    const unknown = await scheduleInspection({ user: inspector, input: { stationId: north.id, templateId: 'nope', scheduledAt: new Date(Date.now() + DAY).toISOString() } })
    expect(unknown).toMatchObject({ ok: false, errors: { templateId: 'choose a checklist' } })
  })

  test('a station sees only its own; an inspector those they run; an admin all; a trainer none', async () => {
    const northByMe = await scheduled()
    const southByOther = await scheduled(otherInspector, south.id)
    const ids = async (user: SessionUser) => (await listInspections({ user })).rows.map((row) => row.id)
    expect(await ids(manager)).toContain(northByMe)
    expect(await ids(manager)).not.toContain(southByOther)
    expect(await ids(tech)).toContain(northByMe)
    expect(await ids(southManager)).toEqual([southByOther])
    expect(await ids(inspector)).toContain(northByMe)
    expect(await ids(inspector)).not.toContain(southByOther)
    expect(await ids(admin)).toEqual(expect.arrayContaining([northByMe, southByOther]))
    expect(await ids(trainer)).toEqual([])

    expect(await getInspection({ user: southManager, inspectionId: northByMe })).toBeNull()
    expect(await getInspection({ user: otherInspector, inspectionId: northByMe })).toBeNull()
    expect(await act(southManager, northByMe, { intent: 'start' })).toEqual({ ok: false, reason: 'not-found' })
    expect((await getInspection({ user: manager, inspectionId: northByMe }))?.side).toBe('station')
    expect((await getInspection({ user: admin, inspectionId: northByMe }))?.side).toBe('inspector')
  })

  test('the call: both sides join (not other stations), the inspector records, nobody joins once finished', async () => {
    registerLiveRoomKinds()
    const id = await scheduled()
    const room = `inspection:${id}`
    expect(await mayJoinLiveRoom(manager, room)).toBe(true)
    expect(await mayJoinLiveRoom(tech, room)).toBe(true)
    expect(await mayJoinLiveRoom(inspector, room)).toBe(true)
    expect(await mayJoinLiveRoom(southManager, room)).toBe(false)
    expect(await mayJoinLiveRoom(otherInspector, room)).toBe(false)
    expect(await mayRecordLiveRoom(inspector, room)).toBe(true)
    expect(await mayRecordLiveRoom(manager, room)).toBe(false)
    await getDb().inspection.update({ where: { id }, data: { status: 'FINISHED' } })
    expect(await mayJoinInspectionCall(manager, id)).toBe(false)
  })
})

describe('running an inspection', () => {
  test('only the inspector scores, only while in progress; the live score leaves N/A out', async () => {
    const id = await scheduled()
    expect(await act(inspector, id, { intent: 'score', itemId: itemIds[0], outcome: 'PASS' })).toEqual({ ok: false, reason: 'invalid-state' })
    expect(await act(manager, id, { intent: 'start' })).toEqual({ ok: false, reason: 'forbidden' })
    expect(await act(inspector, id, { intent: 'start' })).toEqual({ ok: true })
    expect(await act(inspector, id, { intent: 'start' })).toEqual({ ok: false, reason: 'invalid-state' })
    expect(await act(manager, id, { intent: 'score', itemId: itemIds[0], outcome: 'PASS' })).toEqual({ ok: false, reason: 'forbidden' })
    await act(inspector, id, { intent: 'score', itemId: itemIds[0], outcome: 'PASS' })
    await act(inspector, id, { intent: 'score', itemId: itemIds[1], outcome: 'FAIL' })
    await act(inspector, id, { intent: 'score', itemId: itemIds[2], outcome: 'NA' })
    const seen = await getInspection({ user: manager, inspectionId: id })
    // 3 of 4 weighed points (the N/A item's 2 are out), by section 75 and none.
    expect(seen?.liveScore).toMatchObject({ total: 75, scored: 3, items: 3 })
    expect(seen?.liveScore.sections.map((section) => section.score)).toEqual([75, null])
    // Changing one's mind replaces the result.
    await act(inspector, id, { intent: 'score', itemId: itemIds[1], outcome: 'PASS' })
    expect((await getInspection({ user: manager, inspectionId: id }))?.liveScore.total).toBe(100)
  })

  test('an item of another checklist is refused', async () => {
    const other = await publishTemplateVersion({ ...template(), key: 'other-checklist' })
    const foreign = await getDb().checklistItem.findFirstOrThrow({ where: { section: { templateId: other.id } }, select: { id: true } })
    const id = await scheduled()
    await act(inspector, id, { intent: 'start' })
    expect(await act(inspector, id, { intent: 'score', itemId: foreign.id, outcome: 'PASS' })).toMatchObject({ reason: 'invalid-input', errors: { itemId: 'choose an item' } })
  })

  test('evidence: a snapshot either side uploaded becomes the item\'s, readable by both sides and no other station', async () => {
    const id = await scoredInspection()
    const photo = await uploadPng(manager, 'snapshot.png')
    expect(await act(manager, id, { intent: 'evidence', itemId: itemIds[1], attachmentId: photo.id })).toEqual({ ok: true })
    const inspection = await getInspection({ user: inspector, inspectionId: id })
    expect(inspection?.results.find((result) => result.itemId === itemIds[1])?.evidenceIds).toEqual([photo.id])
    const open = (user: SessionUser) => openAttachment({ user, attachmentId: photo.id, visibleVia: [inspectionAttachmentWhere(user)] })
    expect(await open(inspector)).not.toBeNull()
    expect(await open(tech)).not.toBeNull()
    expect(await open(southManager)).toBeNull()
    // Someone else's file cannot be claimed.
    const foreign = await uploadPng(southManager)
    expect(await act(inspector, id, { intent: 'evidence', itemId: itemIds[1], attachmentId: foreign.id })).toMatchObject({ reason: 'invalid-input' })
    expect(await attachInspectionFile({ user: southManager, inspectionId: id, attachmentId: foreign.id })).toBe(false)
  })

  test('sign-off: every item scored first, with a photo where one is required; a technician cannot sign; both signatures finish it with the score', async () => {
    const id = await scheduled()
    await act(inspector, id, { intent: 'start' })
    await act(inspector, id, { intent: 'score', itemId: itemIds[0], outcome: 'PASS' })
    expect(await act(inspector, id, { intent: 'sign', signature: 'Inspector' })).toMatchObject({ errors: { signature: 'score every item before signing' } })
    await act(inspector, id, { intent: 'score', itemId: itemIds[1], outcome: 'FAIL' })
    await act(inspector, id, { intent: 'score', itemId: itemIds[2], outcome: 'PASS' })
    // The covers (item 2) need a photo: scored without one, the inspection cannot be signed.
    const photoRule = { errors: { signature: 'every item that needs a photo has one before signing' } }
    expect(await act(inspector, id, { intent: 'sign', signature: 'Inspector' })).toMatchObject(photoRule)
    expect(await act(manager, id, { intent: 'sign', signature: '张站长' })).toMatchObject(photoRule)
    expect((await getInspection({ user: manager, inspectionId: id }))?.photosMissing).toBe(1)
    await act(inspector, id, { intent: 'evidence', itemId: itemIds[1], attachmentId: (await uploadPng(inspector, 'covers.png')).id })
    expect((await getInspection({ user: manager, inspectionId: id }))?.photosMissing).toBe(0)
    expect(await act(tech, id, { intent: 'sign', signature: 'Tech' })).toEqual({ ok: false, reason: 'forbidden' })
    expect(await act(inspector, id, { intent: 'sign', signature: '陈工' })).toEqual({ ok: true })
    expect(await act(inspector, id, { intent: 'sign', signature: '陈工' })).toEqual({ ok: false, reason: 'invalid-state' })
    expect((await getDb().inspection.findUniqueOrThrow({ where: { id } })).status).toBe('IN_PROGRESS')
    expect(await act(manager, id, { intent: 'sign', signature: '张站长' })).toEqual({ ok: true })
    const finished = await getDb().inspection.findUniqueOrThrow({ where: { id }, select: { status: true, score: true, finishedAt: true, stationSignerId: true } })
    // 5 of 6 weighed points.
    expect(finished).toMatchObject({ status: 'FINISHED', score: 83.3, stationSignerId: manager.id })
    expect(await act(inspector, id, { intent: 'score', itemId: itemIds[0], outcome: 'FAIL' })).toEqual({ ok: false, reason: 'invalid-state' })
  })

  test('a new version of the checklist leaves running inspections on the version they used', async () => {
    const id = await scheduled()
    const next = await publishTemplateVersion(template(true))
    expect(next.version).toBeGreaterThan(1)
    const inspection = await getInspection({ user: inspector, inspectionId: id })
    expect(inspection?.template.id).toBe(templateId)
    expect(inspection?.template.sections.flatMap((section) => section.items)).toHaveLength(3)
    const newer = await getDb().checklistItem.count({ where: { section: { templateId: next.id } } })
    expect(newer).toBe(4)
  })
})

describe('corrective actions', () => {
  const raise = (id: string, overrides: Record<string, unknown> = {}) =>
    act(inspector, id, { intent: 'raise-action', itemId: itemIds[1], ownerId: tech.id, dueAt: new Date(Date.now() + 7 * DAY).toISOString(), requiredProof: '三件套照片', ...overrides })
  const actionOf = async (id: string) => (await getDb().correctiveAction.findFirstOrThrow({ where: { inspectionId: id }, select: { id: true, status: true, proofIds: true } }))

  test('only a failed item becomes an action, with an owner at the station; its owner is notified', async () => {
    const id = await scoredInspection()
    expect(await raise(id, { itemId: itemIds[0] })).toMatchObject({ errors: { itemId: 'only a failed item becomes an action' } })
    expect(await raise(id, { ownerId: southManager.id })).toMatchObject({ errors: { ownerId: 'choose an owner at the station' } })
    expect(await act(manager, id, { intent: 'raise-action', itemId: itemIds[1], ownerId: tech.id, dueAt: new Date().toISOString(), requiredProof: 'x1' })).toEqual({ ok: false, reason: 'forbidden' })
    expect(await raise(id)).toEqual({ ok: true })
    expect(await raise(id)).toMatchObject({ errors: { itemId: 'this item already has an action' } })
    expect(await getDb().notification.count({ where: { userId: tech.id, link: `/inspections/${id}`, title: { contains: '三件套照片' } } })).toBe(1)
  })

  test('proof, reopen, proof again, verify; each step only by its side and from its state', async () => {
    const id = await scoredInspection()
    await raise(id)
    const { id: actionId } = await actionOf(id)
    const photo = await uploadPng(tech)
    expect(await act(inspector, id, { intent: 'reopen', actionId, note: '不清楚' })).toEqual({ ok: false, reason: 'invalid-state' })
    expect(await act(inspector, id, { intent: 'submit-proof', actionId, proofIds: photo.id })).toEqual({ ok: false, reason: 'forbidden' })
    expect(inspectionActionSchema.safeParse({ intent: 'submit-proof', actionId, proofIds: '' }).success).toBe(false)
    expect(await act(tech, id, { intent: 'submit-proof', actionId, note: '已铺好', proofIds: photo.id })).toEqual({ ok: true })
    expect(await actionOf(id)).toMatchObject({ status: 'PROOF_SUBMITTED', proofIds: [photo.id] })
    expect(await getDb().notification.count({ where: { userId: inspector.id, link: `/inspections/${id}`, title: { contains: '已提交整改证明' } } })).toBe(1)
    expect(await act(tech, id, { intent: 'verify', actionId })).toEqual({ ok: false, reason: 'forbidden' })
    expect(await act(inspector, id, { intent: 'reopen', actionId, note: '照片看不清驾驶座' })).toEqual({ ok: true })
    expect((await actionOf(id)).status).toBe('REOPENED')
    const second = await uploadPng(manager)
    // The station's manager may submit for the owner.
    expect(await act(manager, id, { intent: 'submit-proof', actionId, proofIds: second.id })).toEqual({ ok: true })
    expect(await act(inspector, id, { intent: 'verify', actionId })).toEqual({ ok: true })
    expect(await actionOf(id)).toMatchObject({ status: 'VERIFIED', proofIds: [photo.id, second.id] })
    expect(await act(inspector, id, { intent: 'reopen', actionId, note: 'again' })).toEqual({ ok: false, reason: 'invalid-state' })
    expect(await act(tech, id, { intent: 'submit-proof', actionId, proofIds: second.id })).toEqual({ ok: false, reason: 'invalid-state' })
  })

  test('fixed during the call: verified at once, but only from a fresh snapshot', async () => {
    const id = await scoredInspection()
    await raise(id)
    const { id: actionId } = await actionOf(id)
    expect(await act(inspector, id, { intent: 'verify', actionId })).toMatchObject({ errors: { proofIds: 'take a fresh snapshot to verify during the call' } })
    const snapshot = await uploadPng(inspector)
    expect(await act(inspector, id, { intent: 'verify', actionId, proofIds: snapshot.id })).toEqual({ ok: true })
    expect(await actionOf(id)).toMatchObject({ status: 'VERIFIED', proofIds: [snapshot.id] })
  })

  test('overdue actions escalate once to their owner, the station manager and the inspector', async () => {
    const id = await scoredInspection()
    await raise(id)
    const { id: actionId } = await actionOf(id)
    const later = new Date(Date.now() + 8 * DAY)
    expect(await escalateOverdueActions(new Date())).toBe(0)
    const escalated = await escalateOverdueActions(later)
    expect(escalated).toBeGreaterThanOrEqual(1)
    const told = await getDb().notification.findMany({ where: { link: `/inspections/${id}`, title: { contains: '逾期' } }, select: { userId: true } })
    expect(new Set(told.map((row) => row.userId))).toEqual(new Set([tech.id, manager.id, inspector.id]))
    expect(await escalateOverdueActions(later)).toBe(0)
    expect((await getDb().correctiveAction.findUniqueOrThrow({ where: { id: actionId } })).escalatedAt).not.toBeNull()
  })
})

describe('reports', () => {
  /** A finished inspection of `stationId` by `by` with these outcomes of the three items. */
  async function finished(by: SessionUser, stationId: string, signer: SessionUser, outcomes: Array<'PASS' | 'FAIL' | 'NA'>) {
    const id = await scheduled(by, stationId)
    await act(by, id, { intent: 'start' })
    for (const [index, outcome] of outcomes.entries()) await act(by, id, { intent: 'score', itemId: itemIds[index], outcome })
    if (outcomes[1] !== 'NA') await act(by, id, { intent: 'evidence', itemId: itemIds[1], attachmentId: (await uploadPng(by, 'covers.png')).id })
    expect(await act(by, id, { intent: 'sign', signature: 'Inspector' })).toEqual({ ok: true })
    expect(await act(signer, id, { intent: 'sign', signature: 'Manager' })).toEqual({ ok: true })
    return id
  }

  test('station history, the league with ranks by region, the most-failed checkpoints; a station sees only its own', async () => {
    const { inspectionReports, inspectionReportCharts } = await import('../../app/modules/inspections/reports.server')
    const east = await createStation({ region: 'Report-East' })
    const west = await createStation({ region: 'Report-West' })
    const eastManager = await createTestUser({ role: 'STATION_MANAGER', stationId: east.id })
    const westManager = await createTestUser({ role: 'STATION_MANAGER', stationId: west.id })
    const reporter = await createTestUser({ role: 'ENGINEER' })
    // Weights 3, 1, 2. East: 100, then 83.3 (the weight-1 item fails: 5 of 6); West: 0 (both scored items fail, the third is N/A).
    await finished(reporter, east.id, eastManager, ['PASS', 'PASS', 'PASS'])
    await finished(reporter, east.id, eastManager, ['PASS', 'FAIL', 'PASS'])
    await finished(reporter, west.id, westManager, ['FAIL', 'FAIL', 'NA'])

    const mine = await inspectionReports({ user: reporter })
    expect(mine.league.map((row) => [row.code, row.average, row.latest, row.inspections, row.rank, row.regionRank])).toEqual([
      [east.code, 91.7, 83.3, 2, 1, 1],
      [west.code, 0, 0, 1, 2, 1],
    ])
    expect(mine.mostFailed.map((row) => [row.code, row.failed, row.scored, row.rate])).toEqual([
      ['1.2', 2, 3, 66.7],
      ['1.1', 1, 3, 33.3],
    ])
    const eastHistory = await inspectionReports({ user: reporter, stationId: east.id })
    expect(eastHistory.history.map((inspection) => inspection.score)).toEqual([100, 83.3])
    const charts = inspectionReportCharts(eastHistory, 'zh')
    expect(charts.trend).toContain('<svg')
    expect(charts.league).toContain('<svg')

    // A station's manager: its own history, no league, failures of its own inspections only.
    const station = await inspectionReports({ user: westManager, stationId: east.id })
    expect(station.chosenStationId).toBe(west.id)
    expect(station.stations.map((each) => each.id)).toEqual([west.id])
    expect(station.league).toEqual([])
    expect(station.mostFailed.map((row) => [row.code, row.failed])).toEqual([['1.1', 1], ['1.2', 1]])
  })
})
