import type { Prisma } from '~/generated/prisma/client'
import { lazyPgPool } from './pg-pool.server'

/**
 * A plain `pg` pool for the few statements run on every page view (the case, the bell's count,
 * the search log) and for the exam autosave (a write every few seconds per candidate). Prisma 6's client engine compiles even a `$queryRaw` in WebAssembly on the
 * event loop: ~0.3 ms of CPU per statement, which `pg` does not spend. Timestamps without time
 * zone must be read `AT TIME ZONE 'UTC'` here (pg would take them as local time).
 */
const pageSql = lazyPgPool('page', { settings: {}, max: 8, idleMs: 60_000 })

export async function queryRows<Row>(query: Prisma.Sql): Promise<Row[]> {
  const { rows } = await pageSql.get().query(query.text, query.values)
  return rows as Row[]
}

/** Runs a write; resolves to the number of rows it touched. */
export async function executeStatement(query: Prisma.Sql): Promise<number> {
  const { rowCount } = await pageSql.get().query(query.text, query.values)
  return rowCount ?? 0
}
