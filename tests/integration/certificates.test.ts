import { expect, test } from 'vitest'
import { remindExpiringCertifications } from '../../app/modules/exams/certificate-reminders.server'
import { getCertificate } from '../../app/modules/exams/certification.server'
import { loader as certificatePage } from '../../app/routes/me_.certificates.$certificationId'
import { getDb } from '../../app/utils/db.server'
import { createStation, createTestUser, sessionCookieFor } from '../factories'
import { callRoute, routeArgs } from '../route-calls'

const DAY = 24 * 60 * 60_000
const at = (days: number, from: Date) => new Date(from.getTime() + days * DAY)

test('holders are reminded once, within 60 days of expiry, unless they already renewed', async () => {
  const now = new Date()
  const soon = await createTestUser()
  const later = await createTestUser()
  const renewed = await createTestUser()
  const db = getDb()
  const certify = (userId: string, expiresInDays: number, level: 'TECHNICIAN' | 'SENIOR_TECHNICIAN' = 'TECHNICIAN') =>
    db.certification.create({ data: { userId, level, grantedAt: at(expiresInDays - 3 * 365, now), expiresAt: at(expiresInDays, now) }, select: { id: true } })
  const expiring = await certify(soon.id, 30)
  await certify(later.id, 200)
  await certify(renewed.id, 20)
  await certify(renewed.id, 3 * 365)
  await certify(later.id, -5, 'SENIOR_TECHNICIAN')

  expect(await remindExpiringCertifications({ now })).toBe(1)
  const notes = await db.notification.findMany({ where: { kind: 'certificate' }, select: { userId: true, title: true, link: true } })
  expect(notes).toEqual([{ userId: soon.id, title: expect.stringContaining('技术员'), link: `/me/certificates/${expiring.id}` }])
  expect(notes[0].title).toContain('Technician')
  expect(await remindExpiringCertifications({ now })).toBe(0)
  expect(await remindExpiringCertifications({ now: at(1, now) })).toBe(0)
})

test('a certificate page is its holder’s (and trainers’); anyone else gets 404', async () => {
  const station = await createStation({ name: 'Beijing North' })
  const holder = await createTestUser({ stationId: station.id })
  const other = await createTestUser()
  const trainer = await createTestUser({ role: 'TRAINER' })
  const now = new Date()
  const { id } = await getDb().certification.create({ data: { userId: holder.id, level: 'SENIOR_TECHNICIAN', grantedAt: now, expiresAt: at(3 * 365, now) }, select: { id: true } })
  expect(await getCertificate({ user: holder, certificationId: id })).toMatchObject({ level: 'SENIOR_TECHNICIAN', holder: holder.name, station: `${station.code} Beijing North`, expired: false, exam: null })
  expect(await getCertificate({ user: trainer, certificationId: id })).not.toBeNull()
  expect(await getCertificate({ user: other, certificationId: id })).toBeNull()
  const page = async (userId: string) =>
    callRoute(async () => certificatePage(routeArgs(new Request(`http://test/me/certificates/${id}`, { headers: { Cookie: await sessionCookieFor(userId) } }), { certificationId: id })))
  expect((await page(other.id)).status).toBe(404)
  expect(await page(holder.id)).toMatchObject({ certificate: { id } })
})
