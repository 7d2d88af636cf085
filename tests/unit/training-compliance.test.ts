import { describe, expect, test } from 'vitest'
import { complianceCsv, previousMonth, requestedMonth, summariseCompliance } from '../../app/modules/training/compliance'

const station = (code: string, region: string, sessions: number, submitted: boolean) => ({ stationId: code, code, name: `Station ${code}`, region, reportId: null, sessions, submitted })

describe('the four-sessions rule', () => {
  test('a station complies with four or more sessions and a submitted report; regions and totals add up', () => {
    const { stations, regions, total } = summariseCompliance([station('A', 'North', 4, true), station('B', 'North', 6, false), station('C', 'South', 3, true), station('D', 'South', 5, true)])
    expect(stations.map((row) => row.compliant)).toEqual([true, false, false, true])
    expect(regions).toEqual([
      { region: 'North', stations: 2, submitted: 1, compliant: 1, sessions: 10, percent: 50 },
      { region: 'South', stations: 2, submitted: 2, compliant: 1, sessions: 8, percent: 50 },
    ])
    expect(total).toEqual({ stations: 4, submitted: 3, compliant: 2, sessions: 18, percent: 50 })
    expect(summariseCompliance([]).total.percent).toBe(0)
  })

  test('months: previous across a year, the month asked for or the current one; CSV cells quoted', () => {
    expect(previousMonth('2031-01')).toBe('2030-12')
    expect(previousMonth('2031-03', 2)).toBe('2031-01')
    const now = new Date('2031-05-20T00:00:00Z')
    expect(requestedMonth(new Request('http://test/x?month=2031-02'), now)).toBe('2031-02')
    expect(requestedMonth(new Request('http://test/x?month=2031-13'), now)).toBe('2031-05')
    const csv = complianceCsv('2031-02', summariseCompliance([{ ...station('A', 'North', 4, true), name: 'Ho, "Main"' }]).stations)
    expect(csv.split('\r\n')[1]).toBe('2031-02,North,A,"Ho, ""Main""",4,4,yes,yes')
  })
})
