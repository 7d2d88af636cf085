import { z } from 'zod'
import { DTC_PATTERN, VIN_PATTERN, normalizeDtc, normalizeVin, splitDtcList } from './vehicle-codes'

/** The vehicle fields every module shares: cases, assistance requests, bulletins, questions. */
export const SYSTEM_CODES = ['engine', 'transmission', 'electrical', 'chassis', 'body', 'hvac', 'ev'] as const
export type SystemCode = (typeof SYSTEM_CODES)[number]
const MAX_YEAR = new Date().getFullYear() + 1


export const vinSchema = z
  .string()
  .transform(normalizeVin)
  .refine((vin) => VIN_PATTERN.test(vin), 'VIN must be 17 letters or digits, without I, O or Q')

export const dtcSchema = z
  .string()
  .transform(normalizeDtc)
  .refine((code) => DTC_PATTERN.test(code), 'DTC must look like P0171: P, B, C or U, then 4 hex digits')

export const dtcListSchema = z
  .union([z.array(z.string()), z.string().transform(splitDtcList)])
  .pipe(z.array(dtcSchema).max(20, 'at most 20 DTCs'))
  .transform((codes) => [...new Set(codes)])

export const yearSchema = z.coerce
  .number({ invalid_type_error: 'year must be a number' })
  .int()
  .min(1990, 'year must be 1990 or later')
  .max(MAX_YEAR, `year must be ${MAX_YEAR} or earlier`)

export const mileageSchema = z.coerce.number().int().min(0, 'mileage cannot be negative').max(2_000_000)

export const emptyToUndefined = (value: unknown) => (value === '' || value === null ? undefined : value)

