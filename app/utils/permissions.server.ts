import type { Role } from '~/generated/prisma/enums'
import type { SessionUser } from './session-user'

export const REVIEWER_ROLES: readonly Role[] = ['ENGINEER', 'ADMIN']

export function hasRole(user: Pick<SessionUser, 'role'>, roles: readonly Role[]) {
  return roles.includes(user.role)
}

export function requireRole(user: SessionUser, roles: readonly Role[], wantsJson = false) {
  if (hasRole(user, roles)) return user
  throw wantsJson
    ? Response.json({ error: 'forbidden' }, { status: 403 })
    : new Response('Forbidden', { status: 403, statusText: 'Forbidden' })
}

export function invariantResponse(condition: unknown, message: string, status = 404): asserts condition {
  if (!condition) throw new Response(message, { status, statusText: message })
}
