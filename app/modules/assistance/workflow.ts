import type { AssistanceStatus, Role } from '~/generated/prisma/enums'

export type RequestActionName = 'claim' | 'transfer' | 'escalate' | 'visit-outcome' | 'resolve' | 'confirm' | 'reopen' | 'draft-case'

/** How the acting user stands to one request. */
export type RequestActor = { role: Role; isAssignee: boolean; isStationMember: boolean }

const RULES: Record<RequestActionName, { from: AssistanceStatus[]; allowed: (actor: RequestActor) => boolean }> = {
  claim: { from: ['OPEN'], allowed: (actor) => actor.role === 'ENGINEER' },
  transfer: { from: ['CLAIMED', 'ONSITE'], allowed: (actor) => actor.isAssignee || actor.role === 'ADMIN' },
  escalate: { from: ['CLAIMED'], allowed: (actor) => actor.isAssignee || actor.role === 'ADMIN' },
  'visit-outcome': { from: ['ONSITE'], allowed: (actor) => actor.isAssignee || actor.role === 'ADMIN' },
  resolve: { from: ['CLAIMED', 'ONSITE'], allowed: (actor) => actor.isAssignee || actor.role === 'ADMIN' },
  confirm: { from: ['RESOLVED'], allowed: (actor) => actor.isStationMember },
  reopen: { from: ['RESOLVED', 'CLOSED'], allowed: (actor) => actor.isStationMember },
  'draft-case': { from: ['RESOLVED', 'CLOSED'], allowed: (actor) => actor.isAssignee || actor.isStationMember || actor.role === 'ADMIN' },
}

export const fromStatuses = (action: RequestActionName) => RULES[action].from

export function availableRequestActions(status: AssistanceStatus, actor: RequestActor, { hasCase }: { hasCase: boolean }) {
  return (Object.keys(RULES) as RequestActionName[]).filter(
    (action) => RULES[action].from.includes(status) && RULES[action].allowed(actor) && !(action === 'draft-case' && hasCase),
  )
}

export function mayAct(action: RequestActionName, actor: RequestActor) {
  return RULES[action].allowed(actor)
}
