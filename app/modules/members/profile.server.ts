import { deleteAttachment } from '~/modules/files/attachment.server'
import { getDb } from '~/utils/db.server'
import type { ProfileInput } from './schema'

export function profileOf(userId: string) {
  return getDb().user.findUniqueOrThrow({ where: { id: userId }, select: { name: true, expertise: true, languages: true, avatarId: true } })
}

/**
 * Saves the profile with its new avatar (an attachment already stored and checked) in one write;
 * the avatar it replaces is removed afterwards.
 */
export async function saveProfile({ userId, input, avatarId }: { userId: string; input: ProfileInput; avatarId?: string }) {
  const db = getDb()
  const before = await db.user.findUniqueOrThrow({ where: { id: userId }, select: { avatarId: true } })
  const nextAvatar = avatarId ?? (input.removeAvatar ? null : before.avatarId)
  await db.user.update({
    where: { id: userId },
    data: { name: input.name, expertise: input.expertise, languages: input.languages, avatarId: nextAvatar },
  })
  if (before.avatarId && before.avatarId !== nextAvatar) await deleteAttachment(before.avatarId)
}
