import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { generateCases } from '../../app/modules/cases/demo/case-generator'
import { loadSynonyms } from '../../search/synonyms'
import { adoptLearnedRewrites } from '../../search/thesaurus-rewrites'

export function percentile(values: number[], p: number) {
  if (values.length === 0) return NaN
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]
}

export const ms = (value: number) => `${value.toFixed(2)} ms`

/** A fresh data directory that this process (and the servers and tools it starts) works on. */
export function freshDataDir(name: string) {
  const dir = process.env.BENCH_DATA_DIR ?? path.join('/tmp', `gtac-bench-${name}`)
  fs.rmSync(dir, { recursive: true, force: true })
  fs.mkdirSync(dir, { recursive: true, mode: 0o755 })
  fs.chmodSync(dir, 0o755)
  process.env.DATA_DIR = dir
  process.env.SEED_DEMO = 'never'
  return dir
}

/** Generates `count` cases into `<dataDir>/cases.jsonl` and imports them with `npm run cases:import`. */
export async function importGeneratedCases(dataDir: string, count: number, seed: number) {
  const file = path.join(dataDir, 'cases.jsonl')
  console.log(`Generating ${count} cases…`)
  const out = fs.createWriteStream(file)
  for (const line of generateCases({ count, seed })) {
    if (!out.write(`${JSON.stringify(line)}\n`)) await new Promise<void>((resolve) => out.once('drain', () => resolve()))
  }
  await new Promise<void>((resolve) => out.end(() => resolve()))
  console.log('Importing with `npm run cases:import` (PostgreSQL + Meilisearch)…')
  const started = Date.now()
  const imported = spawnSync('node', ['--import', 'tsx', 'scripts/import-cases.ts', file], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
  })
  process.stdout.write(imported.stdout)
  if (imported.status !== 0) throw new Error('import failed')
  return { seconds: (Date.now() - started) / 1000, output: imported.stdout }
}

/** Builds and starts the real server (`node --import tsx server.ts`) on a data directory; resolves when it listens. */
export async function startServer(dataDir: string, port: number, env: Record<string, string> = {}) {
  if (spawnSync('npx', ['remix', 'build'], { stdio: 'ignore' }).status !== 0) throw new Error('remix build failed')
  // BENCH_CPU_PROF_DIR=<dir>: the server writes a V8 CPU profile there when it stops.
  const profile = process.env.BENCH_CPU_PROF_DIR ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_CPU_PROF_DIR}`] : []
  const child: ChildProcess = spawn('node', [...profile, '--import', 'tsx', 'server.ts'], {
    env: { ...process.env, DATA_DIR: dataDir, PORT: String(port), HOST: '127.0.0.1', ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  })
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('server did not start within 10 minutes')), 600_000)
    child.stdout!.on('data', (chunk: Buffer) => {
      const text = chunk.toString()
      process.stderr.write(text.replace(/^/gm, '  [server] '))
      if (text.includes('GTAC Portal ready')) {
        clearTimeout(timer)
        resolve()
      }
    })
    child.once('exit', (code) => reject(new Error(`server exited with ${code}`)))
  })
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    stop: () =>
      new Promise<void>((resolve) => {
        child.once('exit', () => resolve())
        // The server finishes its requests, then stops its PostgreSQL and Meilisearch itself.
        child.kill('SIGTERM')
      }),
  }
}

export function writeResults(name: string, results: unknown) {
  const dir = path.resolve('tests/bench/results')
  fs.mkdirSync(dir, { recursive: true })
  fs.writeFileSync(path.join(dir, `${name}.json`), JSON.stringify({ measuredAt: new Date().toISOString(), ...(results as object) }, null, 2))
}

/**
 * The thesaurus rewrites the server applies to queries, known to this process too, so that the
 * Meilisearch requests a bench sends raw are the server's own. The server learns them in the
 * background after it starts; this waits for its result and never probes (two probes at once
 * would share the probe index).
 */
export async function learnThesaurusRewrites() {
  const synonyms = await loadSynonyms()
  const deadline = Date.now() + 120_000
  while (!(await adoptLearnedRewrites(synonyms))) {
    if (Date.now() > deadline) throw new Error("the server's thesaurus rewrites were not learned within 2 minutes")
    await new Promise((resolve) => setTimeout(resolve, 250))
  }
}
