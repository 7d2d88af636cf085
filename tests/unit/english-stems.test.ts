import { describe, expect, test } from 'vitest'
import { englishStems, stemQuery } from '../../search/english-stems'

describe('English stems for search', () => {
  test('word forms share a stem, in the index and in the query', () => {
    const indexed = englishStems('The engine stalls at idle; leaking coolant')
    for (const query of ['stalling', 'stalled', 'stall', 'leaks', 'leaked']) {
      const stem = stemQuery(query) ?? query
      expect(indexed.split(' ')).toContain(stem)
    }
  })

  test('Chinese, DTCs and numbers stay as typed; an unchanged query gives null', () => {
    expect(stemQuery('冷车 P0171 stalling 2000 rpm')).toBe('冷车 P0171 stall 2000 rpm')
    expect(stemQuery('P0300 coil')).toBeNull()
    expect(stemQuery('怠速抖动')).toBeNull()
  })
})
