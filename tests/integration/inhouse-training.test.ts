import { beforeAll, describe, expect, test } from 'vitest'
import { complianceCsv, SESSIONS_PER_MONTH } from '../../app/modules/training/compliance'
import { addSession, complianceForMonth, getPlan, getReport, listPlans, openReport, publishPlan, returnReport, savePlan, submitReport, unpublishPlan } from '../../app/modules/training/inhouse.server'
import { loader as attachmentRoute } from '../../app/routes/files.$fileId'
import { loader as complianceRoute } from '../../app/routes/training.compliance'
import { action as plansAction } from '../../app/routes/training.plans._index'
import { action as planAction } from '../../app/routes/training.plans.$planId'
import { action as reportAction, loader as reportRoute } from '../../app/routes/training.reports.$reportId'
import { getDb } from '../../app/utils/db.server'
import type { SessionUser } from '../../app/utils/session-user'
import { createStation, createTestUser, sessionCookieFor, uploadPng } from '../factories'
import { callRoute, routeArgs } from '../route-calls'

// In-house training through the real data functions and routes: real PostgreSQL, real file store.
const PNG = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex')
const PDF = Buffer.from('%PDF-1.4\n1 0 obj\n<<>>\nendobj\n', 'latin1')

let trainer: SessionUser
let admin: SessionUser
let tech: SessionUser
let stationA: { id: string; code: string }
let stationB: { id: string; code: string }
let stationC: { id: string; code: string }
let managerA: SessionUser
let managerB: SessionUser
let managerC: SessionUser
let techA: SessionUser
let techA2: SessionUser
let paperId: string
const cookies = new Map<string, string>()

const request = (user: SessionUser, url: string, init: RequestInit = {}) => new Request(`http://test${url}`, { ...init, headers: { ...(init.headers ?? {}), Cookie: cookies.get(user.id)! } })
const errorsOf = async (response: Response) => ((await response.json()) as { errors: Record<string, string> }).errors

function sessionForm(fields: Record<string, string | string[]>, photos: Array<{ bytes: Buffer; name: string; type: string }> = []) {
  const form = new FormData()
  form.append('intent', 'session')
  for (const [name, value] of Object.entries(fields)) for (const item of [value].flat()) form.append(name, item)
  for (const photo of photos) form.append('photos', new Blob([new Uint8Array(photo.bytes)], { type: photo.type }), photo.name)
  return form
}

async function publishedPlan(month: string) {
  const saved = await savePlan({ user: trainer, input: { month, title: `Plan ${month}`, content: 'High-voltage safety\nBrake service' } })
  if (!saved.ok) throw new Error(saved.reason)
  await publishPlan({ user: trainer, planId: saved.id })
  return saved.id
}

async function report(manager: SessionUser, planId: string) {
  const opened = await openReport({ user: manager, planId })
  if (!opened.ok) throw new Error(opened.reason)
  return opened.id
}

async function logSessions(manager: SessionUser, reportId: string, month: string, count: number, attendee: SessionUser) {
  for (let day = 1; day <= count; day += 1) {
    const added = await addSession({ user: manager, reportId, input: { heldOn: `${month}-${String(day).padStart(2, '0')}`, topic: `Topic ${day}`, trainerName: 'Zhang', attendees: [attendee.id] } })
    expect(added.ok).toBe(true)
  }
}

beforeAll(async () => {
  stationA = await createStation({ region: 'North' })
  stationB = await createStation({ region: 'North' })
  stationC = await createStation({ region: 'South' })
  trainer = await createTestUser({ role: 'TRAINER' })
  admin = await createTestUser({ role: 'ADMIN' })
  tech = await createTestUser({ stationId: stationA.id })
  managerA = await createTestUser({ role: 'STATION_MANAGER', stationId: stationA.id })
  managerB = await createTestUser({ role: 'STATION_MANAGER', stationId: stationB.id })
  managerC = await createTestUser({ role: 'STATION_MANAGER', stationId: stationC.id })
  techA = tech
  techA2 = await createTestUser({ stationId: stationA.id })
  for (const user of [trainer, admin, tech, managerA, managerB, managerC, techA2]) cookies.set(user.id, await sessionCookieFor(user.id))
  paperId = (await getDb().examPaper.create({ data: { title: 'HV safety check', timeLimitMinutes: 20, passPercent: 60, maxAttempts: 3, publishedAt: new Date(), createdById: trainer.id }, select: { id: true } })).id
})

describe('monthly plans', () => {
  test('the plan form is validated field by field (400) and only trainers and admins write plans', async () => {
    const form = new URLSearchParams({ month: '2031-13', title: '', content: ' ' })
    const refused = await callRoute(() => plansAction(routeArgs(request(trainer, '/training/plans', { method: 'POST', body: form }))))
    expect(refused.status).toBe(400)
    expect(await errorsOf(refused)).toEqual({ month: 'invalid.month', title: 'invalid.title', content: 'invalid.content' })

    const byManager = await callRoute(() => plansAction(routeArgs(request(managerA, '/training/plans', { method: 'POST', body: new URLSearchParams({ month: '2031-01', title: 'x', content: 'y' }) }))))
    expect(byManager.status).toBe(403)
    expect(await savePlan({ user: tech, input: { month: '2031-01', title: 'x', content: 'y' } })).toEqual({ ok: false, reason: 'forbidden' })
    expect(await getDb().trainingPlan.count({ where: { month: '2031-01' } })).toBe(0)
  })

  test('one plan a month; the follow-up exam must be a published paper; publishing notifies every station manager', async () => {
    const draftPaper = await getDb().examPaper.create({ data: { title: 'Draft', timeLimitMinutes: 20, passPercent: 60, maxAttempts: 3, createdById: trainer.id }, select: { id: true } })
    expect(await savePlan({ user: trainer, input: { month: '2031-02', title: 'Feb', content: 'Topics', examPaperId: draftPaper.id } })).toEqual({ ok: false, reason: 'invalid', errors: { examPaperId: 'invalid.examPaper' } })
    const saved = await savePlan({ user: admin, input: { month: '2031-02', title: 'Feb', content: 'Topics', examPaperId: paperId } })
    expect(saved.ok).toBe(true)
    if (!saved.ok) return
    expect(await savePlan({ user: trainer, input: { month: '2031-02', title: 'Again', content: 'Topics' } })).toEqual({ ok: false, reason: 'invalid', errors: { month: 'invalid.monthTaken' } })

    // A draft is the trainers' only: a manager neither sees it nor opens a report for it.
    expect(await getPlan({ user: managerA, planId: saved.id })).toBeNull()
    expect(await openReport({ user: managerA, planId: saved.id })).toEqual({ ok: false, reason: 'not-found' })

    const published = await publishPlan({ user: trainer, planId: saved.id })
    expect(published).toMatchObject({ ok: true, notified: 3 })
    const notified = await getDb().notification.findMany({ where: { link: `/training/plans/${saved.id}` }, select: { userId: true } })
    expect(notified.map((row) => row.userId).sort()).toEqual([managerA.id, managerB.id, managerC.id].sort())
    const view = await getPlan({ user: managerA, planId: saved.id })
    expect(view).toMatchObject({ canReport: true, plan: { examPaper: { id: paperId, title: 'HV safety check' } } })
    expect((await listPlans({ user: tech })).map((plan) => plan.id)).toContain(saved.id)
  })

  test('a published plan can be withdrawn until a station opens its report, through the page and by trainers only', async () => {
    const planId = await publishedPlan('2031-12')
    expect(await unpublishPlan({ user: managerA, planId })).toEqual({ ok: false, reason: 'forbidden' })
    const form = new URLSearchParams({ intent: 'unpublish' })
    expect(await planAction(routeArgs(request(trainer, `/training/plans/${planId}`, { method: 'POST', body: form }), { planId }))).toEqual({ ok: true })
    expect(await getPlan({ user: managerA, planId })).toBeNull()
    expect((await listPlans({ user: tech })).map((plan) => plan.id)).not.toContain(planId)
    expect(await openReport({ user: managerA, planId })).toEqual({ ok: false, reason: 'not-found' })

    await publishPlan({ user: trainer, planId })
    await report(managerA, planId)
    const refused = await callRoute(() => planAction(routeArgs(request(trainer, `/training/plans/${planId}`, { method: 'POST', body: form }), { planId })))
    expect(refused.status).toBe(400)
    expect(await errorsOf(refused)).toEqual({ _form: 'invalid.planHasReports' })
    expect(await getPlan({ user: managerA, planId })).not.toBeNull()
    expect(await unpublishPlan({ user: trainer, planId: 'no-such-plan' })).toEqual({ ok: false, reason: 'not-found' })
  })
})

describe("a station's monthly report", () => {
  test('the manager logs a session with attendees and a photo; the photo is seen by the station and the trainers only', async () => {
    const planId = await publishedPlan('2031-03')
    const reportId = await report(managerA, planId)
    expect(await report(managerA, planId)).toBe(reportId)
    const response = await callRoute(() =>
      reportAction(routeArgs(request(managerA, `/training/reports/${reportId}`, { method: 'POST', body: sessionForm({ heldOn: '2031-03-05', topic: 'HV safety', trainerName: 'Zhang', attendees: [techA.id, techA2.id] }, [{ bytes: PNG, name: 'class.png', type: 'image/png' }]) }), { reportId })),
    )
    expect(response).toEqual({ ok: true, form: 'session' })
    const view = await getReport({ user: managerA, reportId })
    expect(view?.canEdit).toBe(true)
    const [session] = view!.report.sessions
    expect(session).toMatchObject({ topic: 'HV safety', trainerName: 'Zhang' })
    expect(session.attendees.map((row) => row.user.id).sort()).toEqual([techA.id, techA2.id].sort())
    expect(session.photos).toHaveLength(1)
    const photoId = session.photos[0].id

    const open = (user: SessionUser) => callRoute(() => attachmentRoute(routeArgs(request(user, `/files/${photoId}`), { fileId: photoId })))
    const seen = await open(trainer)
    expect(seen.status).toBe(200)
    expect(seen.headers.get('Content-Type')).toBe('image/png')
    expect((await open(techA)).status).toBe(200) // attended
    expect((await open(managerB)).status).toBe(404)
    // The attendee finds the session under the plan.
    expect((await getPlan({ user: techA, planId }))?.attended.map((row) => row.topic)).toEqual(['HV safety'])
  })

  test('a photo that is not a JPEG, PNG or WebP is refused by its bytes, and nothing is written', async () => {
    const planId = await publishedPlan('2031-04')
    const reportId = await report(managerA, planId)
    const before = await getDb().attachment.count()
    const response = await callRoute(() =>
      reportAction(routeArgs(request(managerA, `/training/reports/${reportId}`, { method: 'POST', body: sessionForm({ heldOn: '2031-04-02', topic: 'Brakes', trainerName: 'Zhang', attendees: techA.id }, [{ bytes: PDF, name: 'photo.png', type: 'image/png' }]) }), { reportId })),
    )
    expect(response.status).toBe(400)
    expect(await errorsOf(response)).toEqual({ photos: 'invalid.photoType' })
    expect(await getDb().attachment.count()).toBe(before)
    expect(await getDb().trainingSession.count({ where: { reportId } })).toBe(0)

    // Field errors: a date outside the plan's month, an attendee from another station, no topic.
    const invalid = await callRoute(() => reportAction(routeArgs(request(managerA, `/training/reports/${reportId}`, { method: 'POST', body: sessionForm({ heldOn: '2031-04-02', topic: '', trainerName: 'Zhang' }) }), { reportId })))
    expect(invalid.status).toBe(400)
    expect(await errorsOf(invalid)).toEqual({ topic: 'invalid.topic', attendees: 'invalid.attendees' })
    const stranger = await createTestUser({ stationId: stationB.id })
    const photo = await uploadPng(managerA)
    expect(await addSession({ user: managerA, reportId, input: { heldOn: '2031-05-01', topic: 'x', trainerName: 'y', attendees: [stranger.id] }, photoIds: [photo.id] })).toEqual({
      ok: false,
      reason: 'invalid',
      errors: { heldOn: 'invalid.heldOnMonth', attendees: 'invalid.attendeeStation' },
    })
    // The refused session's photo is not kept.
    expect(await getDb().attachment.count({ where: { id: photo.id } })).toBe(0)
    // Someone else's upload cannot be claimed as a photo: the whole session is refused.
    const othersPhoto = await uploadPng(techA)
    expect(await addSession({ user: managerA, reportId, input: { heldOn: '2031-04-03', topic: 'x', trainerName: 'y', attendees: [techA.id] }, photoIds: [othersPhoto.id] })).toMatchObject({ ok: false, reason: 'invalid' })
    expect(await getDb().trainingSession.count({ where: { reportId } })).toBe(0)
  })

  test('submitting makes the report read-only until a trainer returns it', async () => {
    const planId = await publishedPlan('2031-06')
    const reportId = await report(managerA, planId)
    expect(await submitReport({ user: managerA, reportId })).toEqual({ ok: false, reason: 'invalid', errors: { _form: 'invalid.noSessions' } })
    await logSessions(managerA, reportId, '2031-06', 2, techA)
    const submitted = await callRoute(() => reportAction(routeArgs(request(managerA, `/training/reports/${reportId}`, { method: 'POST', body: new URLSearchParams({ intent: 'submit' }) }), { reportId })))
    expect(submitted).toEqual({ ok: true, form: 'submit' })
    expect((await getReport({ user: managerA, reportId }))?.canEdit).toBe(false)

    const late = await addSession({ user: managerA, reportId, input: { heldOn: '2031-06-20', topic: 'Late', trainerName: 'Zhang', attendees: [techA.id] } })
    expect(late).toEqual({ ok: false, reason: 'invalid', errors: { _form: 'invalid.submitted' } })
    const [session] = (await getReport({ user: managerA, reportId }))!.report.sessions
    const deleting = await callRoute(() => reportAction(routeArgs(request(managerA, `/training/reports/${reportId}`, { method: 'POST', body: new URLSearchParams({ intent: 'delete', sessionId: session.id }) }), { reportId })))
    expect(deleting.status).toBe(400)
    expect(await getDb().trainingSession.count({ where: { reportId } })).toBe(2)

    // Returning needs a reason and a trainer; then the station may edit again and is told why.
    expect(await returnReport({ user: managerA, reportId, note: 'Add photos' })).toEqual({ ok: false, reason: 'forbidden' })
    const noReason = await callRoute(() => reportAction(routeArgs(request(trainer, `/training/reports/${reportId}`, { method: 'POST', body: new URLSearchParams({ intent: 'return', note: ' ' }) }), { reportId })))
    expect(noReason.status).toBe(400)
    expect(await errorsOf(noReason)).toEqual({ note: 'invalid.returnNote' })
    expect(await returnReport({ user: trainer, reportId, note: 'Add photos' })).toEqual({ ok: true, id: reportId })
    expect(await getDb().notification.count({ where: { userId: managerA.id, link: `/training/reports/${reportId}` } })).toBe(1)
    expect(await getReport({ user: managerA, reportId })).toMatchObject({ canEdit: true, report: { status: 'DRAFT', returnNote: 'Add photos' } })
  })

  test("another station's manager, a technician and a signed-out visitor cannot read or change the report", async () => {
    const planId = await publishedPlan('2031-07')
    const reportId = await report(managerA, planId)
    await logSessions(managerA, reportId, '2031-07', 1, techA)
    expect(await getReport({ user: managerB, reportId })).toBeNull()
    expect(await getReport({ user: tech, reportId })).toBeNull()
    expect(await addSession({ user: managerB, reportId, input: { heldOn: '2031-07-02', topic: 'x', trainerName: 'y', attendees: [managerB.id] } })).toEqual({ ok: false, reason: 'not-found' })
    expect(await submitReport({ user: managerB, reportId })).toEqual({ ok: false, reason: 'not-found' })
    const page = await callRoute(() => reportRoute(routeArgs(request(managerB, `/training/reports/${reportId}`), { reportId })))
    expect(page.status).toBe(404)
    const upload = await callRoute(() => reportAction(routeArgs(request(tech, `/training/reports/${reportId}`, { method: 'POST', body: sessionForm({ heldOn: '2031-07-02', topic: 'x', trainerName: 'y', attendees: tech.id }) }), { reportId })))
    expect(upload.status).toBe(403)
    const submit = await callRoute(() => reportAction(routeArgs(request(managerB, `/training/reports/${reportId}`, { method: 'POST', body: new URLSearchParams({ intent: 'submit' }) }), { reportId })))
    expect(submit.status).toBe(404)
    const anonymous = await callRoute(() => reportRoute(routeArgs(new Request(`http://test/training/reports/${reportId}`), { reportId })))
    expect(anonymous.status).toBe(302)
    // The trainer sees every station's report, read-only.
    expect(await getReport({ user: trainer, reportId })).toMatchObject({ canEdit: false, canReturn: false })
    expect(await openReport({ user: trainer, planId })).toEqual({ ok: false, reason: 'forbidden' })
  })
})

describe('compliance: four sessions a month and a submitted report', () => {
  test('by station and by region, for trainers and admins only', async () => {
    const month = '2031-09'
    const planId = await publishedPlan(month)
    // A: 4 sessions, submitted (compliant). B: 5 sessions, not submitted. C: 3 sessions, submitted.
    const a = await report(managerA, planId)
    await logSessions(managerA, a, month, SESSIONS_PER_MONTH, techA)
    expect((await submitReport({ user: managerA, reportId: a })).ok).toBe(true)
    const b = await report(managerB, planId)
    await logSessions(managerB, b, month, 5, managerB)
    const c = await report(managerC, planId)
    await logSessions(managerC, c, month, 3, managerC)
    expect((await submitReport({ user: managerC, reportId: c })).ok).toBe(true)

    const compliance = await complianceForMonth({ user: admin, month })
    const mine = new Set([stationA.id, stationB.id, stationC.id])
    const rows = Object.fromEntries(compliance!.stations.filter((row) => mine.has(row.stationId)).map((row) => [row.stationId, row]))
    expect(rows[stationA.id]).toMatchObject({ sessions: 4, submitted: true, compliant: true, reportId: a })
    expect(rows[stationB.id]).toMatchObject({ sessions: 5, submitted: false, compliant: false })
    expect(rows[stationC.id]).toMatchObject({ sessions: 3, submitted: true, compliant: false })
    // Stations made by this file only: two in the North, one in the South.
    const north = compliance!.regions.find((region) => region.region === 'North')
    const south = compliance!.regions.find((region) => region.region === 'South')
    expect(north).toMatchObject({ stations: 2, submitted: 1, compliant: 1, sessions: 9, percent: 50 })
    expect(south).toMatchObject({ stations: 1, submitted: 1, compliant: 0, sessions: 3, percent: 0 })

    expect(await complianceForMonth({ user: managerA, month })).toBeNull()
    const forbidden = await callRoute(() => complianceRoute(routeArgs(request(managerA, `/training/compliance?month=${month}`))))
    expect(forbidden.status).toBe(403)
    const page = (await complianceRoute(routeArgs(request(trainer, `/training/compliance?month=${month}`)))) as { month: string; total: { compliant: number } }
    expect(page.month).toBe(month)
    const csv = complianceCsv(month, compliance!.stations)
    expect(csv.split('\r\n')[0]).toBe('\ufeffmonth,region,station_code,station_name,sessions,target,submitted,compliant')
    expect(csv).toContain(`${month},North,${stationA.code},`)
  })
})

test('the demo seed: three published months, BJ001 compliant last month and SH002 not; seeded once', async () => {
  const { seedDemoInhouseTraining } = await import('../../app/modules/training/demo/seed-training.server')
  const { monthOf, previousMonth } = await import('../../app/modules/training/compliance')
  const { createUser } = await import('../../app/utils/user.server')
  await getDb().trainingPlan.deleteMany()
  const bj = await createStation({ code: 'BJ001', region: '华北' })
  const sh = await createStation({ code: 'SH002', region: '华东' })
  const demoTrainer = await createUser({ email: 'trainer@gtac.test', name: 'Trainer', password: 'test-password', role: 'TRAINER', stationId: null })
  await createUser({ email: 'manager@gtac.test', name: 'Manager', password: 'test-password', role: 'STATION_MANAGER', stationId: bj.id })
  const lines: string[] = []
  const now = new Date('2031-11-15T08:00:00Z')
  await seedDemoInhouseTraining({ log: (line) => lines.push(line), now })
  await seedDemoInhouseTraining({ log: (line) => lines.push(line), now })
  expect(lines).toHaveLength(1)
  expect((await getDb().trainingPlan.findMany({ where: { publishedAt: { not: null } }, orderBy: { month: 'asc' }, select: { month: true } })).map((plan) => plan.month)).toEqual(['2031-09', '2031-10', '2031-11'])
  const last = await complianceForMonth({ user: demoTrainer, month: previousMonth(monthOf(now)) })
  const row = (id: string) => last!.stations.find((station) => station.stationId === id)
  expect(row(bj.id)).toMatchObject({ sessions: 4, submitted: true, compliant: true })
  expect(row(sh.id)).toMatchObject({ sessions: 3, submitted: true, compliant: false })
  expect((await complianceForMonth({ user: demoTrainer, month: '2031-11' }))!.stations.find((station) => station.stationId === bj.id)).toMatchObject({ sessions: 2, submitted: false })
})
