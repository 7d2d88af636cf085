import fs from 'node:fs'
import path from 'node:path'
import { expect, test } from './fixtures'
import { findFreePort } from '../../app/utils/free-port.server'
import { startCoturn, type RunningCoturn } from '../setup/coturn'
import { startServerProcess, stopServerProcess, type ServerProcess } from '../setup/server-process'
import { claimedRequest, expectVideoFlowing, joinCall, participant, remoteTile } from './call-helpers'

// The portal's own call, configured like a deployment behind NAT: TURN credentials from
// TURN_URLS/TURN_SECRET and ICE_TRANSPORT_POLICY=relay, through a real loopback-only coturn.
let coturn: RunningCoturn
let server: ServerProcess
let baseURL: string
const dataDir = path.join('/tmp', `gtac-relay-${process.pid}-${Date.now()}`)

test.beforeAll(async () => {
  test.setTimeout(180_000)
  coturn = await startCoturn()
  fs.mkdirSync(dataDir, { recursive: true, mode: 0o755 })
  fs.chmodSync(dataDir, 0o755)
  const port = await findFreePort()
  server = await startServerProcess({
    env: {
      DATA_DIR: dataDir,
      PORT: String(port),
      DEMO_CASE_COUNT: '5',
      TURN_URLS: coturn.urls.join(','),
      TURN_SECRET: coturn.secret,
      ICE_TRANSPORT_POLICY: 'relay',
    },
  })
  baseURL = `http://127.0.0.1:${port}`
})

test.afterAll(async () => {
  if (server) await stopServerProcess(server.child, 'SIGTERM')
  await coturn?.stop()
  fs.rmSync(dataDir, { recursive: true, force: true })
})

test('a call with relay-only ICE goes through TURN and video flows both ways', async ({ browser }) => {
  test.setTimeout(120_000)
  const tech = await participant(browser, 'tech@gtac.test', { width: 390, height: 844 }, baseURL)
  const expert = await participant(browser, 'expert@gtac.test', { width: 1280, height: 900 }, baseURL)
  const id = await claimedRequest(tech, expert)
  await tech.goto(`/assistance/${id}`)
  await expert.goto(`/assistance/${id}`)
  await joinCall(tech)
  await joinCall(expert)
  await expectVideoFlowing(expert)
  await expectVideoFlowing(tech)
  await expect(remoteTile(expert)).toHaveAttribute('data-route', 'relay')
  await expect(remoteTile(tech)).toHaveAttribute('data-route', 'relay')
})
