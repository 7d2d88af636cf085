import { spawn } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { afterAll, expect, test } from 'vitest'
import { isProcessAlive, readRuntimeInfo } from '../../app/runtime/data-dir.server'
import { findFreePort } from '../../app/runtime/free-port.server'
import { makeTestDataDir } from '../setup/test-services'

// The real `server.ts` on embedded defaults: no DATABASE_URL or MEILI_URL from the test setup.
const dataDir = makeTestDataDir('lifecycle')
const { DATABASE_URL: _db, MEILI_URL: _meili, MEILI_MASTER_KEY: _key, SESSION_SECRET: _secret, ...baseEnv } = process.env

async function startServer(port: number) {
  const child = spawn('node', ['--import', 'tsx', 'server.ts'], {
    env: { ...baseEnv, DATA_DIR: dataDir, PORT: String(port), HOST: '127.0.0.1', SEED_DEMO: 'auto', DEMO_CASE_COUNT: '15', MEILI_INDEX_PREFIX: 'gtac_' },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  })
  let output = ''
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${output}`)), 120_000)
    const collect = (chunk: Buffer) => {
      output += chunk.toString()
      if (output.includes('GTAC Portal ready')) {
        clearTimeout(timer)
        resolve()
      }
    }
    child.stdout!.on('data', collect)
    child.stderr!.on('data', collect)
    child.once('exit', (code) => reject(new Error(`server exited with ${code}:\n${output}`)))
  })
  return { child, output: () => output }
}

/** Only the server process gets the signal: stopping PostgreSQL and Meilisearch is its own job. */
const stop = (child: ReturnType<typeof spawn>, signal: NodeJS.Signals) =>
  new Promise<number | null>((resolve) => {
    child.once('exit', (code) => resolve(code))
    child.kill(signal)
  })

afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }))

test('starts embedded PostgreSQL and Meilisearch, stops them on SIGTERM, and reuses the data on the next start', async () => {
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
