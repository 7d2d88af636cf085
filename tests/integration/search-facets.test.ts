import { beforeAll, expect, test } from 'vitest'
import { applyCaseChanges, ensureCaseIndex } from '../../search/case-index'
import type { CaseDocument } from '../../search/case-document'
import { searchCases } from '../../search/search-cases'

const document = (id: string, dtcs: string[]): CaseDocument => ({
  id,
  externalId: null,
  title: `Case ${id}`,
  modelId: 'model-a',
  modelZh: '博越',
  modelEn: 'Boyue',
  year: 2022,
  system: 'engine',
  dtcs,
  symptoms: 'Engine stalls when warm',
  diagnosis: '',
  rootCause: '',
  fix: '',
  parts: [],
  language: 'en',
  classic: false,
  confirmCount: 0,
  approvedAt: 0,
  stemmed: 'engin stall warm',
})

beforeAll(async () => {
  await ensureCaseIndex()
  // 210 codes seen once each, sorting before U0100, which three cases share.
  const rare = Array.from({ length: 210 }, (_, n) => document(`rare-${n}`, [`B${String(n).padStart(4, '0')}`]))
  const common = Array.from({ length: 3 }, (_, n) => document(`common-${n}`, ['U0100']))
  await applyCaseChanges([...rare, ...common], [])
})

test('the DTC facet lists the most frequent codes, not the first ones alphabetically', async () => {
  const result = await searchCases({ q: '', limit: 1, offset: 0, facets: ['dtcs'] })
  expect(result.estimatedTotalHits).toBe(213)
  expect(result.facets.dtcs.U0100).toBe(3)
  expect(Object.keys(result.facets.dtcs)[0]).toBe('U0100')
  expect(Object.keys(result.facets.dtcs)).toHaveLength(200)
})
