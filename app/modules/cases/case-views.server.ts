import { getDb } from '~/utils/db.server'

const FLUSH_INTERVAL_MS = 5000
const pending = new Map<string, number>()
let timer: NodeJS.Timeout | undefined

/**
 * Counts a view in memory; the counts reach the database every few seconds in one statement.
 * A write (and its WAL flush) per page view capped the case page at ~80 requests/s.
 */
export function recordCaseView(caseId: string) {
  pending.set(caseId, (pending.get(caseId) ?? 0) + 1)
  timer ??= setTimeout(() => void flushCaseViews(), FLUSH_INTERVAL_MS).unref()
}

export async function flushCaseViews() {
  clearTimeout(timer)
  timer = undefined
  if (pending.size === 0) return
  const ids = [...pending.keys()]
  const counts = ids.map((id) => pending.get(id)!)
  pending.clear()
  try {
    await getDb().$executeRaw`
      update "RepairCase" as c set "viewCount" = c."viewCount" + v.n
      from unnest(${ids}::text[], ${counts}::int[]) as v(id, n) where c.id = v.id`
  } catch (error) {
    console.warn(`view counts not saved: ${(error as Error).message}`)
  }
}
