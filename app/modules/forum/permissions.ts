import type { SessionUser } from '~/utils/session-user'

type Actor = Pick<SessionUser, 'id' | 'role'>

/** Engineers and admins look after the forum: they accept answers, close duplicates, draft cases. */
export const isForumModerator = (user: Pick<SessionUser, 'role'>) => user.role === 'ENGINEER' || user.role === 'ADMIN'

/** A post is edited by its author or an admin; nobody else, experts included. */
export const canEditPost = (user: Actor, authorId: string) => authorId === user.id || user.role === 'ADMIN'

export const canAcceptAnswer = (user: Actor, askerId: string) => askerId === user.id || isForumModerator(user)

export const canCloseQuestion = (user: Actor) => isForumModerator(user)

export const canDraftCase = (user: Actor, askerId: string) => askerId === user.id || isForumModerator(user)

/** One's own posts get no votes from oneself. */
export const canVoteOn = (user: Actor, authorId: string) => authorId !== user.id

/** An engineer's answer is shown as an expert answer. */
export const isExpertAuthor = (author: { role: string }) => author.role === 'ENGINEER'
