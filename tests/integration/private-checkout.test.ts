import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import pg from 'pg'
import { afterAll, expect, test } from 'vitest'
import { embeddedDatabaseUrl } from '../../app/runtime/embedded-postgres.server'
import { readRuntimeInfo } from '../../app/utils/data-dir.server'
import { findFreePort } from '../../app/utils/free-port.server'
import { startServerProcess, stopServerProcess } from '../setup/server-process'

// A clone of this repository in a directory only its owner may enter, as containers and CI
// systems make them (root in /root, mktemp -d). The installed packages and the build come from
// this checkout as hard links (same files, new private path), so the test does not re-run npm ci.
const repo = path.resolve(import.meta.dirname, '../..')
const privateDir = fs.mkdtempSync(path.join(os.tmpdir(), 'gtac-private-'))
const checkout = path.join(privateDir, 'portal')
// Where a root-run PostgreSQL keeps what the postgres user must reach; its own per test run.
const postgresHome = fs.mkdtempSync(path.join(os.tmpdir(), 'gtac-pghome-'))
fs.chmodSync(postgresHome, 0o755)

function linkTree(relative: string) {
  const source = path.join(repo, relative)
  fs.mkdirSync(path.dirname(path.join(checkout, relative)), { recursive: true })
  try {
    execFileSync('cp', ['-al', source, path.join(checkout, relative)])
  } catch {
    execFileSync('cp', ['-a', source, path.join(checkout, relative)])
  }
}

afterAll(() => {
  fs.rmSync(privateDir, { recursive: true, force: true })
  fs.rmSync(postgresHome, { recursive: true, force: true })
})

test('a clone in a private directory starts, answers /healthz, and finds its data again after a restart', { timeout: 300_000 }, async () => {
  execFileSync('git', ['clone', '-q', repo, checkout])
  for (const tree of ['node_modules', 'app/generated', 'build', 'public/build']) linkTree(tree)
  expect(fs.statSync(privateDir).mode & 0o777).toBe(0o700)

  const port = await findFreePort()
  const env = { PORT: String(port), DEMO_CASE_COUNT: '5', EMBEDDED_POSTGRES_HOME: postgresHome }
  const first = await startServerProcess({ cwd: checkout, env })
  const health = await fetch(`http://127.0.0.1:${port}/healthz`)
  expect(health.status).toBe(200)
  expect(await health.json()).toMatchObject({ status: 'ok', db: 'ok', search: 'ok' })

  const dataDir = path.join(checkout, 'data')
  const database = new pg.Client({ connectionString: embeddedDatabaseUrl(readRuntimeInfo(dataDir).postgres!.port) })
  await database.connect()
  await database.query(`insert into "Station" (id, code, name, region) values ('private-marker', 'PRIV01', 'Private checkout', 'Test')`)
  await database.end()
  expect(await stopServerProcess(first.child, 'SIGTERM')).toBe(0)

  if (process.getuid?.() === 0) {
    // The postgres user cannot enter the checkout: the cluster must live in the home, said in the log.
    const clusterId = fs.readFileSync(path.join(dataDir, 'postgres-cluster-id'), 'utf8').trim()
    const clusterDir = path.join(postgresHome, 'clusters', clusterId)
    expect(fs.existsSync(path.join(clusterDir, 'PG_VERSION'))).toBe(true)
    expect(first.output()).toContain(clusterDir)
  }

  const second = await startServerProcess({ cwd: checkout, env })
  expect(second.output()).not.toContain('Demo data: seeding')
  expect((await fetch(`http://127.0.0.1:${port}/healthz`)).status).toBe(200)
  const again = new pg.Client({ connectionString: embeddedDatabaseUrl(readRuntimeInfo(dataDir).postgres!.port) })
  await again.connect()
  const marker = await again.query(`select name from "Station" where code = 'PRIV01'`)
  await again.end()
  expect(marker.rows).toEqual([{ name: 'Private checkout' }])
  expect(await stopServerProcess(second.child, 'SIGINT')).toBe(0)
})
