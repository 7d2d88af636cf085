import pg from 'pg'

let pool: pg.Pool | undefined
let poolUrl: string | undefined

/**
 * A plain `pg` pool for statements with a large parameter (a whole import batch as JSON).
 * Prisma passes every parameter through its query compiler: a 600 KB parameter cost ~48 ms of
 * CPU per statement there against ~2.5 ms in `pg` (measured on 1,000 import lines). Everything
 * else goes through `getDb()`.
 */
export function getBulkSql() {
  const url = process.env.DATABASE_URL
  if (!url) throw new Error('DATABASE_URL is not set: start the services first')
  if (!pool || poolUrl !== url) {
    void pool?.end()
    // UTC sessions: Prisma's DateTime columns are timestamps without time zone holding UTC.
    pool = new pg.Pool({ connectionString: url, options: '-c TimeZone=UTC', max: 2, idleTimeoutMillis: 1000, allowExitOnIdle: true })
    // An idle connection the server closes (restart, dropped test database) must not crash us.
    pool.on('error', (error) => console.warn(`bulk SQL connection lost: ${error.message}`))
    poolUrl = url
  }
  return pool
}

export async function closeBulkSql() {
  const closing = pool
  pool = undefined
  await closing?.end()
}
