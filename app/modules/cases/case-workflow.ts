import type { CaseStatus, Role } from '~/generated/prisma/enums'

export type CaseAction = 'submit' | 'approve' | 'return' | 'feature' | 'unfeature'

type Actor = { role: Role; isAuthor: boolean; isStationManager: boolean }

const isReviewer = (actor: Actor) => actor.role === 'ENGINEER' || actor.role === 'ADMIN'
const canEditDraft = (actor: Actor) => actor.isAuthor || actor.isStationManager || actor.role === 'ADMIN'

const transitions: Record<CaseAction, { from: CaseStatus[]; to: CaseStatus; allowed: (actor: Actor) => boolean }> = {
  submit: { from: ['DRAFT', 'RETURNED'], to: 'SUBMITTED', allowed: canEditDraft },
  approve: { from: ['SUBMITTED'], to: 'APPROVED', allowed: isReviewer },
  return: { from: ['SUBMITTED'], to: 'RETURNED', allowed: isReviewer },
  feature: { from: ['APPROVED'], to: 'CLASSIC', allowed: isReviewer },
  unfeature: { from: ['CLASSIC'], to: 'APPROVED', allowed: isReviewer },
}

export type TransitionResult = { ok: true; to: CaseStatus } | { ok: false; reason: 'forbidden' | 'invalid-state' }

export function planTransition(status: CaseStatus, action: CaseAction, actor: Actor): TransitionResult {
  const transition = transitions[action]
  if (!transition.allowed(actor)) return { ok: false, reason: 'forbidden' }
  if (!transition.from.includes(status)) return { ok: false, reason: 'invalid-state' }
  return { ok: true, to: transition.to }
}

export function availableActions(status: CaseStatus, actor: Actor): CaseAction[] {
  return (Object.keys(transitions) as CaseAction[]).filter((action) => planTransition(status, action, actor).ok)
}

/** Drafts and returned cases can be edited by their author and station; nothing else is edited in place. */
export function canEditCase(status: CaseStatus, actor: Actor) {
  if (actor.role === 'ADMIN') return true
  return (status === 'DRAFT' || status === 'RETURNED') && canEditDraft(actor)
}

export const PUBLISHED_STATUSES: CaseStatus[] = ['APPROVED', 'CLASSIC']
