import { describe, expect, test } from 'vitest'
import { generateCases } from '../../app/modules/cases/demo/case-generator'
import { caseImportSchema } from '../../app/modules/cases/schema'

describe('the demo case generator', () => {
  test('no two titles alike, and the same fault written several ways', () => {
    const cases = [...generateCases({ count: 2000 })]
    expect(new Set(cases.map((item) => item.title)).size).toBe(cases.length)
    const p0171 = cases.filter((item) => item.dtcs.includes('P0171'))
    expect(new Set(p0171.map((item) => item.symptoms)).size).toBeGreaterThan(10)
  })

  test('every case is a valid import line, and the stream is reproducible', () => {
    const first = [...generateCases({ count: 50, seed: 9 })]
    for (const item of first) expect(caseImportSchema.safeParse(item).success).toBe(true)
    expect([...generateCases({ count: 50, seed: 9 })]).toEqual(first)
  })
})
