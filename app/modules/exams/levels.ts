import type { CertificationLevel, KeyPosition, QuestionKind } from '~/generated/prisma/enums'

/** The technician levels in the order they are taken. */
export const CERTIFICATION_LEVELS = ['TECHNICIAN', 'SENIOR_TECHNICIAN', 'INTERMEDIATE_MASTER', 'SENIOR_MASTER'] as const satisfies readonly CertificationLevel[]
export type Level = (typeof CERTIFICATION_LEVELS)[number]

/** The key positions of a station, each certified by an exam of its own. */
export const KEY_POSITIONS = ['STATION_MANAGER', 'TECHNICAL_DIRECTOR', 'SERVICE_ADVISOR', 'PARTS_CLERK', 'WARRANTY_CLERK', 'CUSTOMER_RELATIONS'] as const satisfies readonly KeyPosition[]
export type Position = (typeof KEY_POSITIONS)[number]

export const QUESTION_KINDS = ['SINGLE', 'MULTIPLE', 'TRUE_FALSE'] as const satisfies readonly QuestionKind[]
export type Kind = (typeof QUESTION_KINDS)[number]

/** How long a granted level is valid. */
export const CERTIFICATION_VALIDITY_YEARS = 3

/** The level a candidate must hold to start this level's exam (none for the first). */
export function previousLevel(level: Level): Level | null {
  const index = CERTIFICATION_LEVELS.indexOf(level)
  return index > 0 ? CERTIFICATION_LEVELS[index - 1] : null
}

export const levelRank = (level: Level) => CERTIFICATION_LEVELS.indexOf(level)

/** The API and file spelling: `SENIOR_TECHNICIAN` <-> `senior_technician`. */
export const toCode = (value: string) => value.toLowerCase()
export const fromCode = <T extends string>(values: readonly T[], code: string) => values.find((value) => value === code.trim().toUpperCase())

export function expiryOf(grantedAt: Date) {
  const expiresAt = new Date(grantedAt)
  expiresAt.setUTCFullYear(expiresAt.getUTCFullYear() + CERTIFICATION_VALIDITY_YEARS)
  return expiresAt
}
