/**
 * npm run bench:search — import throughput and search latency on generated cases, each next to
 * raw Meilisearch: indexing the same documents with the same settings, and the same searches.
 * BENCH_CASES (default 100000) sets the corpus size; BENCH_QUERIES (default 1000) the query count.
 * Figures are printed as ratios against baselines measured in the same run.
 */
import os from 'node:os'
import { createApiToken } from '../../app/utils/api-token.server'
import { createUser } from '../../app/utils/user.server'
import { startServices } from '../../app/runtime/services.server'
import { disconnectDb } from '../../app/utils/db.server'
import { ensureCaseIndex } from '../../search/case-index'
import type { CaseDocument } from '../../search/case-document'
import { casesIndexName, getMeili, indexName } from '../../search/client'
import { meiliHttpClient } from '../../search/http-client'
import { caseSearchCall } from '../../search/search-cases'
import { freshDataDir, importGeneratedCases, ms, percentile, learnThesaurusRewrites, startServer, writeResults } from './bench-utils'
import { mixedQueries } from './queries'

const caseCount = Number(process.env.BENCH_CASES ?? 100_000)
const queryCount = Number(process.env.BENCH_QUERIES ?? 1000)
const port = Number(process.env.BENCH_PORT ?? 3290)

// Other work on a shared machine slows each side differently: print the load beside both figures.
const load = () => os.loadavg()[0].toFixed(1)
const dataDir = freshDataDir('search')
const importLoad = [load()]
const { seconds: endToEndSeconds, output: importOutput } = await importGeneratedCases(dataDir, caseCount, 11)
// The CLI's own clock runs from its first line read to the last index task confirmed, leaving
// out process start-up and starting PostgreSQL and Meilisearch (the raw baseline has neither).
const importSeconds = Number(/Imported .* in ([\d.]+) s/.exec(importOutput)?.[1] ?? endToEndSeconds)
const importRate = caseCount / importSeconds
importLoad.push(load())

/**
 * Raw Meilisearch: the documents the import indexed, copied into a fresh index with the same
 * settings and sent as fast as it takes them (payloads of 10,000, all queued at once, so it
 * merges them into batches as large as it likes); timed from the first send to the last task done.
 */
async function rawIndexing() {
  const meili = getMeili()
  const documents: CaseDocument[] = []
  for (let offset = 0; ; offset += 10_000) {
    const page = await meili.index<CaseDocument>(casesIndexName()).getDocuments({ limit: 10_000, offset })
    documents.push(...page.results)
    if (page.results.length < 10_000) break
  }
  const name = indexName('cases_raw_bench')
  await meili.deleteIndexIfExists(name)
  await ensureCaseIndex(name)
  const loadBefore = load()
  const started = performance.now()
  const tasks = []
  for (let at = 0; at < documents.length; at += 10_000) {
    tasks.push(await meili.index<CaseDocument>(name).addDocuments(documents.slice(at, at + 10_000), { primaryKey: 'id' }))
  }
  for (const task of tasks) {
    const done = await meili.tasks.waitForTask(task.taskUid, { timeout: 600_000, interval: 50 })
    if (done.status !== 'succeeded') throw new Error(`raw indexing task ${done.uid} ${done.status}: ${done.error?.message}`)
  }
  const seconds = (performance.now() - started) / 1000
  await meili.deleteIndexIfExists(name)
  return { documents: documents.length, seconds, documentsPerSecond: documents.length / seconds, load: [loadBefore, load()] }
}

const server = await startServer(dataDir, port)
const results: Record<string, unknown> = {}
try {
  // The bench process reuses the server's embedded PostgreSQL and Meilisearch.
  const services = await startServices(() => {})
  await learnThesaurusRewrites()
  const rawIndex = await rawIndexing()
  const user = await createUser({ email: `bench-${Date.now()}@gtac.test`, name: 'Bench', password: 'bench-password', role: 'TECHNICIAN' })
  const { token } = await createApiToken({ userId: user.id, name: 'bench' })
  const meiliHeaders = { Authorization: `Bearer ${services.meili.key}`, 'Content-Type': 'application/json' }

  const queries = mixedQueries(queryCount)
  // Both sides go through the same node:http keep-alive transport, so only the server differs.
  const timed = async (url: string, init: RequestInit) => {
    const started = performance.now()
    await meiliHttpClient(url, init)
    return performance.now() - started
  }
  const api = (query: (typeof queries)[number]) => {
    const params = new URLSearchParams({ q: query.q, limit: '20' })
    if (query.system) params.set('system', query.system)
    if (query.dtc) params.set('dtc', query.dtc)
    if (query.classic) params.set('classic', 'true')
    return timed(`${server.baseUrl}/api/cases/search?${params}`, { headers: { Authorization: `Bearer ${token}` } })
  }
  // The Meilisearch call the API makes for the query (with its stemmed or as-typed variants).
  const raw = (query: (typeof queries)[number]) => {
    const call = caseSearchCall({ ...query, limit: 20, offset: 0 })
    return timed(`${services.meili.url}${call.path}`, { method: 'POST', headers: meiliHeaders, body: JSON.stringify(call.body) })
  }

  // Warmed up on other queries, and each measured query asked once: the API keeps answers in
  // memory (search/result-cache.ts), which raw Meilisearch does not. The repeat is timed apart.
  const key = (query: (typeof queries)[number]) => JSON.stringify(query)
  const warmup = mixedQueries(50, 99)
  const seen = new Set(warmup.map(key))
  const distinct = queries.filter((query) => !seen.has(key(query)) && Boolean(seen.add(key(query))))
  for (const query of warmup) {
    await api(query)
    await raw(query)
  }
  const apiTimes: number[] = []
  const rawTimes: number[] = []
  const repeatTimes: number[] = []
  for (const query of distinct) {
    rawTimes.push(await raw(query))
    apiTimes.push(await api(query))
    // At once: the cache keeps the 200 most recent answers, fewer than the distinct queries.
    repeatTimes.push(await api(query))
  }
  const summary = (times: number[]) => ({ p50: percentile(times, 50), p95: percentile(times, 95), p99: percentile(times, 99) })
  const apiStats = summary(apiTimes)
  const rawStats = summary(rawTimes)
  const repeatStats = summary(repeatTimes)
  results.import = {
    cases: caseCount,
    seconds: importSeconds,
    casesPerSecond: importRate,
    endToEndSeconds,
    endToEndCasesPerSecond: caseCount / endToEndSeconds,
    loadAverage: importLoad,
    rawMeilisearch: rawIndex,
    importToRaw: importRate / rawIndex.documentsPerSecond,
  }
  results.search = { queries: queryCount, distinctQueries: distinct.length, api: apiStats, rawMeilisearch: rawStats, apiRepeated: repeatStats }
  await disconnectDb()

  console.log('')
  console.log(`Corpus: ${caseCount} cases; ${queryCount} mixed queries (DTC, Chinese, English with typos, models, filters), ${distinct.length} distinct`)
  console.log(
    `Import:  ${importRate.toFixed(0)} cases/s into PostgreSQL + Meilisearch (${importSeconds.toFixed(1)} s;` +
      ` ${(caseCount / endToEndSeconds).toFixed(0)} cases/s counting the CLI's start-up, ${endToEndSeconds.toFixed(1)} s;` +
      ` load average ${importLoad.join(' → ')} on ${os.availableParallelism()} cores)`,
  )
  console.log(
    `  raw Meilisearch, same ${rawIndex.documents} documents and settings: ${rawIndex.documentsPerSecond.toFixed(0)} documents/s (${rawIndex.seconds.toFixed(1)} s;` +
      ` load average ${rawIndex.load.join(' → ')})`,
  )
  console.log(
    `  import / raw: ×${(importRate / rawIndex.documentsPerSecond).toFixed(2)} (target ≥ 2,000 cases/s or ≥ ×0.50 of raw)`,
  )
  console.log('Search latency       p50          p95          p99')
  console.log(`  raw Meilisearch  ${ms(rawStats.p50).padEnd(12)} ${ms(rawStats.p95).padEnd(12)} ${ms(rawStats.p99)}`)
  console.log(`  GET /api/cases/search ${ms(apiStats.p50).padEnd(12)} ${ms(apiStats.p95).padEnd(12)} ${ms(apiStats.p99)}`)
  console.log(`  the same, asked again (answered from memory) ${ms(repeatStats.p50).padEnd(12)} ${ms(repeatStats.p95).padEnd(12)} ${ms(repeatStats.p99)}`)
  console.log(
    `  API / raw: p50 ×${(apiStats.p50 / rawStats.p50).toFixed(2)}, p95 ×${(apiStats.p95 / rawStats.p95).toFixed(2)};` +
      ` API p95 − raw p95 = ${ms(apiStats.p95 - rawStats.p95)} (target ≤ 5 ms; API p95 target ≤ 30 ms)`,
  )
  writeResults('search', results)
} finally {
  await server.stop()
}
