import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import fs from 'node:fs'

/**
 * Helpers of `npm run bench:realtime`: the app server as a child process whose memory and CPU
 * time are read from /proc, and the few HTTP calls the bench makes as real users.
 */

export type ChildServer = { pid: number; baseUrl: string; stop: () => Promise<void> }

/** Variables of the bench's own shell that would change what is measured (Redis, ICE servers). */
const { REDIS_URL: _redis, STUN_URLS: _stun, TURN_URLS: _turn, TURN_SECRET: _secret, ICE_TRANSPORT_POLICY: _policy, ...baseEnv } = process.env

/** Stops a child and waits for it; SIGKILL if it is still there after `graceMs`. */
export function stopChild(child: ChildProcess, graceMs = 20_000) {
  return new Promise<void>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve()
    const timer = setTimeout(() => child.kill('SIGKILL'), graceMs)
    child.once('exit', () => {
      clearTimeout(timer)
      resolve()
    })
    child.kill('SIGTERM')
  })
}

/**
 * Builds and starts the real server (`node --import tsx server.ts`, the same process that serves
 * pages and socket.io) with the demo seed on a fresh data directory; resolves when it listens.
 */
export async function startAppServer(dataDir: string, port: number): Promise<ChildServer> {
  console.log('Building (`npx remix build`)…')
  if (spawnSync('npx', ['remix', 'build'], { stdio: 'ignore' }).status !== 0) throw new Error('remix build failed')
  // BENCH_CPU_PROF_DIR: the server writes a CPU profile there when it stops (node --cpu-prof).
  const profile = process.env.BENCH_CPU_PROF_DIR ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_CPU_PROF_DIR}`] : []
  const child = spawn('node', [...profile, '--import', 'tsx', 'server.ts'], {
    env: { ...baseEnv, DATA_DIR: dataDir, PORT: String(port), HOST: '127.0.0.1', SEED_DEMO: 'auto', DEMO_CASE_COUNT: '20', NODE_ENV: 'production' },
    stdio: ['ignore', 'pipe', 'inherit'],
  })
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('server did not start within 3 minutes')), 180_000)
    child.stdout!.on('data', (chunk: Buffer) => {
      const text = chunk.toString()
      process.stderr.write(text.replace(/^/gm, '  [server] '))
      if (text.includes('GTAC Portal ready')) {
        clearTimeout(timer)
        resolve()
      }
    })
    child.once('exit', (code) => {
      clearTimeout(timer)
      reject(new Error(`server exited with ${code}`))
    })
  })
  // The server stops its own PostgreSQL and Meilisearch on SIGTERM.
  return { pid: child.pid!, baseUrl: `http://127.0.0.1:${port}`, stop: () => stopChild(child, 30_000) }
}

/** Resident set size of a process in bytes (VmRSS of /proc/<pid>/status). */
export function rssBytes(pid: number) {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8')
  const match = /^VmRSS:\s+(\d+) kB/m.exec(status)
  if (!match) throw new Error(`no VmRSS for ${pid}`)
  return Number(match[1]) * 1024
}

/** User + system CPU time a process has used so far, in milliseconds. */
export function cpuMs(pid: number) {
  const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8')
  // Fields after the command name, which is in parentheses and may contain spaces.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
  const ticksPerSecond = 100
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / ticksPerSecond
}

/**
 * RSS once the process has settled: V8 shrinks its heap a few seconds after allocation stops, so
 * wait, then take the lowest of several readings (the state after the latest collection).
 */
export async function settledRss(pid: number, waitMs = 6000) {
  await new Promise((resolve) => setTimeout(resolve, waitMs))
  const readings: number[] = []
  for (let i = 0; i < 12; i++) {
    readings.push(rssBytes(pid))
    await new Promise((resolve) => setTimeout(resolve, 250))
  }
  return Math.min(...readings)
}

/** Signs in through POST /login like the form does; returns the `name=value` session cookie. */
export async function signIn(baseUrl: string, email: string, password = 'gtac-demo') {
  const response = await fetch(`${baseUrl}/login`, {
    method: 'POST',
    body: new URLSearchParams({ email, password }),
    redirect: 'manual',
  })
  const cookie = response.headers.getSetCookie().find((line) => line.includes('='))
  if (response.status !== 302 || !cookie) throw new Error(`sign-in of ${email} failed: ${response.status}`)
  return cookie.split(';')[0]
}

/** A request of the technician's station, claimed by the expert, through the JSON API. */
export async function claimedRequest(baseUrl: string, { tech, expert }: { tech: string; expert: string }, system = 'engine') {
  const created = await fetch(`${baseUrl}/api/assistance`, {
    method: 'POST',
    headers: { cookie: tech, 'content-type': 'application/json' },
    body: JSON.stringify({ model: 'Boyue', year: 2021, system, dtcs: [], symptoms: '怠速时发动机间歇失火，抖动明显 (bench)', urgency: 'normal' }),
  })
  if (created.status !== 201) throw new Error(`POST /api/assistance: ${created.status} ${await created.text()}`)
  const { id } = (await created.json()) as { id: string }
  const claimed = await fetch(`${baseUrl}/api/assistance/${id}/claim`, { method: 'POST', headers: { cookie: expert } })
  if (claimed.status !== 200) throw new Error(`claim: ${claimed.status} ${await claimed.text()}`)
  return id
}

/**
 * Posts a chat message the way the page's message form does (a fetcher submission: with single
 * fetch it goes to `<route>.data` and runs the action only).
 */
export async function postMessage(baseUrl: string, cookie: string, requestId: string, body: string) {
  const response = await fetch(`${baseUrl}/assistance/${requestId}.data`, {
    method: 'POST',
    headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ intent: 'message', body }),
    signal: AbortSignal.timeout(30_000),
  })
  await response.arrayBuffer()
  if (response.status !== 200) throw new Error(`message to ${requestId}: ${response.status}`)
}
