import crypto from 'node:crypto'
import pg from 'pg'
import { afterAll, beforeAll, inject } from 'vitest'
import { resetEnvCache } from '../../app/utils/env.server'
import { closeAsyncCommitSql } from '../../app/utils/async-commit-sql.server'
import { closePageSql } from '../../app/utils/page-sql.server'
import { disconnectDb } from '../../app/utils/db.server'
import { seedReferenceData } from '../../app/runtime/seed.server'
import { databaseUrlFor } from './test-services'

const suffix = crypto.randomBytes(4).toString('hex')
const database = `gtac_test_${suffix}`
const adminUrl = inject('adminDatabaseUrl')

// Every test file gets its own database (a copy of the migrated template) and its own index prefix.
process.env.DATABASE_URL = databaseUrlFor(adminUrl, database)
process.env.MEILI_URL = inject('meiliUrl')
process.env.MEILI_MASTER_KEY = inject('meiliKey')
process.env.MEILI_INDEX_PREFIX = `t${suffix}_`
process.env.SESSION_SECRET = 'test-session-secret'
process.env.SEED_DEMO = 'never'
resetEnvCache()

async function withAdmin<T>(run: (client: pg.Client) => Promise<T>) {
  const client = new pg.Client({ connectionString: adminUrl })
  await client.connect()
  try {
    return await run(client)
  } finally {
    await client.end()
  }
}

beforeAll(async () => {
  await withAdmin((client) => client.query(`create database ${database} template ${inject('templateDatabase')}`))
  await seedReferenceData()
})

afterAll(async () => {
  await disconnectDb()
  await closeAsyncCommitSql()
  await closePageSql()
  await withAdmin((client) => client.query(`drop database if exists ${database} with (force)`))
  const response = await fetch(`${inject('meiliUrl')}/indexes?limit=1000`, {
    headers: { Authorization: `Bearer ${inject('meiliKey')}` },
  })
  const { results } = (await response.json()) as { results: Array<{ uid: string }> }
  for (const { uid } of results.filter((index) => index.uid.startsWith(`t${suffix}_`))) {
    await fetch(`${inject('meiliUrl')}/indexes/${uid}`, { method: 'DELETE', headers: { Authorization: `Bearer ${inject('meiliKey')}` } })
  }
})
