import { translateFrom } from '~/i18n/messages'
import { notifyUsers } from '~/modules/notifications/notification.server'
import { getDb } from '~/utils/db.server'
import { errorText, startPeriodicJob } from '~/utils/periodic-job.server'
import type { Level, Position } from './levels'
import { examMessages } from './messages'

/** How long before it expires a certificate's holder is reminded to renew it. */
export const REMIND_DAYS_BEFORE = 60
const EVERY_MS = 60 * 60_000
const DAY_MS = 24 * 60 * 60_000

type DueCertificate = { id: string; userId: string; expiresAt: Date; name: `level.${Level}` | `position.${Position}` }

async function notifyExpiring(certificate: DueCertificate) {
  const date = certificate.expiresAt.toISOString().slice(0, 10)
  const title = `${translateFrom(examMessages, 'zh', 'cert.reminder', { level: translateFrom(examMessages, 'zh', certificate.name), date })} / ${translateFrom(examMessages, 'en', 'cert.reminder', { level: translateFrom(examMessages, 'en', certificate.name), date })}`
  return notifyUsers([certificate.userId], { kind: 'certificate', title, link: `/me/certificates/${certificate.id}` })
}

/**
 * Reminds holders whose certificate (a level or a key position) expires within
 * REMIND_DAYS_BEFORE days, once per certificate, unless a later certificate of the same level or
 * position already renewed it. Each row is claimed before its notification goes out, so two
 * nodes never remind twice.
 */
export async function remindExpiringCertifications({ now = new Date() }: { now?: Date } = {}) {
  const db = getDb()
  const dueWhere = { remindedAt: null, expiresAt: { gt: now, lte: new Date(now.getTime() + REMIND_DAYS_BEFORE * DAY_MS) } }
  let reminded = 0
  const levels = await db.certification.findMany({ where: dueWhere, select: { id: true, userId: true, level: true, expiresAt: true }, take: 1000 })
  for (const certificate of levels) {
    const claimed = await db.certification.updateMany({ where: { id: certificate.id, remindedAt: null }, data: { remindedAt: now } })
    if (claimed.count === 0) continue
    const renewed = await db.certification.count({ where: { userId: certificate.userId, level: certificate.level, expiresAt: { gt: certificate.expiresAt } } })
    if (renewed === 0) reminded += await notifyExpiring({ ...certificate, name: `level.${certificate.level as Level}` })
  }
  const positions = await db.positionCertificate.findMany({ where: dueWhere, select: { id: true, userId: true, position: true, expiresAt: true }, take: 1000 })
  for (const certificate of positions) {
    const claimed = await db.positionCertificate.updateMany({ where: { id: certificate.id, remindedAt: null }, data: { remindedAt: now } })
    if (claimed.count === 0) continue
    const renewed = await db.positionCertificate.count({ where: { userId: certificate.userId, position: certificate.position, expiresAt: { gt: certificate.expiresAt } } })
    if (renewed === 0) reminded += await notifyExpiring({ ...certificate, name: `position.${certificate.position as Position}` })
  }
  return reminded
}

/** Checked every hour. */
export function startCertificateReminders({ log }: { log: (line: string) => void }) {
  return startPeriodicJob({
    everyMs: EVERY_MS,
    work: () => remindExpiringCertifications(),
    onError: (error) => log(`certificates: reminders failed (${errorText(error)}); next try in an hour`),
  })
}
