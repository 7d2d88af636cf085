import { describe, expect, test } from 'vitest'
import { caseImportSchema } from '../../app/modules/cases/schema'
import { dtcListSchema, vinSchema } from '../../app/utils/vehicle-schema'
import { fieldErrors } from '../../app/utils/validation'
import { dtcsInQuery, vinCheckDigitMatches } from '../../app/utils/vehicle-codes'

describe('VIN', () => {
  test('accepts 17 characters and upper-cases them', () => {
    expect(vinSchema.parse(' 1m8gdm9axkp042788 ')).toBe('1M8GDM9AXKP042788')
  })

  test.each(['1M8GDM9AXKP04278', '1M8GDM9AXKP0427880', '1M8GDM9AIKP042788', '1M8GDM9AOKP042788', '1M8GDM9AQKP042788'])(
    'rejects %s (length or I/O/Q)',
    (vin) => {
      expect(vinSchema.safeParse(vin).success).toBe(false)
    },
  )

  test('check digit: a known-good VIN matches, a changed digit does not', () => {
    expect(vinCheckDigitMatches('1M8GDM9AXKP042788')).toBe(true)
    expect(vinCheckDigitMatches('1M8GDM9A1KP042788')).toBe(false)
  })
})

describe('DTCs', () => {
  test('normalises case, splits lists and removes duplicates', () => {
    expect(dtcListSchema.parse('p0171, P0174 p0171')).toEqual(['P0171', 'P0174'])
  })

  test('rejects codes that are not OBD-II shaped', () => {
    const result = dtcListSchema.safeParse(['P0171', 'X1234', 'P01'])
    expect(result.success).toBe(false)
  })

  test('finds DTC words in a mixed query', () => {
    expect(dtcsInQuery('P0171 冷车怠速抖 u0100')).toEqual(['P0171', 'U0100'])
  })
})

describe('import line schema', () => {
  const valid = {
    externalId: 'OLD-1',
    title: 'Transmission slips in 3rd',
    model: 'Boyue',
    year: 2019,
    system: 'transmission',
    dtcs: ['p0733'],
    symptoms: 'slips',
    diagnosis: '<p>pressure low</p>',
    rootCause: 'solenoid',
    fix: 'replaced',
    language: 'en',
  }

  test('accepts a minimal line and fills defaults', () => {
    const parsed = caseImportSchema.parse(valid)
    expect(parsed.dtcs).toEqual(['P0733'])
    expect(parsed.parts).toEqual([])
  })

  test('reports each bad field by name', () => {
    const result = caseImportSchema.safeParse({ ...valid, year: 1800, system: 'wings', vin: 'SHORT', parts: [{ number: '', name: 'x', qty: 0 }] })
    expect(result.success).toBe(false)
    const errors = fieldErrors(result.error!)
    expect(Object.keys(errors).sort()).toEqual(['parts.0.number', 'parts.0.qty', 'system', 'vin', 'year'])
  })
})
