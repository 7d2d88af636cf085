import { translateFrom } from '~/i18n/messages'
import { notifyUsers } from '~/modules/notifications/notification.server'
import { getDb } from '~/utils/db.server'
import { errorText, startPeriodicJob } from '~/utils/periodic-job.server'
import { examMessages } from './messages'

/** How long before it expires a certificate's holder is reminded to renew it. */
export const REMIND_DAYS_BEFORE = 60
const EVERY_MS = 60 * 60_000
const DAY_MS = 24 * 60 * 60_000

/**
 * Reminds holders whose certificate expires within REMIND_DAYS_BEFORE days, once per
 * certificate, unless a later certificate of the same level already renewed it. Each row is
 * claimed before its notification goes out, so two nodes never remind twice.
 */
export async function remindExpiringCertifications({ now = new Date() }: { now?: Date } = {}) {
  const db = getDb()
  const due = await db.certification.findMany({
    where: { remindedAt: null, expiresAt: { gt: now, lte: new Date(now.getTime() + REMIND_DAYS_BEFORE * DAY_MS) } },
    select: { id: true, userId: true, level: true, expiresAt: true },
    take: 1000,
  })
  let reminded = 0
  for (const certification of due) {
    const claimed = await db.certification.updateMany({ where: { id: certification.id, remindedAt: null }, data: { remindedAt: now } })
    if (claimed.count === 0) continue
    const renewed = await db.certification.count({ where: { userId: certification.userId, level: certification.level, expiresAt: { gt: certification.expiresAt } } })
    if (renewed > 0) continue
    const date = certification.expiresAt.toISOString().slice(0, 10)
    const level = `level.${certification.level}` as const
    const title = `${translateFrom(examMessages, 'zh', 'cert.reminder', { level: translateFrom(examMessages, 'zh', level), date })} / ${translateFrom(examMessages, 'en', 'cert.reminder', { level: translateFrom(examMessages, 'en', level), date })}`
    reminded += await notifyUsers([certification.userId], { kind: 'certificate', title, link: `/me/certificates/${certification.id}` })
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
