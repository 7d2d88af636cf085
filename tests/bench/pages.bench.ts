/**
 * npm run bench:pages — server-rendered case page and search page under load (autocannon),
 * next to the floors measured in the same run: GET /ping (a trivial route) and GET /login (a
 * trivial server-rendered page: the whole Remix document render, the target's baseline).
 * BENCH_CASES (default 20000) cases are imported first; each route is warmed up for
 * BENCH_WARMUP_SECONDS (default 2, not counted), then measured in BENCH_ROUNDS (default 3) rounds
 * of BENCH_SECONDS (default 5), the routes in turn.
 * The search page is measured twice: its five searches over and over (answered from memory after
 * the first time: search/result-cache.ts), and the same searches never asked twice.
 * Last, the search page's own Meilisearch requests sent straight to Meilisearch, the same way:
 * what the search engine alone serves on this machine, next to what the page serves.
 */
import autocannon from 'autocannon'
import { createSession, createUser } from '../../app/utils/user.server'
import { readOrCreateSecret } from '../../app/utils/data-dir.server'
import { startServices } from '../../app/runtime/services.server'
import { disconnectDb, getDb } from '../../app/utils/db.server'
import { getSessionStorage } from '../../app/utils/session.server'
import { parseSearchParams, searchPageQuery } from '../../app/modules/cases/case-search-params'
import { caseSearchCall } from '../../search/search-cases'
import { freshDataDir, importGeneratedCases, ms, percentile, learnThesaurusRewrites, startServer, writeResults } from './bench-utils'

const caseCount = Number(process.env.BENCH_CASES ?? 20_000)
const seconds = Number(process.env.BENCH_SECONDS ?? 5)
const rounds = Number(process.env.BENCH_ROUNDS ?? 3)
const warmupSeconds = Number(process.env.BENCH_WARMUP_SECONDS ?? 2)
const connections = Number(process.env.BENCH_CONNECTIONS ?? 10)
const port = Number(process.env.BENCH_PORT ?? 3291)

/**
 * Each search shifted by 1, 2, … 400 results in turn: 2,000 distinct requests (more than a run
 * sends), each ranking, counting and highlighting as much as the first page does.
 */
const unrepeatedSearchPaths = (paths: string[]) =>
  Array.from({ length: 400 }, (_, shift) => paths.map((path) => encodeURI(`${path}&offset=${shift + 1}`))).flat()

const dataDir = freshDataDir('pages')
await importGeneratedCases(dataDir, caseCount, 5)

const server = await startServer(dataDir, port)
try {
  await startServices(() => {})
  await learnThesaurusRewrites()
  process.env.SESSION_SECRET = readOrCreateSecret(dataDir, 'session', () => 'unused: the server created it')
  const user = await createUser({ email: `bench-${Date.now()}@gtac.test`, name: 'Bench', password: 'bench-password', role: 'TECHNICIAN' })
  const storage = getSessionStorage()
  const session = await storage.getSession()
  session.set('sessionId', await createSession(user.id))
  const cookie = (await storage.commitSession(session)).split(';')[0]
  const caseIds = (await getDb().repairCase.findMany({ take: 200, select: { id: true } })).map((row) => row.id)
  await disconnectDb()

  const searchPaths = ['/cases?q=P0171', '/cases?q=冷车怠速抖', '/cases?q=transmision%20slips', '/cases?q=&system=engine', '/cases?q=noise']
  // /login is requested signed out (signed in, it redirects).
  const routes = [
    { name: 'GET /ping', paths: ['/ping'], signedIn: true },
    { name: 'GET /login (floor)', paths: ['/login'], signedIn: false },
    { name: 'case page', paths: caseIds.map((id) => `/cases/${id}`), signedIn: true },
    { name: 'search page', paths: searchPaths.map((p) => encodeURI(p)), signedIn: true },
    // The same five searches, each request a page not asked for before: none is answered from memory.
    { name: 'search, no repeat', paths: unrepeatedSearchPaths(searchPaths), signedIn: true },
  ]
  // The page's Meilisearch calls for the same five searches, as its loader makes them.
  const meiliCalls = searchPaths.map((path) => {
    const params = parseSearchParams(new URL(path, server.baseUrl))
    if (!params.success) throw new Error(`bad search path ${path}`)
    return caseSearchCall(searchPageQuery(params.data))
  })
  const targets = [
    ...routes.map((route) => ({
      name: route.name,
      url: server.baseUrl,
      headers: route.signedIn ? { cookie } : {},
      requests: route.paths.map((path) => ({ path })),
    })),
    {
      name: 'Meilisearch alone',
      url: process.env.MEILI_URL!,
      headers: { authorization: `Bearer ${process.env.MEILI_MASTER_KEY}`, 'content-type': 'application/json' },
      requests: meiliCalls.map((call) => ({ path: call.path, method: 'POST' as const, body: JSON.stringify(call.body) })),
    },
  ]
  // Rounds, each route in turn: this machine's speed drifts within a minute, and a ratio between
  // two routes measured minutes apart would carry that drift.
  const tallies = targets.map(() => ({ requests: 0, seconds: 0, errors: 0, latencies: [] as number[], perRound: [] as number[] }))
  const cursors = targets.map(() => 0)
  const load = (i: number, duration: number) =>
    autocannon({
      url: targets[i].url,
      connections,
      duration,
      headers: targets[i].headers,
      requests: [{ setupRequest: (request) => ({ ...request, ...targets[i].requests[cursors[i]++ % targets[i].requests.length] }) }],
    })
  // Not counted: the first requests of a route compile its code paths (V8) and fill connection pools.
  for (const i of targets.keys()) await load(i, warmupSeconds)
  for (let round = 0; round < rounds; round++) {
    for (const i of targets.keys()) {
      const tally = tallies[i]
      const instance = load(i, seconds)
      // autocannon's types omit the instance's events; 'response' carries each request's latency.
      ;(instance as unknown as NodeJS.EventEmitter).on('response', (_client: unknown, _status: number, _bytes: number, responseTime: number) =>
        tally.latencies.push(responseTime),
      )
      const result = await instance
      tally.requests += result.requests.total
      tally.seconds += result.duration
      tally.errors += result.errors + result.non2xx
      tally.perRound.push(result.requests.total / result.duration)
    }
  }
  const rows = targets.map((target, i) => ({
    name: target.name,
    requestsPerSecond: tallies[i].requests / tallies[i].seconds,
    p50: percentile(tallies[i].latencies, 50),
    p95: percentile(tallies[i].latencies, 95),
    p99: percentile(tallies[i].latencies, 99),
    errors: tallies[i].errors,
    perRound: tallies[i].perRound,
  }))
  const floor = rows[1]
  console.log('')
  console.log(`${caseCount} cases, ${connections} connections, ${warmupSeconds} s warm-up then ${rounds} rounds of ${seconds} s per route, 2 cores (load generator on the same machine)`)
  console.log('route                 req/s     p50         p95         p99         vs floor (req/s, p95)  errors  req/s vs floor, round by round')
  for (const row of rows) {
    const byRound = row.perRound.map((value, round) => `×${(value / floor.perRound[round]).toFixed(2)}`).join(' ')
    console.log(
      `${row.name.padEnd(20)} ${row.requestsPerSecond.toFixed(0).padStart(6)}    ${ms(row.p50).padEnd(11)} ${ms(row.p95).padEnd(11)} ${ms(row.p99).padEnd(11)} ` +
        `×${(row.requestsPerSecond / floor.requestsPerSecond).toFixed(2)}, ×${(row.p95 / floor.p95).toFixed(1)}`.padEnd(23) +
        `${String(row.errors).padEnd(8)}${byRound}`,
    )
  }
  writeResults('pages', { caseCount, connections, rounds, seconds, rows })
} finally {
  await server.stop()
}
