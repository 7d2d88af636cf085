/**
 * npm run bench:pages — server-rendered case page and search page under load (autocannon),
 * next to the floors measured in the same run: GET /ping (a trivial route) and GET /login (a
 * trivial server-rendered page: the whole Remix document render, the target's baseline).
 * BENCH_CASES (default 20000) cases are imported first; BENCH_SECONDS (default 10) per route.
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
import { freshDataDir, importGeneratedCases, ms, percentile, startServer, writeResults } from './bench-utils'

const caseCount = Number(process.env.BENCH_CASES ?? 20_000)
const seconds = Number(process.env.BENCH_SECONDS ?? 10)
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
  const rows: Array<{ name: string; requestsPerSecond: number; p50: number; p95: number; p99: number; errors: number }> = []
  for (const target of targets) {
    let next = 0
    const latencies: number[] = []
    const instance = autocannon({
      url: target.url,
      connections,
      duration: seconds,
      headers: target.headers,
      requests: [{ setupRequest: (request) => ({ ...request, ...target.requests[next++ % target.requests.length] }) }],
    })
    // autocannon's types omit the instance's events; 'response' carries each request's latency.
    ;(instance as unknown as NodeJS.EventEmitter).on('response', (_client: unknown, _status: number, _bytes: number, responseTime: number) =>
      latencies.push(responseTime),
    )
    const result = await instance
    const errors = result.errors + result.non2xx
    rows.push({
      name: target.name,
      requestsPerSecond: result.requests.average,
      p50: percentile(latencies, 50),
      p95: percentile(latencies, 95),
      p99: percentile(latencies, 99),
      errors,
    })
  }
  const floor = rows[1]
  console.log('')
  console.log(`${caseCount} cases, ${connections} connections, ${seconds} s per route, 2 cores (load generator on the same machine)`)
  console.log('route                 req/s     p50         p95         p99         vs floor (req/s, p95)  errors')
  for (const row of rows) {
    console.log(
      `${row.name.padEnd(20)} ${row.requestsPerSecond.toFixed(0).padStart(6)}    ${ms(row.p50).padEnd(11)} ${ms(row.p95).padEnd(11)} ${ms(row.p99).padEnd(11)} ` +
        `×${(row.requestsPerSecond / floor.requestsPerSecond).toFixed(2)}, ×${(row.p95 / floor.p95).toFixed(1)}`.padEnd(23) +
        `${row.errors}`,
    )
  }
  writeResults('pages', { caseCount, connections, seconds, rows })
} finally {
  await server.stop()
}
