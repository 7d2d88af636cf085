import { getDb } from './db.server'

let attemptsSinceSweep = 0

/**
 * Counts attempts per key within a window, in PostgreSQL so that every node sees the same count.
 * An attempt is counted before it is tried, so a burst of parallel guesses cannot slip past the
 * limit; a success clears the key.
 */
export function createAttemptLimiter({ scope, maxFailures, windowMs }: { scope: string; maxFailures: number; windowMs: number }) {
  const windowSeconds = windowMs / 1000
  return {
    /** Counts an attempt: 0 if it may go ahead, else the seconds until the key may try again. */
    async begin(key: string) {
      const [row] = await getDb().$queryRaw<Array<{ attempts: number; retryAfter: number }>>`
        INSERT INTO "RateLimitAttempt" (scope, key, attempts, "resetAt")
        VALUES (${scope}, ${key}, 1, now() + make_interval(secs => ${windowSeconds}))
        ON CONFLICT (scope, key) DO UPDATE SET
          attempts = CASE WHEN "RateLimitAttempt"."resetAt" <= now() THEN 1 ELSE "RateLimitAttempt".attempts + 1 END,
          "resetAt" = CASE WHEN "RateLimitAttempt"."resetAt" <= now() THEN EXCLUDED."resetAt" ELSE "RateLimitAttempt"."resetAt" END
        RETURNING attempts, ceil(extract(epoch FROM "resetAt" - now()))::int AS "retryAfter"`
      if (++attemptsSinceSweep >= 1000) {
        attemptsSinceSweep = 0
        await getDb().$executeRaw`DELETE FROM "RateLimitAttempt" WHERE "resetAt" < now()`
      }
      return row.attempts > maxFailures ? Math.max(1, row.retryAfter) : 0
    },
    async succeeded(key: string) {
      await getDb().$executeRaw`DELETE FROM "RateLimitAttempt" WHERE scope = ${scope} AND key = ${key}`
    },
  }
}

export const loginLimiter = createAttemptLimiter({ scope: 'login', maxFailures: 5, windowMs: 15 * 60 * 1000 })
