import type { Prisma } from '~/generated/prisma/client'
import { getDb } from '~/utils/db.server'
import { CERTIFICATION_LEVELS, expiryOf, levelRank, previousLevel, type Level } from './levels'

type Tx = Prisma.TransactionClient

/** Passing a level's exam: a new certificate row (renewals add rows, so the history stays). */
export function grantCertification(tx: Tx, { userId, level, attemptId, grantedAt }: { userId: string; level: Level; attemptId: string; grantedAt: Date }) {
  return tx.certification.create({
    data: { userId, level, attemptId, grantedAt, expiresAt: expiryOf(grantedAt) },
    select: { level: true, grantedAt: true, expiresAt: true },
  })
}

/** The levels a user holds now (unexpired). */
export async function heldLevels({ userId, now = new Date(), db = getDb() }: { userId: string; now?: Date; db?: Tx }) {
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
