import pg from 'pg'

const pools = new Set<{ close(): Promise<void> }>()
let closed = false

/**
 * Closes every pool of this module for good (at shutdown, or before a test database is
 * dropped): a request still running afterwards gets an error instead of a new connection that
 * the database's stop would cut.
 */
export async function closePgPools() {
  closed = true
  await Promise.all([...pools].map((pool) => pool.close()))
}

/**
 * A plain `pg` pool on DATABASE_URL, made on first use and made again when the URL changes
 * (tests move between databases). `settings` are PostgreSQL session settings for its connections.
 */
export function lazyPgPool(purpose: string, { settings, max, idleMs }: { settings: Record<string, string>; max: number; idleMs: number }) {
  let pool: pg.Pool | undefined
  let poolUrl: string | undefined
  // UTC sessions: Prisma's DateTime columns are timestamps without time zone holding UTC.
  const options = Object.entries({ TimeZone: 'UTC', ...settings })
    .map(([name, value]) => `-c ${name}=${value}`)
    .join(' ')
  const lazy = {
    get() {
      const url = process.env.DATABASE_URL
      if (!url) throw new Error('DATABASE_URL is not set: start the services first')
      if (closed) throw new Error(`${purpose} SQL: the pools are closed (the process is stopping)`)
      if (!pool || poolUrl !== url) {
        void pool?.end()
        pool = new pg.Pool({ connectionString: url, options, max, idleTimeoutMillis: idleMs, allowExitOnIdle: true })
        // An idle connection the server closes (restart, dropped test database) must not crash us.
        pool.on('error', (error) => console.warn(`${purpose} SQL connection lost: ${error.message}`))
        poolUrl = url
      }
      return pool
    },
    async close() {
      const closing = pool
      pool = undefined
      await closing?.end()
    },
  }
  pools.add(lazy)
  return lazy
}

const statementNames = new Map<string, string>()

/**
 * A statement to run as a prepared one: `pg` parses and plans it once per connection, under a
 * name that stands for its text (texts differ only with their shape, never with their values).
 */
export function prepared({ text, values }: { text: string; values: unknown[] }): pg.QueryConfig {
  let name = statementNames.get(text)
  if (!name) statementNames.set(text, (name = `s${statementNames.size + 1}`))
  return { name, text, values }
}
