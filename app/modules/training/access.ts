import type { SessionUser } from '~/utils/session-user'

/** Trainers and admins write, publish and assign courses; everybody signed in learns. */
export const canManageTraining = (user: Pick<SessionUser, 'role'>) => user.role === 'TRAINER' || user.role === 'ADMIN'
