import fs from 'node:fs'
import path from 'node:path'
import { startEmbeddedPostgres } from '../../app/runtime/embedded-postgres.server'
import { startEmbeddedMeili } from '../../search/embedded-meili'

/** A data directory for one test run; under /tmp with 0755 so the postgres user can reach it. */
export function makeTestDataDir(name: string) {
  const dir = path.join('/tmp', `gtac-${name}-${process.pid}-${Date.now()}`)
  fs.mkdirSync(dir, { recursive: true, mode: 0o755 })
  fs.chmodSync(dir, 0o755)
  return dir
}

/** PostgreSQL for tests: TEST_DATABASE_URL (an admin connection to a server) or an embedded one. */
export async function startTestPostgres(dataDir: string) {
  if (process.env.TEST_DATABASE_URL) return { adminUrl: process.env.TEST_DATABASE_URL, stop: async () => {} }
  const postgres = await startEmbeddedPostgres(dataDir, () => {})
  const adminUrl = new URL(postgres.url)
  adminUrl.pathname = '/postgres'
  return { adminUrl: adminUrl.toString(), stop: postgres.stop }
}

export async function startTestMeili(dataDir: string) {
  if (process.env.TEST_MEILI_URL && process.env.TEST_MEILI_MASTER_KEY) {
    return { url: process.env.TEST_MEILI_URL, key: process.env.TEST_MEILI_MASTER_KEY, stop: async () => {} }
  }
  return startEmbeddedMeili(dataDir, { log: () => {} })
}

export function databaseUrlFor(adminUrl: string, database: string) {
  const url = new URL(adminUrl)
  url.pathname = `/${database}`
  return url.toString()
}
