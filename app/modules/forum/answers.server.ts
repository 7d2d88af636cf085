import type { Prisma } from '~/generated/prisma/client'
import { notifyUsers } from '~/modules/notifications/notification.server'
import { getDb } from '~/utils/db.server'
import { enqueueIndexing } from '~/utils/search-outbox.server'
import { notificationTitle, renderBody, type ForumUser, type WriteOutcome } from './content.server'
import { canAcceptAnswer, canEditPost } from './permissions'
import { postingLimitWait } from './posting-limit.server'
import type { AnswerInput } from './schema'
import { answerLink } from './links'


/**
 * Anyone signed in answers an open question. The answer, its first revision and the question's
 * counters commit together; then the asker is told.
 */
export async function createAnswer({ user, questionId, input, now = new Date() }: { user: ForumUser; questionId: string; input: AnswerInput; now?: Date }): Promise<WriteOutcome> {
  const db = getDb()
  const question = await db.forumQuestion.findUnique({ where: { id: questionId }, select: { title: true, authorId: true, closedAt: true } })
  if (!question) return { ok: false, reason: 'not-found' }
  if (question.closedAt) return { ok: false, reason: 'closed' }
  const rendered = renderBody(input.body)
  if (!rendered.ok) return { ok: false, reason: 'invalid', errors: { body: rendered.message } }
  const { doc, html, text } = rendered.body
  const outcome = await db.$transaction(async (tx) => {
    const wait = await postingLimitWait(tx, user.id, 'answer', now)
    if (wait > 0) return { ok: false, reason: 'rate-limited', retryAfterSeconds: wait } as const
    const answer = await tx.forumAnswer.create({
      data: { questionId, authorId: user.id, body: doc as Prisma.InputJsonValue, bodyHtml: html, bodyText: text, createdAt: now },
      select: { id: true },
    })
    await tx.forumRevision.create({ data: { answerId: answer.id, version: 1, editorId: user.id, body: doc as Prisma.InputJsonValue, bodyHtml: html, createdAt: now } })
    await tx.forumQuestion.update({ where: { id: questionId }, data: { answerCount: { increment: 1 }, lastActivityAt: now }, select: { id: true } })
    await enqueueIndexing(tx, 'question', [questionId])
    return { ok: true, id: answer.id } as const
  })
  if (outcome.ok && question.authorId !== user.id) {
    await notifyUsers([question.authorId], { kind: 'forum', title: notificationTitle.answer(question.title), link: answerLink(questionId, outcome.id) })
  }
  return outcome
}

export async function updateAnswer({ user, answerId, input, version, now = new Date() }: { user: ForumUser; answerId: string; input: AnswerInput; version: number; now?: Date }): Promise<WriteOutcome> {
  const db = getDb()
  const existing = await db.forumAnswer.findUnique({ where: { id: answerId }, select: { authorId: true, questionId: true } })
  if (!existing) return { ok: false, reason: 'not-found' }
  if (!canEditPost(user, existing.authorId)) return { ok: false, reason: 'forbidden' }
  const rendered = renderBody(input.body)
  if (!rendered.ok) return { ok: false, reason: 'invalid', errors: { body: rendered.message } }
  const { doc, html, text } = rendered.body
  return db.$transaction(async (tx) => {
    const { count } = await tx.forumAnswer.updateMany({
      where: { id: answerId, version },
      data: { body: doc as Prisma.InputJsonValue, bodyHtml: html, bodyText: text, version: { increment: 1 }, editedAt: now },
    })
    if (count === 0) return { ok: false, reason: 'conflict' } as const
    await tx.forumRevision.create({ data: { answerId, version: version + 1, editorId: user.id, body: doc as Prisma.InputJsonValue, bodyHtml: html, createdAt: now } })
    await tx.forumQuestion.update({ where: { id: existing.questionId }, data: { lastActivityAt: now }, select: { id: true } })
    await enqueueIndexing(tx, 'question', [existing.questionId])
    return { ok: true, id: answerId } as const
  })
}

/**
 * The asker, an engineer or an admin accepts an answer: the question is solved and the answer
 * shows first. Accepting another answer later moves the mark; its author is told.
 */
export async function acceptAnswer({ user, questionId, answerId, now = new Date() }: { user: ForumUser; questionId: string; answerId: string; now?: Date }): Promise<WriteOutcome> {
  const db = getDb()
  const answer = await db.forumAnswer.findFirst({
    where: { id: answerId, questionId },
    select: { authorId: true, question: { select: { title: true, authorId: true, acceptedAnswerId: true, solvedAt: true } } },
  })
  if (!answer) return { ok: false, reason: 'not-found' }
  if (!canAcceptAnswer(user, answer.question.authorId)) return { ok: false, reason: 'forbidden' }
  if (answer.question.acceptedAnswerId === answerId) return { ok: true, id: answerId }
  await db.$transaction(async (tx) => {
    await tx.forumQuestion.update({
      where: { id: questionId },
      data: { acceptedAnswerId: answerId, solvedAt: answer.question.solvedAt ?? now, lastActivityAt: now },
      select: { id: true },
    })
    await enqueueIndexing(tx, 'question', [questionId])
  })
  if (answer.authorId !== user.id) {
    await notifyUsers([answer.authorId], { kind: 'forum', title: notificationTitle.accepted(answer.question.title), link: answerLink(questionId, answerId) })
  }
  return { ok: true, id: answerId }
}

export async function getAnswerForEdit({ user, questionId, answerId }: { user: ForumUser; questionId: string; answerId: string }) {
  const answer = await getDb().forumAnswer.findFirst({
    where: { id: answerId, questionId },
    select: { id: true, body: true, version: true, authorId: true, question: { select: { id: true, title: true } } },
  })
  if (!answer) return { ok: false as const, reason: 'not-found' as const }
  if (!canEditPost(user, answer.authorId)) return { ok: false as const, reason: 'forbidden' as const }
  return { ok: true as const, answer }
}

/** Every version of an answer, newest first. */
export function answerHistory({ questionId, answerId }: { questionId: string; answerId: string }) {
  return getDb().forumAnswer.findFirst({
    where: { id: answerId, questionId },
    select: {
      id: true,
      question: { select: { id: true, title: true } },
      author: { select: { name: true } },
      revisions: { orderBy: { version: 'desc' }, select: { version: true, bodyHtml: true, createdAt: true, editor: { select: { name: true } } } },
    },
  })
}
