import type { Prisma } from '~/generated/prisma/client'

type Tx = Prisma.TransactionClient
export type PostKind = 'question' | 'answer' | 'comment'

const TEN_MINUTES = 10 * 60 * 1000

/** Posts per user in a sliding window: generous for a workshop, tight for a script or a stuck key. */
export const POSTING_LIMITS: Record<PostKind, { max: number; windowMs: number }> = {
  question: { max: 5, windowMs: TEN_MINUTES },
  answer: { max: 15, windowMs: TEN_MINUTES },
  comment: { max: 30, windowMs: TEN_MINUTES },
}

function recentPosts(tx: Tx, kind: PostKind, where: { authorId: string; createdAt: { gte: Date; lte: Date } }, take: number) {
  const query = { where, orderBy: { createdAt: 'desc' as const }, take, select: { createdAt: true } }
  if (kind === 'question') return tx.forumQuestion.findMany(query)
  if (kind === 'answer') return tx.forumAnswer.findMany(query)
  return tx.forumComment.findMany(query)
}

/**
 * Called first in the transaction that writes the post. The user's posts are serialised by a
 * transaction-scoped advisory lock (so two tabs or two nodes cannot both slip under the limit),
 * then counted in the database: the count is the same whichever node answers.
 * Returns the seconds until the next post is allowed, or 0.
 */
export async function postingLimitWait(tx: Tx, userId: string, kind: PostKind, now: Date) {
  const { max, windowMs } = POSTING_LIMITS[kind]
  await tx.$executeRaw`select pg_advisory_xact_lock(hashtext(${`forum-post:${userId}`}))`
  const recent = await recentPosts(tx, kind, { authorId: userId, createdAt: { gte: new Date(now.getTime() - windowMs), lte: now } }, max)
  if (recent.length < max) return 0
  // The oldest of the last `max` posts leaving the window makes room for one more.
  const oldest = recent[recent.length - 1].createdAt.getTime()
  return Math.max(1, Math.ceil((oldest + windowMs - now.getTime()) / 1000))
}
