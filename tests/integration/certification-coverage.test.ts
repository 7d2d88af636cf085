import { beforeAll, describe, expect, test } from 'vitest'
import { getAttempt, startAttempt, submitAttempt } from '../../app/modules/exams/attempts.server'
import { remindExpiringCertifications } from '../../app/modules/exams/certificate-reminders.server'
import { getCertificate, listPositionCertificates } from '../../app/modules/exams/certification.server'
import { stationCoverage, stationMembersCoverage } from '../../app/modules/exams/coverage.server'
import { expiryOf } from '../../app/modules/exams/levels'
import { paperInputSchema } from '../../app/modules/exams/schema'
import { loader as coveragePage } from '../../app/routes/exams.coverage'
import { getDb } from '../../app/utils/db.server'
import type { SessionUser } from '../../app/utils/session-user'
import { createQuestions, paperInput, publishedPaper, singleChoice } from '../exam-factories'
import { createStation, createTestUser, sessionCookieFor } from '../factories'
import { callRoute, routeArgs } from '../route-calls'

// Key-position certificates come from position exams; the coverage report shows, per station and
// region, who holds which level and position and where the gaps are.
const region = `Coverage-${Date.now().toString(36)}`
const DAY = 86_400_000
let trainer: SessionUser
let full: { id: string; code: string }
let partial: { id: string; code: string }
let fullManager: SessionUser
let partialManager: SessionUser
const techs: SessionUser[] = []

const holdLevel = (user: SessionUser, level: 'TECHNICIAN' | 'SENIOR_TECHNICIAN', grantedAt = new Date()) =>
  getDb().certification.create({ data: { userId: user.id, level, grantedAt, expiresAt: expiryOf(grantedAt) } })
const holdPosition = (user: SessionUser, position: 'STATION_MANAGER' | 'TECHNICAL_DIRECTOR' | 'SERVICE_ADVISOR' | 'PARTS_CLERK' | 'WARRANTY_CLERK' | 'CUSTOMER_RELATIONS', expiresAt = new Date(Date.now() + 700 * DAY)) =>
  getDb().positionCertificate.create({ data: { userId: user.id, position, grantedAt: new Date(), expiresAt } })

beforeAll(async () => {
  trainer = await createTestUser({ role: 'TRAINER' })
  full = await createStation({ region, code: `A${Date.now().toString(36)}` })
  partial = await createStation({ region, code: `B${Date.now().toString(36)}` })
  fullManager = await createTestUser({ role: 'STATION_MANAGER', stationId: full.id })
  partialManager = await createTestUser({ role: 'STATION_MANAGER', stationId: partial.id })
  for (const stationId of [full.id, full.id, partial.id, partial.id, partial.id]) techs.push(await createTestUser({ stationId }))
  // Station A: both technicians certified (one at each of two levels, one holding an expired and a valid row), every position covered.
  await holdLevel(techs[0], 'TECHNICIAN')
  await holdLevel(techs[0], 'SENIOR_TECHNICIAN')
  await holdLevel(techs[1], 'SENIOR_TECHNICIAN', new Date(Date.now() - 4 * 365 * DAY))
  await holdLevel(techs[1], 'TECHNICIAN')
  for (const position of ['STATION_MANAGER', 'TECHNICAL_DIRECTOR', 'SERVICE_ADVISOR', 'PARTS_CLERK', 'WARRANTY_CLERK'] as const) await holdPosition(fullManager, position)
  await holdPosition(techs[1], 'CUSTOMER_RELATIONS')
  // Station B: one of three technicians certified, one position held, one expired, one running out soon.
  await holdLevel(techs[2], 'TECHNICIAN')
  await holdPosition(partialManager, 'STATION_MANAGER', new Date(Date.now() + 30 * DAY))
  await holdPosition(techs[3], 'SERVICE_ADVISOR', new Date(Date.now() - DAY))
})

describe('key-position certificates', () => {
  test('passing a position exam grants its certificate, shown in the member center list', async () => {
    const [questionId] = await createQuestions(trainer, [singleChoice()])
    const paperId = await publishedPaper(trainer, { fixed: [questionId], position: 'PARTS_CLERK' })
    const candidate = await createTestUser({ stationId: partial.id })
    const started = await startAttempt({ user: candidate, paperId })
    if (!started.ok) throw new Error(started.reason)
    const view = await getAttempt({ user: candidate, attemptId: started.attemptId })
    if (view?.state !== 'open') throw new Error('not open')
    const right = (await getDb().examAttempt.findUniqueOrThrow({ where: { id: started.attemptId }, select: { questions: true } })).questions as Array<{ id: string; options: Array<{ id: string; correct: boolean }> }>
    const outcome = await submitAttempt({ user: candidate, attemptId: started.attemptId, answers: { [right[0].id]: [right[0].options.find((option) => option.correct)!.id] } })
    expect(outcome.ok).toBe(true)
    expect((await listPositionCertificates({ userId: candidate.id })).map((row) => row.position)).toEqual(['PARTS_CLERK'])
    await getDb().positionCertificate.deleteMany({ where: { userId: candidate.id } })
    await getDb().user.update({ where: { id: candidate.id }, data: { stationId: null } })
  })

  test('a paper grants a level or a position, not both', () => {
    const parsed = paperInputSchema.safeParse({ ...paperInput(), level: 'TECHNICIAN', position: 'SERVICE_ADVISOR' })
    expect(parsed.success).toBe(false)
    expect(parsed.error?.issues.map((issue) => [issue.path.join('.'), issue.message])).toEqual([['position', 'invalid.levelAndPosition']])
  })
})

describe('station coverage report', () => {
  test('per station: technicians by highest valid level, those without one, positions covered and missing', async () => {
    const report = await stationCoverage({ user: trainer, region })
    const byCode = new Map(report!.stations.map((station) => [station.code, station]))
    expect(byCode.get(full.code)).toMatchObject({
      technicians: 2,
      uncertified: 0,
      levels: { TECHNICIAN: 1, SENIOR_TECHNICIAN: 1, INTERMEDIATE_MASTER: 0, SENIOR_MASTER: 0 },
      missing: [],
    })
    expect(byCode.get(partial.code)).toMatchObject({
      technicians: 3,
      uncertified: 2,
      levels: { TECHNICIAN: 1, SENIOR_TECHNICIAN: 0 },
      covered: ['STATION_MANAGER'],
      missing: ['TECHNICAL_DIRECTOR', 'SERVICE_ADVISOR', 'PARTS_CLERK', 'WARRANTY_CLERK', 'CUSTOMER_RELATIONS'],
    })
    expect(report!.regions.find((row) => row.region === region)).toEqual({ region, stations: 2, fullyCovered: 1, technicians: 5, uncertified: 2 })
  })

  test('"gaps only" leaves out the fully covered station', async () => {
    const report = await stationCoverage({ user: trainer, region, gapsOnly: true })
    expect(report!.stations.map((station) => station.code)).toEqual([partial.code])
    expect(report!.total).toBe(1)
  })

  test('one station’s people: highest level, positions, and what runs out soon', async () => {
    const members = await stationMembersCoverage({ user: trainer, stationCode: partial.code })
    const manager = members!.members.find((member) => member.id === partialManager.id)!
    expect(manager.positions).toEqual([{ position: 'STATION_MANAGER', expiresAt: expect.any(Date), expiringSoon: true }])
    expect(members!.members.find((member) => member.id === techs[3].id)).toMatchObject({ level: null, positions: [] })
    const a = await stationMembersCoverage({ user: trainer, stationCode: full.code })
    expect(a!.members.find((member) => member.id === techs[1].id)?.level).toMatchObject({ level: 'TECHNICIAN', expiringSoon: false })
  })

  test('a station manager sees only their own station; a technician is refused', async () => {
    const own = await stationCoverage({ user: partialManager })
    expect(own!.own).toBe(true)
    expect(own!.stations.map((station) => station.code)).toEqual([partial.code])
    expect(own!.regions).toEqual([])
    expect(await stationMembersCoverage({ user: partialManager, stationCode: full.code })).toBeNull()
    expect(await stationCoverage({ user: techs[0] })).toBeNull()

    const page = (user: SessionUser, query = '') => callRoute(async () => coveragePage(routeArgs(new Request(`http://test/exams/coverage${query}`, { headers: { Cookie: await sessionCookieFor(user.id) } }))))
    expect((await page(techs[0])).status).toBe(403)
    expect((await page(partialManager, `?station=${full.code}`)).status).toBe(404)
  })
})

describe('key-position certificates, printed and renewed', () => {
  test('the printable certificate shows the position; its holder and trainers may open it, nobody else', async () => {
    const holder = await createTestUser({ stationId: partial.id })
    const certificate = await holdPosition(holder, 'WARRANTY_CLERK')
    expect(await getCertificate({ user: holder, certificationId: certificate.id })).toMatchObject({ level: null, position: 'WARRANTY_CLERK', holder: holder.name, expired: false })
    expect((await getCertificate({ user: trainer, certificationId: certificate.id }))?.position).toBe('WARRANTY_CLERK')
    expect(await getCertificate({ user: techs[2], certificationId: certificate.id })).toBeNull()
    await getDb().user.update({ where: { id: holder.id }, data: { stationId: null } })
  })

  test('a position certificate running out is reminded once, unless it was renewed', async () => {
    const now = new Date()
    const [expiring, renewedHolder] = [await createTestUser(), await createTestUser()]
    const due = await holdPosition(expiring, 'PARTS_CLERK', new Date(now.getTime() + 20 * DAY))
    await holdPosition(renewedHolder, 'PARTS_CLERK', new Date(now.getTime() + 20 * DAY))
    await holdPosition(renewedHolder, 'PARTS_CLERK', new Date(now.getTime() + 900 * DAY))
    await remindExpiringCertifications({ now })
    await remindExpiringCertifications({ now })
    const notices = await getDb().notification.findMany({ where: { userId: { in: [expiring.id, renewedHolder.id] }, kind: 'certificate' }, select: { userId: true, title: true, link: true } })
    expect(notices).toEqual([{ userId: expiring.id, title: expect.stringContaining('备件专员'), link: `/me/certificates/${due.id}` }])
    expect(notices[0].title).toContain('Parts clerk')
  })
})
