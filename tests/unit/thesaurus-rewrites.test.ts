import { describe, expect, test } from 'vitest'
import { rewriteQuery } from '../../search/thesaurus-rewrites'

const rules = [
  { term: 'pulls to one side', replacement: 'drifts' },
  { term: '刹车往一边偏', replacement: '刹车偏' },
  { term: '车往一边跑', replacement: '跑偏' },
  { term: '一边跑', replacement: 'never used' },
]

describe('rewriteQuery', () => {
  test('a Chinese entry is replaced wherever it is in the query, the longest entry first', () => {
    expect(rewriteQuery('车往一边跑', rules)).toBe('跑偏')
    expect(rewriteQuery('高速车往一边跑怎么办', rules)).toBe('高速 跑偏 怎么办')
    expect(rewriteQuery('刹车往一边偏 P0171', rules)).toBe('刹车偏 P0171')
  })

  test('an English entry is replaced as whole words only, whatever its case', () => {
    expect(rewriteQuery('Car Pulls To One Side when braking', rules)).toBe('Car drifts when braking')
    expect(rewriteQuery('repulls to one sides', rules)).toBe('repulls to one sides')
  })

  test('the other words stay as typed, and a query without entries is unchanged', () => {
    expect(rewriteQuery('冷车怠速抖 P0171', rules)).toBe('冷车怠速抖 P0171')
    expect(rewriteQuery('pulls to one side, then 车往一边跑', rules)).toBe('drifts , then 跑偏')
    expect(rewriteQuery('', rules)).toBe('')
  })
})
