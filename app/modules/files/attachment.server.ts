import type { Readable } from 'node:stream'
import { getDb } from '~/utils/db.server'
import { FileTooLargeError, getFileStorage, sniffMimeType } from './file-storage.server'
import type { Prisma } from '~/generated/prisma/client'
import type { SessionUser } from '~/utils/session-user'

export class AttachmentRejectedError extends Error {}

const safeFileName = (name: string) => name.replace(/[^\p{L}\p{N}._ -]+/gu, '_').slice(0, 120) || 'file'

/** Streams an upload to storage, then keeps it only if its bytes are an image or a PDF. */
export async function saveAttachment({
  user,
  fileName,
  data,
  limitBytes,
}: {
  user: Pick<SessionUser, 'id'>
  fileName: string
  data: AsyncIterable<Uint8Array>
  limitBytes: number
}) {
  const storage = getFileStorage()
  let stored
  try {
    stored = await storage.put(data, limitBytes)
  } catch (error) {
    if (error instanceof FileTooLargeError) throw new AttachmentRejectedError(`file-too-large`)
    throw error
  }
  const mimeType = sniffMimeType(stored.head)
  if (!mimeType || stored.sizeBytes === 0) {
    await storage.remove(stored.key)
    throw new AttachmentRejectedError('unsupported-type')
  }
  return getDb().attachment.create({
    data: { uploaderId: user.id, fileName: safeFileName(fileName), mimeType, sizeBytes: stored.sizeBytes, storageKey: stored.key },
    select: { id: true, fileName: true, mimeType: true, sizeBytes: true },
  })
}

/**
 * An attachment is readable by its uploader and by whoever may see what it belongs to: the
 * caller passes each owner module's visibility (this module knows none of them).
 */
export async function openAttachment({
  user,
  attachmentId,
  visibleVia,
}: {
  user: Pick<SessionUser, 'id'>
  attachmentId: string
  visibleVia: Prisma.AttachmentWhereInput[]
}) {
  const attachment = await getDb().attachment.findFirst({
    where: {
      id: attachmentId,
      OR: [{ uploaderId: user.id }, ...visibleVia],
    },
    select: { fileName: true, mimeType: true, sizeBytes: true, storageKey: true },
  })
  if (!attachment) return null
  return { ...attachment, stream: getFileStorage().read(attachment.storageKey) as Readable }
}

/** Removes an attachment's row and its bytes (an upload that was not kept, or a replaced avatar). */
export async function deleteAttachment(attachmentId: string) {
  const removed = await getDb().attachment.delete({ where: { id: attachmentId }, select: { storageKey: true } }).catch(() => null)
  if (removed) await getFileStorage().remove(removed.storageKey)
}
