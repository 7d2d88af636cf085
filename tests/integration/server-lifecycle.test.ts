import fs from 'node:fs'
import path from 'node:path'
import { afterAll, expect, test } from 'vitest'
import { isProcessAlive, readRuntimeInfo } from '../../app/utils/data-dir.server'
import { findFreePort } from '../../app/utils/free-port.server'
import { startServerProcess, stopServerProcess } from '../setup/server-process'
import { makeTestDataDir } from '../setup/test-services'

const dataDir = makeTestDataDir('lifecycle')
const startServer = (port: number) =>
  startServerProcess({ env: { DATA_DIR: dataDir, PORT: String(port), DEMO_CASE_COUNT: '15' } })
const stop = stopServerProcess

afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }))

test('starts embedded PostgreSQL and Meilisearch, stops them on SIGTERM, and reuses the data on the next start', { timeout: 120_000 }, async () => {
  const port = await findFreePort()
  const first = await startServer(port)
  expect(first.output()).toContain('Demo data: 15 repair cases')
  const health = await (await fetch(`http://127.0.0.1:${port}/healthz`)).json()
  expect(health).toMatchObject({ status: 'ok', db: 'ok', search: 'ok' })
  const running = readRuntimeInfo(dataDir)
  expect(isProcessAlive(running.postgres!.pid)).toBe(true)
  expect(isProcessAlive(running.meili!.pid)).toBe(true)

  expect(await stop(first.child, 'SIGTERM')).toBe(0)
  expect(isProcessAlive(running.postgres!.pid)).toBe(false)
  expect(isProcessAlive(running.meili!.pid)).toBe(false)

  const second = await startServer(port)
  expect(second.output()).not.toContain('Demo data: seeding')
  const login = await fetch(`http://127.0.0.1:${port}/login`, {
    method: 'POST',
    body: new URLSearchParams({ email: 'tech@gtac.test', password: 'gtac-demo' }),
    redirect: 'manual',
  })
  expect(login.status).toBe(302)
  expect(await stop(second.child, 'SIGINT')).toBe(0)
  expect(fs.existsSync(path.join(dataDir, 'postgres', 'PG_VERSION'))).toBe(true)
})
