import { getDb } from '~/utils/db.server'
import { publish, userRoom } from '~/utils/realtime.server'
import { NOTIFICATION_EVENTS, type NotificationPayload } from './events'

/**
 * Tells people of something new: a row each (the list survives reloads and being offline) and
 * one real-time message to all their rooms at once (socket.io sends each socket one copy).
 */
export async function notifyUsers(userIds: string[], { kind, title, link }: NotificationPayload) {
  const ids = [...new Set(userIds)]
  if (ids.length === 0) return 0
  // One statement: a row for each person who has not turned this kind off (ids are opaque).
  const notified = await getDb().$queryRaw<Array<{ userId: string }>>`
    INSERT INTO "Notification" (id, "userId", kind, title, link, "createdAt")
    SELECT gen_random_uuid()::text, u.id, ${kind}, ${title}, ${link}, now() AT TIME ZONE 'UTC' FROM "User" u
    WHERE u.id = ANY(${ids}) AND NOT (${kind} = ANY(coalesce(u."mutedNotificationKinds", '{}')))
    RETURNING "userId"`
  const payload: NotificationPayload = { kind, title, link }
  if (notified.length > 0) publish(notified.map((row) => userRoom(row.userId)), NOTIFICATION_EVENTS.created, payload)
  return notified.length
}

export function countUnreadNotifications(userId: string) {
  return getDb().notification.count({ where: { userId, readAt: null } })
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
