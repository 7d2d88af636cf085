import type { CertificationLevel, Prisma } from '~/generated/prisma/client'
import { getDb } from '~/utils/db.server'
import type { SessionUser } from '~/utils/session-user'
import { canManageTraining } from './access'

export type Learner = Pick<SessionUser, 'id' | 'role' | 'stationId'>

/**
 * The levels a user holds now. Read from the certificate table itself: the exams module asks
 * this module whether a level's course is complete, so asking it back would be a cycle.
 */
async function heldLevels(userId: string, now: Date, db: Prisma.TransactionClient = getDb()) {
  const rows = await db.certification.findMany({ where: { userId, expiresAt: { gt: now } }, select: { level: true }, distinct: ['level'] })
  return rows.map((row) => row.level)
}

/** An assignment reaches a user when every criterion it names matches them. */
export function assignmentMatch(user: Learner, held: CertificationLevel[]): Prisma.CourseAssignmentWhereInput {
  return {
    AND: [
      { OR: [{ role: null }, { role: user.role }] },
      { OR: [{ stationId: null }, ...(user.stationId ? [{ stationId: user.stationId }] : [])] },
      { OR: [{ level: null }, { level: { in: held } }] },
    ],
  }
}

/**
 * The courses a user may open: trainers and admins every course (drafts too, to preview);
 * others published courses that are open to all, assigned to them, or that they joined.
 */
export async function visibleCoursesWhere(user: Learner, now = new Date()): Promise<Prisma.CourseWhereInput> {
  if (canManageTraining(user)) return {}
  const held = await heldLevels(user.id, now)
  return {
    publishedAt: { not: null, lte: now },
    OR: [{ openToAll: true }, { enrolments: { some: { userId: user.id } } }, { assignments: { some: assignmentMatch(user, held) } }],
  }
}

/** Whether any assignment of the course reaches the user. */
export async function assignedCoursesWhere(user: Learner, now = new Date()): Promise<Prisma.CourseWhereInput> {
  const held = await heldLevels(user.id, now)
  return { assignments: { some: assignmentMatch(user, held) } }
}

/** The users an assignment reaches now (for its notification). */
export function usersMatching({ role, stationId, level }: { role: SessionUser['role'] | null; stationId: string | null; level: CertificationLevel | null }, now = new Date()): Prisma.UserWhereInput {
  return {
    ...(role ? { role } : {}),
    ...(stationId ? { stationId } : {}),
    ...(level ? { certifications: { some: { level, expiresAt: { gt: now } } } } : {}),
  }
}
