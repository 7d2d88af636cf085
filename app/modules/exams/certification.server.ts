import type { Prisma } from '~/generated/prisma/client'
import { missingRequiredCourses } from '~/modules/training/course.server'
import { getDb } from '~/utils/db.server'
import type { SessionUser } from '~/utils/session-user'
import { canManageExams } from './access'
import { CERTIFICATION_LEVELS, expiryOf, KEY_POSITIONS, levelRank, previousLevel, type Level, type Position } from './levels'

type Tx = Prisma.TransactionClient

/**
 * Passing a level's exam: a new certificate row (renewals add rows, so the history stays), only
 * once the courses the level requires are complete; until then nothing (see grantPendingCertifications).
 */
export async function grantCertification(tx: Tx, { userId, level, attemptId, grantedAt }: { userId: string; level: Level; attemptId: string; grantedAt: Date }) {
  if ((await missingRequiredCourses({ userId, level, db: tx })).length > 0) return null
  return tx.certification.create({
    data: { userId, level, attemptId, grantedAt, expiresAt: expiryOf(grantedAt) },
    select: { level: true, grantedAt: true, expiresAt: true },
  })
}

/** Passing a key position's exam: a certificate row (renewals add rows). Positions require no course. */
export function grantPositionCertificate(tx: Tx, { userId, position, attemptId, grantedAt }: { userId: string; position: Position; attemptId: string; grantedAt: Date }) {
  return tx.positionCertificate.create({ data: { userId, position, attemptId, grantedAt, expiresAt: expiryOf(grantedAt) }, select: { id: true } })
}

/** The member center's key-position certificates: each position's latest, in position order. */
export async function listPositionCertificates({ userId, now = new Date() }: { userId: string; now?: Date }) {
  const rows = await getDb().positionCertificate.findMany({
    where: { userId },
    orderBy: { expiresAt: 'desc' },
    select: { id: true, position: true, grantedAt: true, expiresAt: true, attempt: { select: { paper: { select: { title: true } } } } },
  })
  const latest = new Map<Position, (typeof rows)[number]>()
  for (const row of rows) if (!latest.has(row.position)) latest.set(row.position, row)
  return KEY_POSITIONS.flatMap((position) => {
    const row = latest.get(position)
    return row ? [{ id: row.id, position, grantedAt: row.grantedAt, expiresAt: row.expiresAt, expired: row.expiresAt <= now, examTitle: row.attempt?.paper.title ?? null }] : []
  })
}

/**
 * A passed levelled exam whose required course was not yet complete grants its level when the
 * course is (checked whenever the user's levels are read), dated then. One per level: the
 * latest passed attempt, and none while that level is held.
 */
export async function grantPendingCertifications({ userId, now = new Date(), db = getDb() }: { userId: string; now?: Date; db?: Tx }) {
  const pending = await db.examAttempt.findMany({
    where: { userId, passed: true, level: { not: null }, certification: null },
    orderBy: { finishedAt: 'desc' },
    distinct: ['level'],
    select: { id: true, level: true },
  })
  if (pending.length === 0) return 0
  const held = await db.certification.findMany({ where: { userId, expiresAt: { gt: now } }, select: { level: true } })
  let granted = 0
  for (const attempt of pending) {
    const level = attempt.level as Level
    if (held.some((row) => row.level === level) || (await missingRequiredCourses({ userId, level, db })).length > 0) continue
    // Two readers at once may both get here: the attempt's unique certificate keeps it to one.
    granted += (await db.certification.createMany({ data: [{ userId, level, attemptId: attempt.id, grantedAt: now, expiresAt: expiryOf(now) }], skipDuplicates: true })).count
  }
  return granted
}

/** The courses a level still requires of this user (empty when it requires none or all are complete). */
export const coursesStillRequired = ({ userId, level }: { userId: string; level: Level }) => missingRequiredCourses({ userId, level })

/** The levels a user holds now (unexpired). */
export async function heldLevels({ userId, now = new Date(), db = getDb() }: { userId: string; now?: Date; db?: Tx }) {
  await grantPendingCertifications({ userId, now, db })
  const rows = await db.certification.findMany({ where: { userId, expiresAt: { gt: now } }, select: { level: true } })
  return new Set(rows.map((row) => row.level as Level))
}

/** The previous level, or any above it, opens a level's exam; the first level needs nothing. */
export function meetsPrerequisite(held: ReadonlySet<Level>, level: Level | null) {
  const required = level ? previousLevel(level) : null
  if (!required) return true
  return [...held].some((heldLevel) => levelRank(heldLevel) >= levelRank(required))
}

/** The member center's list: each level's latest certificate, in level order. */
export async function listCertifications({ userId, now = new Date() }: { userId: string; now?: Date }) {
  await grantPendingCertifications({ userId, now })
  const rows = await getDb().certification.findMany({
    where: { userId },
    orderBy: { expiresAt: 'desc' },
    select: { id: true, level: true, grantedAt: true, expiresAt: true, attempt: { select: { id: true, score: true, paper: { select: { title: true } } } } },
  })
  const latest = new Map<Level, (typeof rows)[number]>()
  for (const row of rows) if (!latest.has(row.level)) latest.set(row.level, row)
  return CERTIFICATION_LEVELS.flatMap((level) => {
    const row = latest.get(level)
    return row
      ? [{ id: row.id, level, grantedAt: row.grantedAt, expiresAt: row.expiresAt, expired: row.expiresAt <= now, examTitle: row.attempt?.paper.title ?? null, attemptId: row.attempt?.id ?? null }]
      : []
  })
}

const certificateSelect = {
  id: true,
  grantedAt: true,
  expiresAt: true,
  user: { select: { name: true, station: { select: { code: true, name: true } } } },
  attempt: { select: { score: true, paper: { select: { title: true } } } },
} as const

/** One certificate (a level or a key position) for its printable page: its holder's own, or any for trainers and admins. */
export async function getCertificate({ user, certificationId, now = new Date() }: { user: Pick<SessionUser, 'id' | 'role'>; certificationId: string; now?: Date }) {
  const where = { id: certificationId, ...(canManageExams(user) ? {} : { userId: user.id }) }
  const db = getDb()
  const level = await db.certification.findFirst({ where, select: { ...certificateSelect, level: true } })
  const position = level ? null : await db.positionCertificate.findFirst({ where, select: { ...certificateSelect, position: true } })
  const row = level ?? position
  if (!row) return null
  return {
    id: row.id,
    level: (level?.level ?? null) as Level | null,
    position: (position?.position ?? null) as Position | null,
    grantedAt: row.grantedAt,
    expiresAt: row.expiresAt,
    expired: row.expiresAt <= now,
    holder: row.user.name,
    station: row.user.station ? `${row.user.station.code} ${row.user.station.name}` : null,
    exam: row.attempt ? { title: row.attempt.paper.title, score: row.attempt.score } : null,
  }
}
