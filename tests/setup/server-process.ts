import { spawn, type ChildProcess } from 'node:child_process'

// The real `server.ts` on embedded defaults: none of the test setup's service addresses.
const { DATABASE_URL: _db, MEILI_URL: _meili, MEILI_MASTER_KEY: _key, SESSION_SECRET: _secret, DATA_DIR: _dir, ...baseEnv } = process.env

export type ServerProcess = { child: ChildProcess; output: () => string }

/** Starts `node --import tsx server.ts` in `cwd` and resolves once it listens. */
export async function startServerProcess({ cwd = process.cwd(), env }: { cwd?: string; env: Record<string, string> }): Promise<ServerProcess> {
  const child = spawn('node', ['--import', 'tsx', 'server.ts'], {
    cwd,
    env: { ...baseEnv, HOST: '127.0.0.1', SEED_DEMO: 'auto', MEILI_INDEX_PREFIX: 'gtac_', ...env },
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
export const stopServerProcess = (child: ChildProcess, signal: NodeJS.Signals) =>
  new Promise<number | null>((resolve) => {
    if (child.exitCode !== null) return resolve(child.exitCode)
    child.once('exit', (code) => resolve(code))
    child.kill(signal)
  })
