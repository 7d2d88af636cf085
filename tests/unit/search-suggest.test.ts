import { describe, expect, test } from 'vitest'
import { closestTerms, closeness } from '../../app/modules/search/suggest'

describe('"did you mean" for a search that found nothing', () => {
  test('a misspelt English word finds the term', () => {
    expect(closestTerms('transmision', ['transmission', 'turbo', 'trim'])).toEqual(['transmission'])
    expect(closeness('stal', 'stall')).toBeGreaterThan(0.7)
  })

  test('Chinese terms sharing characters are suggested, closest first', () => {
    expect(closestTerms('发动机抖', ['发动机熄火', '怠速抖动', '空调异味', '发动机异响'])[0]).toMatch(/^发动机/)
    expect(closestTerms('空调味', ['空调异味', '刹车片'])).toEqual(['空调异味'])
  })

  test('nothing unrelated, and not the query itself', () => {
    expect(closestTerms('xyzzy', ['transmission', '空调'])).toEqual([])
    expect(closestTerms('turbo', ['turbo', 'Turbo'])).toEqual([])
  })
})
