type Bucket = { failures: number; resetAt: number }

/**
 * Counts failed attempts per key in this process. Enough for one node; with several nodes
 * behind a load balancer it would move to Redis.
 */
export function createFailureLimiter({ maxFailures, windowMs }: { maxFailures: number; windowMs: number }) {
  const buckets = new Map<string, Bucket>()
  const current = (key: string) => {
    const bucket = buckets.get(key)
    if (!bucket || bucket.resetAt <= Date.now()) return undefined
    return bucket
  }
  return {
    isBlocked(key: string) {
      const bucket = current(key)
      return bucket ? bucket.failures >= maxFailures : false
    },
    retryAfterSeconds(key: string) {
      const bucket = current(key)
      return bucket ? Math.ceil((bucket.resetAt - Date.now()) / 1000) : 0
    },
    recordFailure(key: string) {
      const bucket = current(key) ?? { failures: 0, resetAt: Date.now() + windowMs }
      bucket.failures += 1
      buckets.set(key, bucket)
      if (buckets.size > 100_000) buckets.clear()
    },
    reset(key: string) {
      buckets.delete(key)
    },
  }
}

export const loginLimiter = createFailureLimiter({ maxFailures: 5, windowMs: 15 * 60 * 1000 })
