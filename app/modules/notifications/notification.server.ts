import { getDb } from '~/utils/db.server'
import { publish, userRoom } from '~/utils/realtime.server'
import { NOTIFICATION_EVENTS, type NotificationPayload } from './events'

const BATCH = 5_000

/**
 * Tells people of something new: a row each (the list survives reloads and being offline) and
 * one real-time message to all their rooms at once (socket.io sends each socket one copy).
 */
export async function notifyUsers(userIds: string[], { kind, title, link }: NotificationPayload) {
  const db = getDb()
  // Those who turned this kind of notification off are left out.
  const muted = await db.user.findMany({ where: { id: { in: [...new Set(userIds)] }, mutedNotificationKinds: { has: kind } }, select: { id: true } })
  const unique = [...new Set(userIds)].filter((id) => !muted.some((user) => user.id === id))
  if (unique.length === 0) return 0
  for (let start = 0; start < unique.length; start += BATCH) {
    await db.notification.createMany({ data: unique.slice(start, start + BATCH).map((userId) => ({ userId, kind, title, link })) })
  }
  const payload: NotificationPayload = { kind, title, link }
  publish(unique.map(userRoom), NOTIFICATION_EVENTS.created, payload)
  return unique.length
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
