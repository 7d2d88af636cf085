import { Prisma } from '~/generated/prisma/client'
import { getDb } from '~/utils/db.server'
import { queryRows } from '~/utils/page-sql.server'
import { publish, userRoom } from '~/utils/realtime.server'
import { NOTIFICATION_EVENTS, type NotificationPayload } from './events'

/**
 * Tells people of something new: one real-time message to all their rooms at once (socket.io
 * sends each socket one copy) and a row each, so the list survives reloads and being offline.
 * The message goes out while the rows are written: people see it as soon as socket.io can send it,
 * and the call returns once the rows are stored.
 */
export async function notifyUsers(userIds: string[], { kind, title, link }: NotificationPayload) {
  const ids = [...new Set(userIds)]
  if (ids.length === 0) return 0
  const db = getDb()
  // Those who have not turned this kind off (the same rule the insert applies).
  const recipients = await db.$queryRaw<Array<{ id: string }>>`
    SELECT u.id FROM "User" u WHERE u.id = ANY(${ids}) AND NOT (${kind} = ANY(coalesce(u."mutedNotificationKinds", '{}')))`
  if (recipients.length === 0) return 0
  const recipientIds = recipients.map((row) => row.id)
  const payload: NotificationPayload = { kind, title, link }
  publish(recipientIds.map(userRoom), NOTIFICATION_EVENTS.created, payload)
  // One statement for all the rows (ids are opaque).
  await db.$executeRaw`
    INSERT INTO "Notification" (id, "userId", kind, title, link, "createdAt")
    SELECT gen_random_uuid()::text, u, ${kind}, ${title}, ${link}, now() AT TIME ZONE 'UTC' FROM unnest(${recipientIds}::text[]) AS u`
  return recipientIds.length
}

/** On every page (the bell). */
export async function countUnreadNotifications(userId: string) {
  const [row] = await queryRows<{ unread: number }>(Prisma.sql`SELECT count(*)::int AS unread FROM "Notification" WHERE "userId" = ${userId} AND "readAt" IS NULL`)
  return row.unread
}

export const NOTIFICATIONS_PER_PAGE = 30

export async function listNotifications({ userId, page }: { userId: string; page: number }) {
  const db = getDb()
  const [items, total] = await Promise.all([
    db.notification.findMany({
      where: { userId },
      orderBy: { createdAt: 'desc' },
      skip: (page - 1) * NOTIFICATIONS_PER_PAGE,
      take: NOTIFICATIONS_PER_PAGE,
      select: { id: true, kind: true, title: true, link: true, createdAt: true, readAt: true },
    }),
    db.notification.count({ where: { userId } }),
  ])
  return { items, total }
}

/** Marks all of the user's notifications read. */
export async function markNotificationsRead({ userId }: { userId: string }) {
  const { count } = await getDb().notification.updateMany({ where: { userId, readAt: null }, data: { readAt: new Date() } })
  return count
}

/** Marks one of the user's notifications read and returns where it points, or null if it is not theirs. */
export async function openNotification({ userId, id }: { userId: string; id: string }) {
  const notification = await getDb().notification.findFirst({ where: { id, userId }, select: { link: true, readAt: true } })
  if (!notification) return null
  if (!notification.readAt) await getDb().notification.update({ where: { id }, data: { readAt: new Date() } })
  return notification.link
}
