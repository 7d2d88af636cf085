import type { SessionUser } from '~/utils/session-user'

/** Trainers and admins keep the question bank and the papers; everybody signed in takes exams. */
export const canManageExams = (user: Pick<SessionUser, 'role'>) => user.role === 'TRAINER' || user.role === 'ADMIN'
