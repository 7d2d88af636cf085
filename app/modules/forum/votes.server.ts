import { getDb } from '~/utils/db.server'
import type { ForumUser } from './content.server'
import { canVoteOn } from './permissions'
import type { VoteInput } from './schema'

export type VoteOutcome = { ok: true; score: number; value: number } | { ok: false; reason: 'not-found' | 'own-post' }

/**
 * One vote per user and post (the database's unique keys hold it), changeable, or taken back with
 * 0; never on one's own post. The post's row is locked while its score is recounted from the
 * votes, so concurrent votes cannot leave a wrong score.
 */
export function castVote({ user, input }: { user: ForumUser; input: VoteInput }): Promise<VoteOutcome> {
  const { target, id, value } = input
  return getDb().$transaction(async (tx) => {
    const [post] =
      target === 'question'
        ? await tx.$queryRaw<Array<{ authorId: string }>>`select "authorId" from "ForumQuestion" where id = ${id} for update`
        : await tx.$queryRaw<Array<{ authorId: string }>>`select "authorId" from "ForumAnswer" where id = ${id} for update`
    if (!post) return { ok: false, reason: 'not-found' } as const
    if (!canVoteOn(user, post.authorId)) return { ok: false, reason: 'own-post' } as const
    const onPost = target === 'question' ? { questionId: id } : { answerId: id }
    if (value === 0) {
      await tx.forumVote.deleteMany({ where: { userId: user.id, ...onPost } })
    } else if (target === 'question') {
      await tx.forumVote.upsert({ where: { userId_questionId: { userId: user.id, questionId: id } }, create: { userId: user.id, questionId: id, value }, update: { value } })
    } else {
      await tx.forumVote.upsert({ where: { userId_answerId: { userId: user.id, answerId: id } }, create: { userId: user.id, answerId: id, value }, update: { value } })
    }
    const { _sum } = await tx.forumVote.aggregate({ where: onPost, _sum: { value: true } })
    const score = _sum.value ?? 0
    if (target === 'question') await tx.forumQuestion.update({ where: { id }, data: { score }, select: { id: true } })
    else await tx.forumAnswer.update({ where: { id }, data: { score }, select: { id: true } })
    return { ok: true, score, value } as const
  })
}
