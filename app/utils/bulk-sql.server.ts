import { lazyPgPool } from './pg-pool.server'

/**
 * A plain `pg` pool for statements with a large parameter (a whole import batch as JSON).
 * Prisma passes every parameter through its query compiler: a 600 KB parameter cost ~48 ms of
 * CPU per statement there against ~2.5 ms in `pg` (measured on 1,000 import lines). Everything
 * else goes through `getDb()`.
 */
const bulk = lazyPgPool('bulk', { settings: {}, max: 2, idleMs: 1000 })

export const getBulkSql = bulk.get
