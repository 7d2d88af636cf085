import fs from 'node:fs'
import path from 'node:path'

/** The data directory, open for others to enter: a cluster inside it runs as another user when we are root. */
export function prepareDataDir(dataDir: string) {
  fs.mkdirSync(dataDir, { recursive: true })
  fs.chmodSync(dataDir, 0o755)
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
