import fs from 'node:fs'
import readline from 'node:readline'
import {
  ImportContext,
  getImportAuthorId,
  indexChangeOf,
  prepareCaseLines,
  writeCaseLines,
  type ImportLine,
  type ImportLineResult,
  type PreparedLines,
} from '../app/modules/cases/case-import.server'
import { closePgPools } from '../app/utils/pg-pool.server'
import { ensureCaseIndex } from '../search/case-index'
import { openCaseIndexStream, type CaseIndexStream } from '../search/case-index-stream'
import { drainOutbox } from '../search/outbox-indexer'
import { runCli } from './cli'
import { startProgress } from './progress'

// Lines per PostgreSQL statement. Measured on 100,000 cases: PostgreSQL's CPU was the same from
// 500 to 5,000; 1,000 (~0.1 s a statement) overlaps best with validating the next batch.
const BATCH_SIZE = 1000

function describeErrors(result: Extract<ImportLineResult, { ok: false }>) {
  return Object.entries(result.errors)
    .map(([field, message]) => (field === '_line' ? message : `${field}: ${message}`))
    .join('; ')
}

async function countLines(file: string) {
  let lines = 0
  let last = 10
  for await (const chunk of fs.createReadStream(file) as AsyncIterable<Buffer>) {
    for (let at = chunk.indexOf(10); at !== -1; at = chunk.indexOf(10, at + 1)) lines += 1
    last = chunk[chunk.length - 1]
  }
  return last === 10 ? lines : lines + 1
}

// npm run cases:import -- <file.jsonl>
await runCli(async ([file]) => {
  if (!file || !fs.existsSync(file)) {
    console.error('usage: npm run cases:import -- <file.jsonl>   (one JSON case per line)')
    return 2
  }
  const context = new ImportContext('APPROVED', null)
  const authorId = await getImportAuthorId()
  const lineCount = await countLines(file)
  const index: CaseIndexStream | undefined = await ensureCaseIndex().then(
    // Large index batches cost Meilisearch far less per document (see openCaseIndexStream); a
    // quarter of the file, at most 25,000: beyond that the wait after the last write grows more
    // than indexing gets cheaper (50,000 took no less CPU on 100,000 cases).
    () => openCaseIndexStream({ batchSize: Math.min(25_000, Math.max(2_000, Math.ceil(lineCount / 4))) }),
    (error: Error) => {
      console.error(`warning: Meilisearch unavailable (${error.message}); cases are saved and the index catches up later`)
      return undefined
    },
  )
  const totals = { created: 0, updated: 0, failed: 0 }
  const done = () => totals.created + totals.updated + totals.failed
  const progress = startProgress({
    total: lineCount,
    unit: 'lines',
    read: () => ({ done: done(), indexed: index && !index.failure() ? index.indexed() : undefined }),
  })
  const started = performance.now()

  const write = async (prepared: PreparedLines) => {
    const { results, written } = await writeCaseLines(prepared, authorId)
    for (const result of results) {
      if (result.ok) totals[result.created ? 'created' : 'updated'] += 1
      else {
        totals.failed += 1
        progress.log(`line ${result.lineNo}: ${describeErrors(result)}`)
      }
    }
    if (index && written.length > 0) await index.send(indexChangeOf(written))
  }
  // PostgreSQL writes batch N while this process validates batch N+1 and Meilisearch indexes
  // what it has been sent; writes stay in file order, so the last line for a case wins.
  let writing: Promise<void> = Promise.resolve()
  const flush = async (batch: ImportLine[]) => {
    if (batch.length === 0) return
    const prepared = await prepareCaseLines(batch, context)
    await writing
    writing = write(prepared)
  }

  const lines = readline.createInterface({ input: fs.createReadStream(file, 'utf8'), crlfDelay: Infinity })
  let batch: ImportLine[] = []
  let lineNo = 0
  for await (const text of lines) {
    lineNo += 1
    if (!text.trim()) continue
    try {
      batch.push({ lineNo, raw: JSON.parse(text) })
    } catch (error) {
      totals.failed += 1
      progress.log(`line ${lineNo}: not valid JSON (${(error as Error).message})`)
    }
    if (batch.length >= BATCH_SIZE) {
      await flush(batch)
      batch = []
    }
  }
  await flush(batch)
  await writing
  const writtenAt = performance.now()
  if (index) {
    await index.finish()
    const failure = index.failure()
    if (failure) progress.log(`warning: indexing paused (${failure.message}); the server's indexer will catch up`)
    // Outbox rows an interrupted earlier run left behind.
    else await drainOutbox().catch((error: Error) => progress.log(`warning: outbox not drained (${error.message})`))
  }
  progress.stop()
  // Every pool, the outbox lock's too: an idle connection left open is cut when PostgreSQL stops.
  await closePgPools()

  const seconds = (performance.now() - started) / 1000
  console.log(
    `Imported ${totals.created} new and ${totals.updated} updated cases, ${totals.failed} failed, in ${seconds.toFixed(1)} s` +
      ` (${Math.round((totals.created + totals.updated) / seconds)} cases/s).`,
  )
  if (index) console.log(`PostgreSQL was done after ${((writtenAt - started) / 1000).toFixed(1)} s, Meilisearch ${((performance.now() - writtenAt) / 1000).toFixed(1)} s later.`)
  if (context.createdModels.size > 0) console.log(`New vehicle models added to the catalogue: ${[...context.createdModels].join(', ')}`)
  return totals.failed > 0 ? 1 : 0
})
