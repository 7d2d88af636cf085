import { describe, expect, test } from 'vitest'
import { similarCasesQuery } from '../../app/modules/cases/components/similar-cases'

describe('look-alike cases while a case is written', () => {
  test('codes, title and symptom words, limited to the model and the first DTC', () => {
    const url = new URL(similarCasesQuery({ title: '冷车怠速抖', modelId: 'boyue', dtcs: 'p0171, P0174', symptoms: '故障灯亮' })!, 'http://x')
    expect(url.pathname).toBe('/api/cases/search')
    expect(url.searchParams.get('q')).toBe('P0171 P0174 冷车怠速抖 故障灯亮')
    expect(url.searchParams.get('model')).toBe('boyue')
    expect(url.searchParams.get('dtc')).toBe('P0171')
  })

  test('nothing typed yet: no search', () => {
    expect(similarCasesQuery({ title: ' ', modelId: '', dtcs: '', symptoms: '' })).toBeUndefined()
  })
})
