import type { LessonKindName } from './schema'

/** Largest video or PDF a trainer may upload for a lesson. */
export const LESSON_FILE_MAX_BYTES = 300 * 1024 * 1024

export const LESSON_FILE_TYPES = { VIDEO: ['video/webm', 'video/mp4'], PDF: ['application/pdf'] } as const

/**
 * A lesson file's type from its own first bytes: WebM (EBML header), MP4 (an `ftyp` box first)
 * or PDF. The name and the browser's claim are not trusted.
 */
export function sniffLessonFile(head: Uint8Array): 'video/webm' | 'video/mp4' | 'application/pdf' | undefined {
  const bytes = Buffer.from(head)
  if (bytes.length >= 4 && bytes.readUInt32BE(0) === 0x1a45dfa3) return 'video/webm'
  if (bytes.length >= 12 && bytes.subarray(4, 8).toString('latin1') === 'ftyp') return 'video/mp4'
  if (bytes.subarray(0, 5).toString('latin1') === '%PDF-') return 'application/pdf'
  return undefined
}

/** Whether a file of this type may be the content of a lesson of this kind. */
export function fileFitsKind(kind: LessonKindName, mimeType: string | undefined) {
  if (!mimeType || kind === 'TEXT') return false
  return (LESSON_FILE_TYPES[kind] as readonly string[]).includes(mimeType)
}

/** A video counts as watched once this share of it has played. */
export const WATCHED_SHARE = 0.9

export function isWatched(currentTime: number, duration: number) {
  return Number.isFinite(duration) && duration > 0 && currentTime / duration >= WATCHED_SHARE
}
