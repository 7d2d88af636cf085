import { getDb } from '~/utils/db.server'
import { getEnv } from '~/utils/env.server'

const DAY = 86_400_000

/**
 * Writes one e-mail a day (into EmailOutbox) to each person who asked for the digest and has
 * unread notifications since the last one. Mail and "digest sent" are one transaction.
 */
export async function writeDailyDigests(now = new Date()) {
  const db = getDb()
  const due = await db.user.findMany({
    where: { emailDigest: true, OR: [{ lastDigestAt: null }, { lastDigestAt: { lte: new Date(now.getTime() - DAY) } }] },
    select: { id: true, email: true, name: true, lastDigestAt: true },
  })
  const base = getEnv().PUBLIC_URL.replace(/\/$/, '')
  let written = 0
  for (const user of due) {
    const since = new Date(Math.max(user.lastDigestAt?.getTime() ?? 0, now.getTime() - DAY))
    const unread = await db.notification.findMany({ where: { userId: user.id, readAt: null, createdAt: { gt: since, lte: now } }, orderBy: { createdAt: 'asc' }, take: 50, select: { title: true, link: true } })
    if (unread.length === 0) continue
    const text = [`${user.name}，您好 / Hello ${user.name},`, '', ...unread.map((item) => `- ${item.title}\n  ${base}${item.link}`), '', `${base}/me/settings`].join('\n')
    await db.$transaction([
      db.emailOutbox.create({ data: { to: user.email, subject: `GTAC：${unread.length} 条新通知 / ${unread.length} new notifications`, text } }),
      db.user.update({ where: { id: user.id }, data: { lastDigestAt: now } }),
    ])
    written += 1
  }
  return written
}
