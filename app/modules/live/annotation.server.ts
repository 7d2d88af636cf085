import { getDb } from '~/utils/db.server'
import type { SessionUser } from '~/utils/session-user'
import type { Stroke } from './annotation'

/**
 * Stores the marks drawn on an uploaded image. Only its uploader may: they took the snapshot and
 * drew on it; anyone else who can see the image only sees the marks.
 */
export async function saveAttachmentAnnotations({ user, attachmentId, annotations }: { user: Pick<SessionUser, 'id'>; attachmentId: string; annotations: Stroke[] }) {
  const db = getDb()
  const updated = await db.attachment.updateMany({ where: { id: attachmentId, uploaderId: user.id, mimeType: { startsWith: 'image/' } }, data: { annotations } })
  if (updated.count === 1) return 'saved' as const
  const found = await db.attachment.findUnique({ where: { id: attachmentId }, select: { uploaderId: true, mimeType: true } })
  if (!found) return 'not-found' as const
  return found.uploaderId === user.id ? ('not-an-image' as const) : ('forbidden' as const)
}
