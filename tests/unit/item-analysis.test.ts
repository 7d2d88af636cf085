import { describe, expect, test } from 'vitest'
import { analyseItem, itemFlags, MIN_RESPONSES, type ItemCounts } from '../../app/modules/exams/item-analysis'

const counts = (overrides: Partial<ItemCounts> = {}): ItemCounts => ({
  responses: 100,
  correct: 60,
  upperResponses: 27,
  upperCorrect: 24,
  lowerResponses: 27,
  lowerCorrect: 9,
  ...overrides,
})

describe('difficulty and discrimination', () => {
  test('p is the share answered in full; D the upper group p minus the lower group p', () => {
    const item = analyseItem(counts())
    expect(item.difficulty).toBe(0.6)
    expect(item.upperDifficulty).toBeCloseTo(24 / 27)
    expect(item.lowerDifficulty).toBeCloseTo(9 / 27)
    expect(item.discrimination).toBeCloseTo(15 / 27)
    expect(item).toMatchObject({ judged: true, flags: [] })
  })

  test('no responses: no figures; an empty extreme group: no discrimination', () => {
    expect(analyseItem(counts({ responses: 0, correct: 0, upperResponses: 0, upperCorrect: 0, lowerResponses: 0, lowerCorrect: 0 }))).toEqual({
      difficulty: null,
      upperDifficulty: null,
      lowerDifficulty: null,
      discrimination: null,
      judged: false,
      flags: [],
    })
    expect(analyseItem(counts({ lowerResponses: 0, lowerCorrect: 0 })).discrimination).toBeNull()
  })

  test('below the minimum number of responses the figures stay but nothing is flagged', () => {
    const item = analyseItem(counts({ responses: MIN_RESPONSES - 1, correct: MIN_RESPONSES - 1, upperCorrect: 27, lowerCorrect: 27 }))
    expect(item.difficulty).toBe(1)
    expect(item).toMatchObject({ judged: false, flags: [] })
    expect(analyseItem(counts({ responses: MIN_RESPONSES, correct: MIN_RESPONSES, upperCorrect: 27, lowerCorrect: 27 })).flags).toEqual(['too-easy', 'poor-discrimination'])
  })
})

describe('flags', () => {
  test('too easy above 0.95, too hard below 0.2, the limits themselves pass', () => {
    expect(itemFlags({ difficulty: 0.96, discrimination: 0.3 })).toEqual(['too-easy'])
    expect(itemFlags({ difficulty: 0.95, discrimination: 0.3 })).toEqual([])
    expect(itemFlags({ difficulty: 0.19, discrimination: 0.3 })).toEqual(['too-hard'])
    expect(itemFlags({ difficulty: 0.2, discrimination: 0.3 })).toEqual([])
  })

  test('discrimination below 0.2 is poor, below 0 negative (one or the other)', () => {
    expect(itemFlags({ difficulty: 0.5, discrimination: 0.19 })).toEqual(['poor-discrimination'])
    expect(itemFlags({ difficulty: 0.5, discrimination: 0.2 })).toEqual([])
    expect(itemFlags({ difficulty: 0.5, discrimination: 0 })).toEqual(['poor-discrimination'])
    expect(itemFlags({ difficulty: 0.5, discrimination: -0.1 })).toEqual(['negative-discrimination'])
    expect(itemFlags({ difficulty: 0.1, discrimination: -0.3 })).toEqual(['too-hard', 'negative-discrimination'])
  })

  test('missing figures raise no flag', () => {
    expect(itemFlags({ difficulty: null, discrimination: null })).toEqual([])
  })
})
