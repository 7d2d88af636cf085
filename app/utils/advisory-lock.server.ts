import { lazyPgPool } from './pg-pool.server'

// A session-level lock lives on one connection: each holder takes a connection of its own.
const lockConnections = lazyPgPool('advisory-lock', { settings: {}, max: 4, idleMs: 10_000 })

/**
 * Runs `run` while holding PostgreSQL advisory lock `key`, so that one process at a time does
 * it, on every node of the database. With `wait: false` it returns `{ ran: false }` at once
 * when another holds the lock. A process that dies loses its connection, and the lock with it.
 */
export async function withAdvisoryLock<T>(key: number, { wait }: { wait: boolean }, run: () => Promise<T>): Promise<{ ran: true; value: T } | { ran: false }> {
  const client = await lockConnections.get().connect()
  let broken: Error | undefined
  try {
    if (wait) await client.query('SELECT pg_advisory_lock($1)', [key])
    else if (!(await client.query<{ locked: boolean }>('SELECT pg_try_advisory_lock($1) AS locked', [key])).rows[0].locked) return { ran: false }
    try {
      return { ran: true, value: await run() }
    } finally {
      await client.query('SELECT pg_advisory_unlock($1)', [key]).catch((error: Error) => (broken = error))
    }
  } finally {
    // A connection that failed is closed, not pooled (its lock went with it).
    client.release(broken)
  }
}
