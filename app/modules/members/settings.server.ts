import { z } from 'zod'
import { getDb } from '~/utils/db.server'
import { NOTIFICATION_KINDS } from './notification-kinds'


/** The settings form: the kinds left ticked are the ones the bell shows. */
export const notificationSettingsSchema = z.object({
  shown: z.array(z.enum(NOTIFICATION_KINDS)).max(NOTIFICATION_KINDS.length),
  emailDigest: z.boolean(),
})

export function notificationSettingsOf(userId: string) {
  return getDb().user.findUniqueOrThrow({ where: { id: userId }, select: { mutedNotificationKinds: true, emailDigest: true, email: true } })
}

export async function saveNotificationSettings(userId: string, { shown, emailDigest }: z.infer<typeof notificationSettingsSchema>) {
  await getDb().user.update({
    where: { id: userId },
    data: { mutedNotificationKinds: NOTIFICATION_KINDS.filter((kind) => !shown.includes(kind)), emailDigest },
  })
}
