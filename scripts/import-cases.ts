import fs from 'node:fs'
import readline from 'node:readline'
import { ImportContext, getImportAuthorId, importCaseBatch, type ImportLineResult } from '../app/modules/cases/case-import.server'
import { drainOutbox } from '../search/outbox-indexer'
import { ensureCaseIndex } from '../search/case-index'
import { runCli } from './cli'

const BATCH_SIZE = 500

type Line = { lineNo: number; raw: unknown }

function describeErrors(result: Extract<ImportLineResult, { ok: false }>) {
  return Object.entries(result.errors)
    .map(([field, message]) => (field === '_line' ? message : `${field}: ${message}`))
    .join('; ')
}

// npm run cases:import -- <file.jsonl>
await runCli(async ([file]) => {
  if (!file || !fs.existsSync(file)) {
    console.error('usage: npm run cases:import -- <file.jsonl>   (one JSON case per line)')
    return 2
  }
  const context = new ImportContext('APPROVED', null)
  const authorId = await getImportAuthorId()
  let searchReady = await ensureCaseIndex().then(() => true, (error: Error) => {
    console.error(`warning: Meilisearch unavailable (${error.message}); cases are saved and the index catches up later`)
    return false
  })
  const totals = { created: 0, updated: 0, failed: 0 }
  const started = Date.now()
  // Meilisearch indexes batch N while PostgreSQL takes batch N+1.
  let indexing: Promise<void> = Promise.resolve()
  let waitedForIndexMs = 0
  const indexWrittenBatches = () =>
    drainOutbox(BATCH_SIZE * 2).then(
      () => {},
      (error: Error) => {
        searchReady = false
        console.error(`warning: indexing paused (${error.message}); the server's indexer will catch up`)
      },
    )

  const flush = async (batch: Line[]) => {
    if (batch.length === 0) return
    for (const result of await importCaseBatch(batch, context, authorId)) {
      if (result.ok) totals[result.created ? 'created' : 'updated'] += 1
      else {
        totals.failed += 1
        console.error(`line ${result.lineNo}: ${describeErrors(result)}`)
      }
    }
    const waitStarted = Date.now()
    await indexing
    waitedForIndexMs += Date.now() - waitStarted
    if (searchReady) indexing = indexWrittenBatches()
    const done = totals.created + totals.updated + totals.failed
    const rate = Math.round(done / ((Date.now() - started) / 1000))
    console.error(`… ${done} lines (${rate} cases/s)`)
  }

  const lines = readline.createInterface({ input: fs.createReadStream(file, 'utf8'), crlfDelay: Infinity })
  let batch: Line[] = []
  let lineNo = 0
  for await (const text of lines) {
    lineNo += 1
    if (!text.trim()) continue
    try {
      batch.push({ lineNo, raw: JSON.parse(text) })
    } catch (error) {
      totals.failed += 1
      console.error(`line ${lineNo}: not valid JSON (${(error as Error).message})`)
    }
    if (batch.length >= BATCH_SIZE) {
      await flush(batch)
      batch = []
    }
  }
  await flush(batch)
  await indexing
  if (searchReady) await indexWrittenBatches()

  const seconds = (Date.now() - started) / 1000
  console.log(
    `Imported ${totals.created} new and ${totals.updated} updated cases, ${totals.failed} failed, in ${seconds.toFixed(1)} s` +
      ` (${Math.round((totals.created + totals.updated) / seconds)} cases/s).`,
  )
  console.log(`Of that, ${(waitedForIndexMs / 1000).toFixed(1)} s waiting for Meilisearch to finish indexing.`)
  if (context.createdModels.size > 0) console.log(`New vehicle models added to the catalogue: ${[...context.createdModels].join(', ')}`)
  return totals.failed > 0 ? 1 : 0
})
