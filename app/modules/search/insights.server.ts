import { Prisma } from '~/generated/prisma/client'
import { getDb } from '~/utils/db.server'
import { queryRows } from '~/utils/page-sql.server'

/** Keystrokes of one search arrive as several queries: a refinement within this time updates the row. */
const REFINE_WINDOW_MS = 5_000

/**
 * Logs a search as typed, for the curators' insights. Search-as-you-type sends "P0", "P03",
 * "P0300": a query that extends or trims the user's previous one within seconds replaces it.
 * One statement (refine the previous row, or insert) through `pg`, since it runs on every search
 * page; dates go as timestamptz (the session is in UTC, the columns hold UTC).
 */
export async function recordSearch({ userId, q, scope, hitCount, now = new Date() }: { userId: string; q: string; scope: string; hitCount: number; now?: Date }) {
  const query = q.trim().toLowerCase().slice(0, 200)
  if (!query) return null
  const since = new Date(now.getTime() - REFINE_WINDOW_MS)
  const [row] = await queryRows<{ id: string }>(Prisma.sql`
    WITH previous AS (
      SELECT id, q FROM "SearchQueryLog"
      WHERE "userId" = ${userId} AND scope = ${scope} AND "createdAt" >= ${since}::timestamptz AND "clickedHitId" IS NULL
      ORDER BY id DESC LIMIT 1
    ), refined AS (
      UPDATE "SearchQueryLog" AS log SET q = ${query}, "hitCount" = ${hitCount}, "createdAt" = ${now}::timestamptz
      FROM previous WHERE log.id = previous.id AND (starts_with(${query}, previous.q) OR starts_with(previous.q, ${query}))
      RETURNING log.id
    ), inserted AS (
      INSERT INTO "SearchQueryLog" (q, scope, "hitCount", "userId", "createdAt")
      SELECT ${query}, ${scope}, ${hitCount}, ${userId}, ${now}::timestamptz WHERE NOT EXISTS (SELECT 1 FROM refined)
      RETURNING id
    )
    SELECT id FROM refined UNION ALL SELECT id FROM inserted`)
  return BigInt(row.id)
}

/** A hit opened from a logged search (only the searcher's own log). */
export async function recordClick({ userId, logId, hitId }: { userId: string; logId: bigint; hitId: string }) {
  const { count } = await getDb().searchQueryLog.updateMany({ where: { id: logId, userId }, data: { clickedHitId: hitId } })
  return count > 0
}

type QueryRow = { q: string; searches: number; hits: number; clicked: number }

/** The last days' queries: the most frequent, those that found nothing, those whose results nobody opened. */
export async function searchInsights({ days = 30, limit = 20, now = new Date() }: { days?: number; limit?: number; now?: Date } = {}) {
  const since = new Date(now.getTime() - days * 86_400_000)
  const rows = await getDb().$queryRaw<QueryRow[]>`
    SELECT q, count(*)::int AS searches, max("hitCount")::int AS hits, count("clickedHitId")::int AS clicked
    FROM "SearchQueryLog" WHERE "createdAt" >= ${since}
    GROUP BY q ORDER BY count(*) DESC, q ASC LIMIT 2000`
  return {
    days,
    top: rows.slice(0, limit),
    zeroResult: rows.filter((row) => row.hits === 0).slice(0, limit),
    noClick: rows.filter((row) => row.hits > 0 && row.clicked === 0).slice(0, limit),
  }
}
