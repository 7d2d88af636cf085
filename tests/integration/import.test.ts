import { spawn, spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { describe, expect, test } from 'vitest'
import { generateCases } from '../../app/modules/cases/demo/case-generator'
import {
  ImportContext,
  getImportAuthorId,
  importCaseBatch,
  prepareCase,
  writePreparedCases,
  type PreparedCase,
} from '../../app/modules/cases/case-import.server'
import { getDb } from '../../app/utils/db.server'
import { drainOutbox } from '../../search/outbox-indexer'
import { ensureCaseIndex } from '../../search/case-index'
import { caseDocumentSelect, toCaseDocument, type CaseDocument } from '../../search/case-document'
import { casesIndexName, getMeili } from '../../search/client'
import { searchCases } from '../../search/search-cases'

// Before the per-file teardown drops this file's database.

const line = (overrides: Record<string, unknown> = {}) => ({
  externalId: 'OLD-0001',
  title: 'Transmission slips in 3rd gear',
  model: '远景',
  modelZh: '远景',
  modelEn: 'Vision',
  year: 2019,
  vin: 'LSVAG2180E2100001',
  mileageKm: 81000,
  system: 'transmission',
  dtcs: ['p0733'],
  symptoms: 'Engine flares when shifting into 3rd.',
  diagnosis: '<p>Line pressure <b>low</b></p><script>alert(1)</script>',
  rootCause: 'C2 solenoid sticking',
  fix: 'Replaced the solenoid',
  parts: [{ number: '3043001900', name: 'C2 solenoid', qty: 1 }],
  language: 'en',
  ...overrides,
})

describe('importCaseBatch', () => {
  test('imports good lines, reports bad ones by line number, and re-import updates in place', async () => {
    const context = new ImportContext('APPROVED', null)
    const authorId = await getImportAuthorId()
    const results = await importCaseBatch(
      [
        { lineNo: 1, raw: line() },
        { lineNo: 2, raw: line({ externalId: 'OLD-0002', year: 'soon', system: 'wings' }) },
        { lineNo: 3, raw: line({ externalId: 'OLD-0003', stationCode: 'NOPE' }) },
        { lineNo: 4, raw: line({ externalId: 'OLD-0004', model: 'Brand New Model', modelZh: undefined, modelEn: undefined }) },
      ],
      context,
      authorId,
    )
    expect(results.map((result) => result.ok)).toEqual([true, false, false, true])
    expect(results[1]).toMatchObject({ ok: false, errors: { year: expect.any(String), system: expect.any(String) } })
    expect(results[2]).toMatchObject({ ok: false, errors: { stationCode: expect.stringContaining('NOPE') } })
    expect([...context.createdModels]).toContain('Brand New Model')

    const stored = await getDb().repairCase.findUnique({
      where: { externalId: 'OLD-0001' },
      select: { id: true, dtcs: true, diagnosisText: true, diagnosis: true, version: true, status: true, parts: { select: { name: true } } },
    })
    expect(stored).toMatchObject({ dtcs: ['P0733'], diagnosisText: 'Line pressure low', version: 1, status: 'APPROVED' })
    expect(JSON.stringify(stored!.diagnosis)).not.toContain('script')

    const again = await importCaseBatch([{ lineNo: 1, raw: line({ title: 'Transmission slips in third gear', parts: [] }) }], context, authorId)
    expect(again).toEqual([{ lineNo: 1, ok: true, id: stored!.id, created: false }])
    const updated = await getDb().repairCase.findUnique({ where: { id: stored!.id }, select: { title: true, version: true, parts: true } })
    expect(updated).toMatchObject({ title: 'Transmission slips in third gear', version: 2, parts: [] })
    expect(await getDb().repairCase.count({ where: { externalId: 'OLD-0001' } })).toBe(1)
  })

  test('a model known by one name is completed with the other, whichever language a line uses', async () => {
    const context = new ImportContext('APPROVED', null)
    const authorId = await getImportAuthorId()
    await importCaseBatch([{ lineNo: 1, raw: line({ externalId: 'OLD-0100', model: 'Vision', modelZh: undefined, modelEn: undefined }) }], context, authorId)
    const models = await getDb().vehicleModel.findMany({ where: { OR: [{ nameEn: 'Vision' }, { nameZh: '远景' }] } })
    expect(models).toHaveLength(1)
  })
})

describe('writePreparedCases', () => {
  const prepare = async (overrides: Record<string, unknown>) => {
    const outcome = await prepareCase(line(overrides), new ImportContext('APPROVED', null))
    if (!outcome.ok) throw new Error(JSON.stringify(outcome.errors))
    return outcome.prepared
  }
  const storedDocument = async (id: string) =>
    toCaseDocument(await getDb().repairCase.findUniqueOrThrow({ where: { id }, select: caseDocumentSelect }))

  test('the search document built from a write is the one the indexer would read back from PostgreSQL', async () => {
    const authorId = await getImportAuthorId()
    const batch: PreparedCase[] = [
      await prepare({ externalId: 'DOC-0001', title: 'First version of this case' }),
      await prepare({ externalId: 'DOC-0002', status: 'draft' }),
      await prepare({
        externalId: 'DOC-0001',
        title: 'Second version, same batch',
        parts: [
          { number: 'A-1', name: 'Solenoid', qty: 1 },
          { number: 'B-2', name: 'Gasket', qty: 2 },
        ],
      }),
    ]
    const written = await writePreparedCases(batch, authorId)
    expect(written[0].id).toBe(written[2].id)
    expect(written[0].document).toEqual(await storedDocument(written[0].id))
    expect(written[0].document).toMatchObject({ title: 'Second version, same batch', parts: ['A-1 Solenoid', 'B-2 Gasket'] })
    expect(written[1].document).toBeNull()

    // An update keeps the first approval date and the confirmations the case has earned since.
    await getDb().repairCase.update({ where: { id: written[0].id }, data: { confirmCount: 3 } })
    const [again] = await writePreparedCases([await prepare({ externalId: 'DOC-0001', status: 'classic' })], authorId)
    expect(again).toMatchObject({ id: written[0].id, created: false })
    expect(again.document).toEqual(await storedDocument(again.id))
    expect(again.document).toMatchObject({ confirmCount: 3, classic: true, approvedAt: written[0].document!.approvedAt })
  })
})

describe('npm run cases:import', () => {
  test('reports bad lines with their numbers, imports the rest, indexes them, and exits 1', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gtac-import-'))
    const file = path.join(dir, 'cases.jsonl')
    const good = [...generateCases({ count: 30, seed: 42, startAt: 5000 })]
    const lines = [
      ...good.slice(0, 10).map((item) => JSON.stringify(item)),
      '{ this is not json',
      JSON.stringify({ ...good[10], vin: 'TOO-SHORT' }),
      ...good.slice(11).map((item) => JSON.stringify(item)),
    ]
    fs.writeFileSync(file, lines.join('\n') + '\n')
    await ensureCaseIndex()
    const run = spawnSync('npx', ['tsx', 'scripts/import-cases.ts', file], { encoding: 'utf8', env: process.env })
    expect(run.status).toBe(1)
    expect(run.stderr).toContain('line 11: not valid JSON')
    expect(run.stderr).toMatch(/line 12: vin: VIN must be 17/)
    expect(run.stdout).toContain('Imported 29 new and 0 updated cases, 2 failed')
    expect(await getDb().repairCase.count({ where: { externalId: { startsWith: 'DEMO-005' } } })).toBe(29)
    await drainOutbox()
    const hits = await searchCases({ q: '', limit: 100, offset: 0 })
    expect(hits.estimatedTotalHits).toBeGreaterThanOrEqual(29)
    fs.rmSync(dir, { recursive: true, force: true })
  })
})

describe('npm run cases:import, killed and run again', () => {
  const allIndexTasksDone = async () => {
    for (;;) {
      const { results } = await getMeili().tasks.getTasks({ indexUids: [casesIndexName()], statuses: ['enqueued', 'processing'], limit: 1 })
      if (results.length === 0) return
      await new Promise((resolve) => setTimeout(resolve, 100))
    }
  }
  const indexedIds = async () => {
    const ids = new Set<string>()
    for (let offset = 0; ; offset += 1000) {
      const page = await getMeili().index<CaseDocument>(casesIndexName()).getDocuments({ fields: ['id'], limit: 1000, offset })
      page.results.forEach((document) => ids.add(document.id))
      if (page.results.length < 1000) return ids
    }
  }

  test('a re-run after SIGKILL leaves every line once in PostgreSQL and every published case in Meilisearch', { timeout: 300_000 }, async () => {
    const total = 8000
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gtac-import-kill-'))
    const file = path.join(dir, 'cases.jsonl')
    fs.writeFileSync(file, [...generateCases({ count: total, seed: 7, startAt: 300_000 })].map((item) => JSON.stringify(item)).join('\n') + '\n')
    const ours = { externalId: { startsWith: 'DEMO-3' } }
    await ensureCaseIndex()
    const args = ['--import', 'tsx', 'scripts/import-cases.ts', file]

    const child = spawn(process.execPath, args, { env: process.env, stdio: 'ignore' })
    const exited = new Promise((resolve) => child.once('exit', resolve))
    // Killed once some batches are written (and some of them sent to Meilisearch), with more to come.
    while ((await getDb().repairCase.count({ where: ours })) < 3500) {
      expect(child.exitCode).toBeNull()
      await new Promise((resolve) => setTimeout(resolve, 25))
    }
    child.kill('SIGKILL')
    await exited
    expect(await getDb().repairCase.count({ where: ours })).toBeLessThan(total)

    const rerun = spawnSync(process.execPath, args, { encoding: 'utf8', env: process.env })
    expect(rerun.stderr).not.toMatch(/^warning:/m)
    expect(rerun.status).toBe(0)

    const stored = await getDb().repairCase.findMany({ where: ours, select: { id: true, externalId: true, status: true } })
    expect(stored).toHaveLength(total)
    expect(new Set(stored.map((row) => row.externalId)).size).toBe(total)
    expect(await getDb().searchOutbox.count()).toBe(0)
    await allIndexTasksDone()
    const indexed = await indexedIds()
    const published = stored.filter((row) => row.status === 'APPROVED' || row.status === 'CLASSIC')
    expect(published.length).toBeGreaterThan(0)
    expect(published.filter((row) => !indexed.has(row.id))).toEqual([])
    const everyCase = new Set((await getDb().repairCase.findMany({ select: { id: true } })).map((row) => row.id))
    expect([...indexed].filter((id) => !everyCase.has(id))).toEqual([])
    fs.rmSync(dir, { recursive: true, force: true })
  })
})
