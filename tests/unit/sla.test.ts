import { describe, expect, test } from 'vitest'
import { dueDates, parseBusinessHours, parseWeekdays, slaState, type SlaPolicy } from '../../app/modules/assistance/sla'

const roundTheClock: SlaPolicy = { responseHours: 2, resolutionDays: 3 }
const shanghaiOffice: SlaPolicy = {
  responseHours: 2,
  resolutionDays: 3,
  businessHours: { open: 8 * 60 + 30, close: 17 * 60 + 30, days: [1, 2, 3, 4, 5], timeZone: 'Asia/Shanghai' },
}
// Shanghai is UTC+8 all year: 10:00 local = 02:00Z.
const shanghai = (isoLocal: string) => new Date(`${isoLocal}+08:00`)

describe('due dates', () => {
  test('around the clock: 2 hours and 3 days of wall time', () => {
    const created = new Date('2026-11-27T23:30:00Z')
    expect(dueDates(created, roundTheClock)).toEqual({
      responseDueAt: new Date('2026-11-28T01:30:00Z'),
      resolutionDueAt: new Date('2026-11-30T23:30:00Z'),
    })
  })

  test('business hours: inside a working day the clock simply runs', () => {
    const { responseDueAt } = dueDates(shanghai('2026-11-25T10:00:00'), shanghaiOffice)
    expect(responseDueAt).toEqual(shanghai('2026-11-25T12:00:00'))
  })

  test('business hours: late in the day the rest carries into the next working morning', () => {
    const { responseDueAt } = dueDates(shanghai('2026-11-25T16:45:00'), shanghaiOffice)
    expect(responseDueAt).toEqual(shanghai('2026-11-26T09:45:00'))
  })

  test('business hours: a Friday-evening request waits for Monday; three working days end on Thursday', () => {
    const created = shanghai('2026-11-27T19:00:00') // Friday
    expect(dueDates(created, shanghaiOffice)).toEqual({
      responseDueAt: shanghai('2026-11-30T10:30:00'),
      resolutionDueAt: shanghai('2026-12-02T17:30:00'),
    })
  })

  test('business hours across a daylight-saving change keep local office times', () => {
    const berlin: SlaPolicy = { ...shanghaiOffice, businessHours: { ...shanghaiOffice.businessHours!, timeZone: 'Europe/Berlin' } }
    // Friday 2026-03-27 17:00 CET; clocks go forward on Sunday 29 March.
    const { responseDueAt } = dueDates(new Date('2026-03-27T17:00:00+01:00'), berlin)
    expect(responseDueAt).toEqual(new Date('2026-03-30T10:00:00+02:00'))
  })
})

describe('settings', () => {
  test('parses office hours and weekdays, and rejects nonsense', () => {
    expect(parseBusinessHours('08:30-17:30')).toEqual({ open: 510, close: 1050 })
    expect(parseBusinessHours(undefined)).toBeUndefined()
    expect(() => parseBusinessHours('17:00-08:00')).toThrow('open before they close')
    expect(parseWeekdays('1-5')).toEqual([1, 2, 3, 4, 5])
    expect(parseWeekdays('1,3,6-7')).toEqual([1, 3, 6, 7])
    expect(() => parseWeekdays('0-9')).toThrow()
  })
})

describe('timer state', () => {
  const startedAt = new Date('2026-11-28T00:00:00Z')
  const dueAt = new Date('2026-11-28T02:00:00Z')
  test.each([
    ['2026-11-28T00:30:00Z', null, 'on-track'],
    ['2026-11-28T01:40:00Z', null, 'due-soon'],
    ['2026-11-28T02:00:01Z', null, 'overdue'],
    ['2026-11-28T05:00:00Z', '2026-11-28T01:59:00Z', 'met'],
    ['2026-11-28T05:00:00Z', '2026-11-28T02:01:00Z', 'breached'],
  ])('at %s, done %s: %s', (now, doneAt, state) => {
    expect(slaState({ dueAt, startedAt, now: new Date(now), doneAt: doneAt ? new Date(doneAt) : null })).toBe(state)
  })
})
