/**
 * npm run bench:exams — issue 10's autosave figure: BENCH_CANDIDATES (default 500) candidates in
 * one exam at once, each saving an answer every 5 s, BENCH_SAVES times (default 24: two minutes
 * of the exam at its real pace, 100 saves/s). The whole 30-minute exam is BENCH_SAVES=360, and
 * BENCH_SPEEDUP=20 compresses time (a save every 250 ms: 2,000 saves/s offered, more than two
 * shared cores serve, so the candidates fall behind and the figures measure a queue).
 * Every candidate also probes `GET /healthz` half-way between two saves: the same
 * concurrency, the same server, the same moments, so the health check's latency is the baseline.
 * Through the real server and API (`POST /api/exams/:id/attempts`, `PUT /api/attempts/:id/answers`
 * with API tokens); a candidate has one request in flight at a time, like the exam page.
 * At the end, every candidate's last answer to every question is compared with what is stored
 * (no answer lost). Prints the figures and writes tests/bench/results/exams.json.
 */
import http from 'node:http'
import { performance } from 'node:perf_hooks'
import { startServices } from '../../app/runtime/services.server'
import { createApiToken } from '../../app/utils/api-token.server'
import { disconnectDb, getDb } from '../../app/utils/db.server'
import type { SessionUser } from '../../app/utils/session-user'
import { createUser } from '../../app/utils/user.server'
import { createQuestions, multipleChoice, publishedPaper, singleChoice, trueFalse } from '../exam-factories'
import { freshDataDir, ms, percentile, startServer, writeResults } from './bench-utils'

const candidateCount = Number(process.env.BENCH_CANDIDATES ?? 500)
const savesPerCandidate = Number(process.env.BENCH_SAVES ?? 24)
const speedup = Number(process.env.BENCH_SPEEDUP ?? 1)
const port = Number(process.env.BENCH_PORT ?? 3292)
const intervalMs = 5000 / speedup

type Question = { id: string; kind: string; options: Array<{ id: string }> }
type Candidate = { token: string; attemptId: string; questions: Question[]; lastSent: Map<string, string[]> }

const agent = new http.Agent({ keepAlive: true, maxSockets: candidateCount * 2 })
const sleep = (millis: number) => new Promise((resolve) => setTimeout(resolve, Math.max(0, millis)))

let resentAfterReset = 0

/**
 * One request on a kept-alive connection. A save every 5 s meets the server's 5 s keep-alive
 * timeout: a request sent on a connection the server is closing gets ECONNRESET before it was
 * read, and is sent again (up to three times; saves and probes are idempotent), as a browser would.
 */
async function request(baseUrl: string, method: string, path: string, options: { token?: string; body?: unknown } = {}) {
  for (let resends = 0; ; resends += 1) {
    try {
      return await requestOnce(baseUrl, method, path, options)
    } catch (error) {
      // The agent may hand out another closing connection for the resend: a few tries, not one.
      if ((error as NodeJS.ErrnoException).code !== 'ECONNRESET' || resends === MAX_RESENDS) throw error
      resentAfterReset += 1
    }
  }
}

const MAX_RESENDS = 3

function requestOnce(baseUrl: string, method: string, path: string, { token, body }: { token?: string; body?: unknown } = {}) {
  const payload = body === undefined ? undefined : JSON.stringify(body)
  return new Promise<{ status: number; body: string; millis: number }>((resolve, reject) => {
    const started = performance.now()
    const outgoing = http.request(
      `${baseUrl}${path}`,
      {
        method,
        agent,
        headers: { ...(token ? { Authorization: `Bearer ${token}` } : {}), ...(payload ? { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(payload) } : {}) },
      },
      (response) => {
        let text = ''
        response.setEncoding('utf8')
        response.on('data', (chunk: string) => (text += chunk))
        response.on('end', () => resolve({ status: response.statusCode ?? 0, body: text, millis: performance.now() - started }))
      },
    )
    outgoing.on('error', reject)
    outgoing.end(payload)
  })
}

/** `items` through `run`, `width` at a time. */
async function inParallel<T, R>(items: T[], width: number, run: (item: T, index: number) => Promise<R>) {
  const results: R[] = new Array(items.length)
  let next = 0
  await Promise.all(
    Array.from({ length: width }, async () => {
      while (next < items.length) {
        const index = next++
        results[index] = await run(items[index], index)
      }
    }),
  )
  return results
}

/** A choice that changes from one save to the next: the check at the end needs the last one to differ from earlier ones. */
function choose(question: Question, save: number) {
  const ids = question.options.map((option) => option.id)
  if (question.kind === 'multiple') return ids.filter((_, index) => (save >> index) % 2 === 1 || index === save % ids.length)
  return [ids[save % ids.length]]
}

const dataDir = freshDataDir('exams')
const server = await startServer(dataDir, port)
try {
  await startServices(() => {})
  const db = getDb()

  console.log(`Creating a 10-question exam and ${candidateCount} candidates with API tokens…`)
  const trainer = (await createUser({ email: 'trainer@bench.test', name: 'Trainer', password: 'bench-password', role: 'TRAINER' })) as SessionUser
  const questionIds = await createQuestions(trainer, [
    ...Array.from({ length: 5 }, () => singleChoice()),
    ...Array.from({ length: 3 }, () => multipleChoice()),
    ...Array.from({ length: 2 }, (_, index) => trueFalse(index === 0)),
  ])
  const paperId = await publishedPaper(trainer, { title: 'Bench exam', fixed: questionIds, timeLimitMinutes: 30, maxAttempts: 1 })
  await db.$executeRaw`INSERT INTO "Station" (id, code, name, region) VALUES ('bench-station', 'BENCH', 'Bench station', 'Bench')`
  await db.$executeRaw`
    INSERT INTO "User" (id, email, name, "passwordHash", role, "stationId")
    SELECT 'bench-candidate-' || n, 'candidate-' || n || '@bench.test', 'Candidate ' || n, 'x', 'TECHNICIAN', 'bench-station'
    FROM generate_series(1, ${candidateCount}) AS n`
  const tokens = await inParallel(
    Array.from({ length: candidateCount }, (_, index) => `bench-candidate-${index + 1}`),
    10,
    async (userId) => (await createApiToken({ userId, name: 'bench' })).token,
  )

  console.log(`Starting ${candidateCount} attempts through POST /api/exams/:id/attempts…`)
  const startLatencies: number[] = []
  // Twenty at a time: fifty at once on this loaded 2-core machine ran out of Prisma's 2 s wait for a transaction (500s).
  const candidates = await inParallel(tokens, 20, async (token): Promise<Candidate> => {
    const response = await request(server.baseUrl, 'POST', `/api/exams/${paperId}/attempts`, { token })
    if (response.status !== 201) throw new Error(`start: ${response.status} ${response.body}`)
    startLatencies.push(response.millis)
    const started = JSON.parse(response.body) as { attemptId: string; questions: Question[] }
    return { token, attemptId: started.attemptId, questions: started.questions, lastSent: new Map() }
  })

  console.log(`${candidateCount} candidates x ${savesPerCandidate} saves, one every ${intervalMs} ms (5 s / ${speedup}), a /healthz probe between saves…`)
  const saveLatencies: number[] = []
  const healthLatencies: number[] = []
  const failures: string[] = []
  const runStarted = performance.now()
  await Promise.all(
    candidates.map(async (candidate, index) => {
      // Candidates start spread over one interval, as a room of people would.
      const offset = (index / candidates.length) * intervalMs
      for (let save = 0; save < savesPerCandidate; save += 1) {
        await sleep(runStarted + offset + save * intervalMs - performance.now())
        const question = candidate.questions[save % candidate.questions.length]
        const optionIds = choose(question, save)
        const saved = await request(server.baseUrl, 'PUT', `/api/attempts/${candidate.attemptId}/answers`, { token: candidate.token, body: { questionId: question.id, optionIds } })
        if (saved.status === 200) {
          saveLatencies.push(saved.millis)
          candidate.lastSent.set(question.id, optionIds)
        } else failures.push(`save ${saved.status} ${saved.body}`)
        await sleep(runStarted + offset + (save + 0.5) * intervalMs - performance.now())
        const health = await request(server.baseUrl, 'GET', '/healthz')
        if (health.status === 200) healthLatencies.push(health.millis)
        else failures.push(`healthz ${health.status}`)
      }
    }),
  )
  const runSeconds = (performance.now() - runStarted) / 1000

  console.log('Checking every last answer in the database…')
  const stored = await db.examAnswer.findMany({ where: { attemptId: { in: candidates.map((candidate) => candidate.attemptId) } }, select: { attemptId: true, questionId: true, optionIds: true } })
  const storedByKey = new Map(stored.map((row) => [`${row.attemptId}/${row.questionId}`, row.optionIds]))
  let checked = 0
  let lost = 0
  for (const candidate of candidates) {
    for (const [questionId, optionIds] of candidate.lastSent) {
      checked += 1
      if (JSON.stringify(storedByKey.get(`${candidate.attemptId}/${questionId}`)) !== JSON.stringify(optionIds)) lost += 1
    }
  }
  const extra = stored.length - checked

  const figures = {
    candidates: candidateCount,
    savesPerCandidate,
    speedup,
    runSeconds,
    savesPerSecond: saveLatencies.length / runSeconds,
    save: { count: saveLatencies.length, p50: percentile(saveLatencies, 50), p95: percentile(saveLatencies, 95), p99: percentile(saveLatencies, 99) },
    healthz: { count: healthLatencies.length, p50: percentile(healthLatencies, 50), p95: percentile(healthLatencies, 95), p99: percentile(healthLatencies, 99) },
    start: { p50: percentile(startLatencies, 50), p95: percentile(startLatencies, 95) },
    failures: failures.length,
    resentAfterReset,
    answersChecked: checked,
    answersLost: lost,
    unexpectedAnswers: extra,
  }
  console.log('')
  console.log(`${candidateCount} candidates, ${figures.save.count} saves in ${runSeconds.toFixed(1)} s (${figures.savesPerSecond.toFixed(0)} saves/s, time x${speedup}), 2 cores, load generator on the same machine`)
  console.log('                      p50         p95         p99')
  console.log(`PUT answers (save)    ${ms(figures.save.p50).padEnd(11)} ${ms(figures.save.p95).padEnd(11)} ${ms(figures.save.p99)}`)
  console.log(`GET /healthz          ${ms(figures.healthz.p50).padEnd(11)} ${ms(figures.healthz.p95).padEnd(11)} ${ms(figures.healthz.p99)}`)
  console.log(`save / healthz        ×${(figures.save.p50 / figures.healthz.p50).toFixed(2).padEnd(10)} ×${(figures.save.p95 / figures.healthz.p95).toFixed(2)}`)
  console.log(`starting an attempt: p50 ${ms(figures.start.p50)}, p95 ${ms(figures.start.p95)}`)
  console.log(`failed requests: ${failures.length}${failures.length > 0 ? ` (first: ${failures[0]})` : ''}; sent again after a keep-alive reset: ${resentAfterReset}`)
  console.log(`answers checked: ${checked}, lost or different: ${lost}, stored without being sent: ${extra}`)
  writeResults('exams', figures)
  if (lost > 0 || extra !== 0 || failures.length > 0) process.exitCode = 1
} finally {
  agent.destroy()
  // Before the server stops its PostgreSQL, or the pool's connections die with an unhandled error.
  await disconnectDb()
  await server.stop()
}
