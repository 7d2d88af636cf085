import { Prisma } from '../../app/generated/prisma/client'
import { expect, test } from 'vitest'
import { inBackground, settleBackgroundWork } from '../../app/utils/background-work.server'
import { queryRows } from '../../app/utils/page-sql.server'
import { closePgPools } from '../../app/utils/pg-pool.server'

test('a stopping server waits for the work its requests left running, within a bound', async () => {
  let written = false
  void inBackground(queryRows(Prisma.sql`SELECT pg_sleep(0.2)`).then(() => (written = true)))
  await settleBackgroundWork()
  expect(written).toBe(true)

  // Work that never ends does not hold the stop up beyond the bound.
  void inBackground(new Promise(() => {}))
  await expect(settleBackgroundWork(100)).resolves.toBeUndefined()
})

test('after the pools are closed, a late statement fails instead of opening a new connection', async () => {
  await expect(queryRows(Prisma.sql`SELECT 1`)).resolves.toHaveLength(1)
  await closePgPools()
  await expect(queryRows(Prisma.sql`SELECT 1`)).rejects.toThrow(/pools are closed/)
})
