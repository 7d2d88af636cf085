import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { describe, expect, test } from 'vitest'
import { generateCases } from '../../app/modules/cases/demo/case-generator'
import { ImportContext, getImportAuthorId, importCaseBatch } from '../../app/modules/cases/case-import.server'
import { getDb } from '../../app/utils/db.server'
import { drainOutbox } from '../../search/outbox-indexer'
import { ensureCaseIndex } from '../../search/case-index'
import { searchCases } from '../../search/search-cases'

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
