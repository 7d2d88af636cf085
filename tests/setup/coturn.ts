import { spawn, spawnSync } from 'node:child_process'
import crypto from 'node:crypto'
import dgram from 'node:dgram'
import fs from 'node:fs'
import net from 'node:net'
import os from 'node:os'
import path from 'node:path'
import { findFreePort } from '../../app/utils/free-port.server'
import { aptInstall, canApt } from '../../scripts/chromium.mjs'

export type RunningCoturn = { urls: string[]; secret: string; stop(): Promise<void> }

const RELAY_PORTS = 40
const INSTALL_HINT = 'Install Debian\'s coturn ("sudo apt-get install coturn") so that `turnserver` is on PATH.'

const onPath = (command: string) => spawnSync('sh', ['-c', `command -v ${command}`], { encoding: 'utf8' }).stdout.trim() || undefined

/** Debian's coturn, installed the way scripts/chromium.mjs installs Chromium when we are root with apt. */
function findTurnserver() {
  const found = onPath('turnserver')
  if (found) return found
  if (!canApt()) throw new Error(`No coturn for the TURN tests: ${INSTALL_HINT}`)
  console.log("Installing Debian's coturn for the TURN tests (apt-get)…")
  aptInstall(['coturn'])
  const installed = onPath('turnserver')
  if (!installed) throw new Error(`Installing coturn with apt-get failed (see above). ${INSTALL_HINT}`)
  return installed
}

const udpPortFree = (port: number) =>
  new Promise<boolean>((resolve) => {
    const socket = dgram.createSocket('udp4')
    socket.once('error', () => resolve(false))
    socket.bind(port, '127.0.0.1', () => socket.close(() => resolve(true)))
  })

/** A run of high UDP ports free right now, for relay allocations (coturn skips any taken later). */
async function relayPortRange() {
  for (let attempt = 0; attempt < 20; attempt++) {
    const min = 49152 + crypto.randomInt(0, 65535 - 49152 - RELAY_PORTS)
    const ports = Array.from({ length: RELAY_PORTS }, (_, index) => min + index)
    if ((await Promise.all(ports.map(udpPortFree))).every(Boolean)) return { min, max: min + RELAY_PORTS - 1 }
  }
  throw new Error(`No ${RELAY_PORTS} consecutive free UDP ports above 49152 for coturn's relays`)
}

const accepts = (port: number) =>
  new Promise<boolean>((resolve) => {
    const socket = net.connect({ host: '127.0.0.1', port })
    socket.once('connect', () => (socket.destroy(), resolve(true)))
    socket.once('error', () => resolve(false))
  })

/**
 * A private coturn on 127.0.0.1 only (listener and relays), with REST-API credentials under a
 * random secret; loopback peers allowed, which coturn refuses by default.
 */
export async function startCoturn(): Promise<RunningCoturn> {
  const turnserver = findTurnserver()
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gtac-coturn-'))
  const secret = crypto.randomBytes(24).toString('hex')
  const port = await findFreePort()
  const relay = await relayPortRange()
  const config = path.join(dir, 'turnserver.conf')
  fs.writeFileSync(
    config,
    [
      'listening-ip=127.0.0.1',
      'relay-ip=127.0.0.1',
      `listening-port=${port}`,
      `min-port=${relay.min}`,
      `max-port=${relay.max}`,
      'use-auth-secret',
      `static-auth-secret=${secret}`,
      'realm=gtac.test',
      'fingerprint',
      'no-tls',
      'no-dtls',
      'no-cli',
      'no-rfc5780',
      'allow-loopback-peers',
      'no-multicast-peers',
      `userdb=${path.join(dir, 'turndb')}`,
      `pidfile=${path.join(dir, 'turnserver.pid')}`,
      'log-file=stdout',
      'simple-log',
      '',
    ].join('\n'),
  )

  const child = spawn(turnserver, ['-c', config], { stdio: ['ignore', 'pipe', 'pipe'] })
  const killOnExit = () => child.kill('SIGKILL')
  process.once('exit', killOnExit)
  let output = ''
  const collect = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-8000)
  }
  child.stdout.on('data', collect)
  child.stderr.on('data', collect)
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))

  const stop = async () => {
    process.off('exit', killOnExit)
    if (child.exitCode === null && child.signalCode === null) {
      process.kill(child.pid!, 'SIGTERM')
      const forced = setTimeout(() => child.kill('SIGKILL'), 5000)
      await exited
      clearTimeout(forced)
    }
    fs.rmSync(dir, { recursive: true, force: true })
  }

  const deadline = Date.now() + 15_000
  while (!(await accepts(port))) {
    if (child.exitCode !== null || child.signalCode !== null || Date.now() > deadline) {
      await stop()
      throw new Error(`coturn did not start on 127.0.0.1:${port}:\n${output}`)
    }
    await new Promise((resolve) => setTimeout(resolve, 50))
  }

  return { urls: [`turn:127.0.0.1:${port}?transport=udp`, `turn:127.0.0.1:${port}?transport=tcp`], secret, stop }
}
