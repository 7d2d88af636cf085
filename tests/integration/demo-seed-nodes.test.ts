import { expect, test } from 'vitest'
import { seedDemoDataIfEmpty } from '../../app/runtime/seed.server'
import { resetEnvCache } from '../../app/utils/env.server'
import { getDb } from '../../app/utils/db.server'

test('two nodes starting together on an empty database seed the demo data once', async () => {
  process.env.SEED_DEMO = 'auto'
  process.env.DEMO_CASE_COUNT = '20'
  resetEnvCache()
  const logs: string[][] = [[], []]
  await Promise.all(logs.map((lines) => seedDemoDataIfEmpty({ log: (line) => lines.push(line) })))
  // Exactly one of them seeded from scratch; the other found it done.
  expect(logs.filter((lines) => lines.some((line) => line.includes('seeding stations, accounts')))).toHaveLength(1)
  const accounts = await getDb().user.groupBy({ by: ['email'], _count: true, having: { email: { _count: { gt: 1 } } } })
  expect(accounts).toEqual([])
  expect(await getDb().user.count({ where: { email: 'tech@gtac.test' } })).toBe(1)
  expect(await getDb().repairCase.count()).toBeGreaterThanOrEqual(20)
})
