import nodemailer from 'nodemailer'
import { getDb } from '~/utils/db.server'
import { getEnv } from '~/utils/env.server'

const MAX_ATTEMPTS = 5

/**
 * Sends what waits in EmailOutbox through SMTP_URL; without it nothing is sent (the rows wait).
 * A failed mail is tried again on the next run, at most five times.
 */
export async function sendPendingMail() {
  const { SMTP_URL, SMTP_FROM } = getEnv()
  if (!SMTP_URL) return { sent: 0, failed: 0 }
  const db = getDb()
  const pending = await db.emailOutbox.findMany({ where: { sentAt: null, attempts: { lt: MAX_ATTEMPTS } }, orderBy: { createdAt: 'asc' }, take: 200 })
  const transport = nodemailer.createTransport(SMTP_URL)
  let sent = 0
  let failed = 0
  try {
    for (const mail of pending) {
      try {
        await transport.sendMail({ from: SMTP_FROM, to: mail.to, subject: mail.subject, text: mail.text })
        await db.emailOutbox.update({ where: { id: mail.id }, data: { sentAt: new Date(), attempts: { increment: 1 }, lastError: null } })
        sent += 1
      } catch (error) {
        await db.emailOutbox.update({ where: { id: mail.id }, data: { attempts: { increment: 1 }, lastError: error instanceof Error ? error.message.slice(0, 500) : String(error) } })
        failed += 1
      }
    }
  } finally {
    transport.close()
  }
  return { sent, failed }
}
