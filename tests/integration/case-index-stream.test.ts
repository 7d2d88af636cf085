import { expect, test } from 'vitest'
import { ImportContext, getImportAuthorId, indexChangeOf, prepareCase, writePreparedCases } from '../../app/modules/cases/case-import.server'
import { generateCases } from '../../app/modules/cases/demo/case-generator'
import { getDb } from '../../app/utils/db.server'
import { ensureCaseIndex } from '../../search/case-index'
import { openCaseIndexStream } from '../../search/case-index-stream'
import { casesIndexName, getMeili } from '../../search/client'

// Before the per-file teardown drops this file's database.

async function writeCases(count: number, startAt: number) {
  const context = new ImportContext('APPROVED', null)
  const prepared = []
  for (const raw of generateCases({ count, seed: 3, startAt })) {
    const outcome = await prepareCase(raw, context)
    if (!outcome.ok) throw new Error(JSON.stringify(outcome.errors))
    prepared.push(outcome.prepared)
  }
  return writePreparedCases(prepared, await getImportAuthorId())
}

const outboxRows = (ids: string[]) => getDb().searchOutbox.count({ where: { id: { in: ids.map(BigInt) } } })

test('batches Meilisearch has applied leave the outbox; cases that are no longer published leave the index', async () => {
  await ensureCaseIndex()
  const written = await writeCases(5, 1000)
  const stream = openCaseIndexStream({ batchSize: 2, pollMs: 20 })
  for (const item of written) await stream.send(indexChangeOf([item]))
  await stream.finish()
  expect(stream.failure()).toBeNull()
  expect(stream.indexed()).toBe(5)
  expect(await outboxRows(written.map((item) => item.outboxId))).toBe(0)
  const index = getMeili().index(casesIndexName())
  expect((await index.getDocument(written[0].id)).title).toBe(written[0].document!.title)

  await getDb().repairCase.update({ where: { id: written[0].id }, data: { status: 'DRAFT' } })
  const unpublished = { ...written[0], document: null, outboxId: String((await getDb().searchOutbox.create({ data: { entity: 'case', entityId: written[0].id } })).id) }
  const again = openCaseIndexStream()
  await again.send(indexChangeOf([unpublished]))
  await again.finish()
  await expect(index.getDocument(written[0].id)).rejects.toThrow()
  expect(await outboxRows([unpublished.outboxId])).toBe(0)
})

test('a batch Meilisearch rejects stays in the outbox for the indexer, and the stream stops sending', async () => {
  await ensureCaseIndex()
  const [first, second] = await writeCases(2, 2000)
  const stream = openCaseIndexStream({ batchSize: 1, pollMs: 20 })
  await stream.send({ documents: [{ ...first.document!, id: 'not a valid id!' }], deletedIds: [], outboxIds: [first.outboxId] })
  await stream.finish()
  expect(stream.failure()?.message).toMatch(/invalid|failed/i)
  await stream.send(indexChangeOf([second]))
  await stream.finish()
  expect(await outboxRows([first.outboxId, second.outboxId])).toBe(2)
})
