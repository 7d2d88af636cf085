import { execFileSync, spawn } from 'node:child_process'
import crypto from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import pg from 'pg'
import { clearRuntimeInfo, isProcessAlive, readRuntimeInfo, writeRuntimeInfo } from '~/utils/data-dir.server'
import { findFreePort } from '~/utils/free-port.server'
import { resolvePostgresLayout, type PostgresLayout } from './postgres-layout.server'

const USER = 'postgres'
const PASSWORD = 'postgres'
export const EMBEDDED_DATABASE = 'gtac'
const DEFAULT_HOME = '/var/lib/gtac-portal'

export type RunningPostgres = { url: string; stop: () => Promise<void> }

export function embeddedDatabaseUrl(port: number, database = EMBEDDED_DATABASE) {
  return `postgresql://${USER}:${PASSWORD}@127.0.0.1:${port}/${database}`
}

async function canConnect(url: string) {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2000 })
  try {
    await client.connect()
    await client.query('select 1')
    return true
  } catch {
    return false
  } finally {
    await client.end().catch(() => {})
  }
}

function messageLocale() {
  try {
    const locales = new Set(execFileSync('locale', ['-a'], { encoding: 'utf8' }).split(/\r?\n/).map((line) => line.trim()))
    return ['en_US.UTF-8', 'C.UTF-8', 'en_US.utf8', 'C.utf8'].find((name) => locales.has(name)) ?? 'C'
  } catch {
    return 'C'
  }
}

function run(program: string, args: string[], layout: PostgresLayout, onOutput?: (text: string) => boolean) {
  const locale = messageLocale()
  const child = spawn(program, args, { ...layout.runAs, env: { ...process.env, LC_MESSAGES: locale }, stdio: ['ignore', 'pipe', 'pipe'] })
  let output = ''
  let ready = false
  const done = new Promise<void>((resolve, reject) => {
    // Keep draining the pipes after start-up (a full pipe would block PostgreSQL), but stop keeping the text.
    const collect = (chunk: Buffer) => {
      if (ready) return
      output += chunk.toString()
      if (onOutput?.(output)) {
        ready = true
        resolve()
      }
    }
    child.stdout.on('data', collect)
    child.stderr.on('data', collect)
    child.once('error', reject)
    child.once('close', (code) =>
      code === 0 && !onOutput ? resolve() : reject(new Error(`${path.basename(program)} exited with code ${code}:\n${output.trim()}`)),
    )
  })
  return { child, done }
}

async function initialise(layout: PostgresLayout) {
  fs.mkdirSync(layout.clusterDir, { recursive: true, mode: 0o700 })
  if (layout.runAs) fs.chownSync(layout.clusterDir, layout.runAs.uid, layout.runAs.gid)
  const passwordFile = path.join(os.tmpdir(), `gtac-pg-${crypto.randomBytes(6).toString('hex')}`)
  fs.writeFileSync(passwordFile, `${PASSWORD}\n`, { mode: 0o600 })
  if (layout.runAs) fs.chownSync(passwordFile, layout.runAs.uid, layout.runAs.gid)
  try {
    const args = [`--pgdata=${layout.clusterDir}`, '--auth=password', `--username=${USER}`, `--pwfile=${passwordFile}`, `--lc-messages=${messageLocale()}`]
    await run(path.join(layout.binDir, 'initdb'), args, layout).done
  } finally {
    fs.rmSync(passwordFile, { force: true })
  }
}

/**
 * Starts PostgreSQL for `dataDir` (see resolvePostgresLayout for where its cluster lives), or
 * reuses the instance another process of ours already runs there (the server, when a
 * command-line tool starts).
 */
export async function startEmbeddedPostgres(dataDir: string, log: (line: string) => void): Promise<RunningPostgres> {
  const running = readRuntimeInfo(dataDir).postgres
  if (running && isProcessAlive(running.pid)) {
    const url = embeddedDatabaseUrl(running.port)
    if (await canConnect(url)) {
      log(`PostgreSQL: reusing the embedded instance on port ${running.port}`)
      return { url, stop: async () => {} }
    }
  }

  const layout = resolvePostgresLayout(dataDir, process.env.EMBEDDED_POSTGRES_HOME || DEFAULT_HOME)
  for (const note of layout.notes) log(`PostgreSQL: ${note}`)
  if (!fs.existsSync(path.join(layout.clusterDir, 'PG_VERSION'))) {
    log('PostgreSQL: initialising a new embedded database…')
    await initialise(layout)
  }

  const port = await findFreePort()
  const server = run(path.join(layout.binDir, 'postgres'), ['-D', layout.clusterDir, '-p', String(port), '-c', 'listen_addresses=127.0.0.1'], layout, (output) =>
    output.includes('database system is ready to accept connections'),
  )
  await server.done
  const exited = new Promise<void>((resolve) => server.child.once('exit', () => resolve()))
  writeRuntimeInfo(dataDir, { postgres: { port, pid: server.child.pid! } })

  const admin = new pg.Client({ connectionString: embeddedDatabaseUrl(port, 'postgres') })
  await admin.connect()
  const exists = await admin.query('select 1 from pg_database where datname = $1', [EMBEDDED_DATABASE])
  if (exists.rowCount === 0) await admin.query(`create database ${EMBEDDED_DATABASE}`)
  await admin.end()
  log(`PostgreSQL: embedded instance on 127.0.0.1:${port}`)

  return {
    url: embeddedDatabaseUrl(port),
    stop: async () => {
      // SIGINT is PostgreSQL's "fast" shutdown: open sessions are ended, data is flushed.
      if (server.child.exitCode === null) server.child.kill('SIGINT')
      await exited
      clearRuntimeInfo(dataDir, 'postgres')
    },
  }
}
