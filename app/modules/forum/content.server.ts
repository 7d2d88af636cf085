import type { JSONContent } from '@tiptap/core'
import { parseRichDoc, plainTextToDoc, richDocToHtml, richDocToText, RichTextError } from '~/editor/rich-text.server'
import { getDb } from '~/utils/db.server'
import type { SessionUser } from '~/utils/session-user'

export type ForumUser = Pick<SessionUser, 'id' | 'role' | 'stationId' | 'name'>

export type WriteOutcome =
  | { ok: true; id: string }
  | { ok: false; reason: 'not-found' | 'forbidden' | 'closed' | 'conflict' | 'own-post' | 'invalid-state' }
  | { ok: false; reason: 'invalid'; errors: Record<string, string> }
  | { ok: false; reason: 'rate-limited'; retryAfterSeconds: number }

export type RenderedBody = { doc: JSONContent; html: string; text: string }

/**
 * Plain text becomes paragraphs (markup in it stays text); a document is checked against the
 * editor schema. The HTML is rendered here, once, from that schema: stored HTML is never taken in.
 */
export function renderBody(body: string | Record<string, unknown>): { ok: true; body: RenderedBody } | { ok: false; message: string } {
  try {
    const doc = typeof body === 'string' ? plainTextToDoc(body) : parseRichDoc(body)
    const text = richDocToText(doc)
    if (!text) return { ok: false, message: 'the text is empty' }
    return { ok: true, body: { doc, html: richDocToHtml(doc), text } }
  } catch (error) {
    if (error instanceof RichTextError) return { ok: false, message: error.message }
    throw error
  }
}

/** A catalogue model by id, Chinese or English name. */
export async function findVehicleModelId(nameOrId: string) {
  const model = await getDb().vehicleModel.findFirst({
    where: { OR: [{ id: nameOrId }, { nameZh: nameOrId }, { nameEn: { equals: nameOrId, mode: 'insensitive' } }] },
    select: { id: true },
  })
  return model?.id ?? null
}

/** Notification titles say what happened in both languages; the title is the question's. */
export const notificationTitle = {
  answer: (title: string) => `新回答 / New answer: ${title}`,
  accepted: (title: string) => `回答被采纳 / Answer accepted: ${title}`,
  comment: (title: string) => `新评论 / New comment: ${title}`,
}
