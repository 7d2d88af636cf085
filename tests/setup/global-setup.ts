import fs from 'node:fs'
import pg from 'pg'
import type { TestProject } from 'vitest/node'
import { applyMigrations } from '../../app/runtime/migrate.server'
import { databaseUrlFor, makeTestDataDir, startTestMeili, startTestPostgres } from './test-services'

const TEMPLATE = `gtac_template_${process.pid}`

declare module 'vitest' {
  export interface ProvidedContext {
    adminDatabaseUrl: string
    templateDatabase: string
    meiliUrl: string
    meiliKey: string
  }
}

/** One PostgreSQL and one Meilisearch for the run; a migrated template database that each test file copies. */
export default async function setup(project: TestProject) {
  const dataDir = makeTestDataDir('vitest')
  const postgres = await startTestPostgres(dataDir)
  const meili = await startTestMeili(dataDir)

  const admin = new pg.Client({ connectionString: postgres.adminUrl })
  await admin.connect()
  await admin.query(`drop database if exists ${TEMPLATE}`)
  await admin.query(`create database ${TEMPLATE}`)
  await applyMigrations(databaseUrlFor(postgres.adminUrl, TEMPLATE))

  project.provide('adminDatabaseUrl', postgres.adminUrl)
  project.provide('templateDatabase', TEMPLATE)
  project.provide('meiliUrl', meili.url)
  project.provide('meiliKey', meili.key)

  return async () => {
    await admin.query(`drop database if exists ${TEMPLATE}`)
    await admin.end()
    await meili.stop()
    await postgres.stop()
    fs.rmSync(dataDir, { recursive: true, force: true })
  }
}
