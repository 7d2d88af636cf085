import { describe, expect, test } from 'vitest'
import { scoreInspection, type Outcome } from '~/modules/inspections/scoring'
import { availableActionSteps, nextActionStatus } from '~/modules/inspections/workflow'

const sections = [
  { id: 'a', items: [{ id: 'a1', weight: 3 }, { id: 'a2', weight: 1 }, { id: 'a3', weight: 2 }] },
  { id: 'b', items: [{ id: 'b1', weight: 1 }, { id: 'b2', weight: 1 }] },
]
const outcomes = (entries: Record<string, Outcome>) => new Map(Object.entries(entries))

describe('scoring', () => {
  test('a passed item earns its weight; a failed one earns nothing', () => {
    const score = scoreInspection(sections, outcomes({ a1: 'PASS', a2: 'FAIL', a3: 'PASS', b1: 'PASS', b2: 'FAIL' }))
    expect(score.sections[0]).toMatchObject({ earned: 5, possible: 6, score: 83.3, failed: 1, scored: 3, total: 3 })
    expect(score.sections[1]).toMatchObject({ earned: 1, possible: 2, score: 50 })
    // The total weighs items (6 of 8), not the average of the sections.
    expect(score).toMatchObject({ earned: 6, possible: 8, total: 75, scored: 5, items: 5 })
  })

  test('N/A leaves the denominator', () => {
    const score = scoreInspection(sections, outcomes({ a1: 'NA', a2: 'PASS', a3: 'FAIL', b1: 'NA', b2: 'NA' }))
    expect(score.sections[0]).toMatchObject({ earned: 1, possible: 3, score: 33.3, scored: 3 })
    expect(score.sections[1]).toMatchObject({ score: null, possible: 0, scored: 2 })
    expect(score.total).toBe(33.3)
  })

  test('while scoring, only what has been seen counts; nothing seen is no score, not zero', () => {
    expect(scoreInspection(sections, outcomes({})).total).toBeNull()
    const partial = scoreInspection(sections, outcomes({ a1: 'PASS' }))
    expect(partial).toMatchObject({ total: 100, scored: 1, items: 5 })
    expect(partial.sections[1].score).toBeNull()
  })

  test('all passed is 100, all failed is 0', () => {
    const all = (outcome: Outcome) => outcomes(Object.fromEntries(sections.flatMap((section) => section.items.map((item) => [item.id, outcome]))))
    expect(scoreInspection(sections, all('PASS')).total).toBe(100)
    expect(scoreInspection(sections, all('FAIL')).total).toBe(0)
    expect(scoreInspection(sections, all('NA')).total).toBeNull()
  })
})

describe('corrective action steps', () => {
  test('the station submits proof; the inspector verifies or reopens; a reopened action takes proof again', () => {
    expect(nextActionStatus('OPEN', 'submit-proof', 'station')).toBe('PROOF_SUBMITTED')
    expect(nextActionStatus('PROOF_SUBMITTED', 'verify', 'inspector')).toBe('VERIFIED')
    expect(nextActionStatus('PROOF_SUBMITTED', 'reopen', 'inspector')).toBe('REOPENED')
    expect(nextActionStatus('REOPENED', 'submit-proof', 'station')).toBe('PROOF_SUBMITTED')
  })

  test('each step belongs to one side, and nothing leaves VERIFIED', () => {
    expect(nextActionStatus('OPEN', 'submit-proof', 'inspector')).toBeNull()
    expect(nextActionStatus('PROOF_SUBMITTED', 'verify', 'station')).toBeNull()
    expect(nextActionStatus('OPEN', 'reopen', 'inspector')).toBeNull()
    expect(availableActionSteps('VERIFIED', 'station')).toEqual([])
    expect(availableActionSteps('VERIFIED', 'inspector')).toEqual([])
    // Fixed during the call: the inspector verifies an open action at once (from a fresh snapshot).
    expect(availableActionSteps('OPEN', 'inspector')).toEqual(['verify'])
    expect(availableActionSteps('PROOF_SUBMITTED', 'inspector')).toEqual(['verify', 'reopen'])
  })
})

describe('the schedule form\'s time', () => {
  test('a local date-time is read in the browser\'s time zone; a full ISO time as it is', async () => {
    const { scheduleSchema } = await import('~/modules/inspections/schema')
    const parse = (input: Record<string, string>) => scheduleSchema.parse({ stationId: 's', templateId: 't', ...input }).scheduledAt.toISOString()
    // Beijing is UTC+8: getTimezoneOffset() there is -480.
    expect(parse({ scheduledAt: '2026-12-01T09:30', timezoneOffset: '-480' })).toBe('2026-12-01T01:30:00.000Z')
    expect(parse({ scheduledAt: '2026-12-01T09:30' })).toBe('2026-12-01T09:30:00.000Z')
    expect(parse({ scheduledAt: '2026-12-01T09:30:00+08:00', timezoneOffset: '300' })).toBe('2026-12-01T01:30:00.000Z')
    expect(scheduleSchema.safeParse({ stationId: 's', templateId: 't', scheduledAt: '' }).error?.issues[0].message).toBe('choose a date and time')
  })
})
