import { notifyUsers } from '~/modules/notifications/notification.server'
import { getDb } from '~/utils/db.server'
import { answerLink } from './links'
import { notificationTitle, type ForumUser, type WriteOutcome } from './content.server'
import { postingLimitWait } from './posting-limit.server'
import type { CommentInput } from './schema'

/** A plain-text comment on a question or on one of its answers; the post's author is told. */
export async function addComment({ user, questionId, input, now = new Date() }: { user: ForumUser; questionId: string; input: CommentInput; now?: Date }): Promise<WriteOutcome> {
  const db = getDb()
  const question = await db.forumQuestion.findUnique({ where: { id: questionId }, select: { title: true, authorId: true } })
  if (!question) return { ok: false, reason: 'not-found' }
  let postAuthorId = question.authorId
  if (input.answerId) {
    const answer = await db.forumAnswer.findFirst({ where: { id: input.answerId, questionId }, select: { authorId: true } })
    if (!answer) return { ok: false, reason: 'invalid', errors: { answerId: 'no such answer to this question' } }
    postAuthorId = answer.authorId
  }
  const outcome = await db.$transaction(async (tx) => {
    const wait = await postingLimitWait(tx, user.id, 'comment', now)
    if (wait > 0) return { ok: false, reason: 'rate-limited', retryAfterSeconds: wait } as const
    const comment = await tx.forumComment.create({ data: { questionId, answerId: input.answerId ?? null, authorId: user.id, body: input.body, createdAt: now }, select: { id: true } })
    await tx.forumQuestion.update({ where: { id: questionId }, data: { lastActivityAt: now }, select: { id: true } })
    return { ok: true, id: comment.id } as const
  })
  if (outcome.ok && postAuthorId !== user.id) {
    const link = input.answerId ? answerLink(questionId, input.answerId) : `/forum/${questionId}`
    await notifyUsers([postAuthorId], { kind: 'forum', title: notificationTitle.comment(question.title), link })
  }
  return outcome
}
