import { expect, test } from 'vitest'
import { detectSignals, type FaultReport } from '~/modules/signals/detect'
import { createRandom } from '~/utils/seeded-random'

const DAY = 86_400_000
const now = new Date('2026-11-28T12:00:00Z')
const rules = { windowDays: 14, baselineWindows: 4, minStations: 3, minReports: 5, ratio: 3 }
let sequence = 0

function report(overrides: Partial<FaultReport> & { daysAgo: number }): FaultReport {
  const { daysAgo, ...rest } = overrides
  sequence += 1
  return { kind: 'request', id: `r${sequence}`, title: `#${sequence}`, text: '', link: `/assistance/r${sequence}`, modelId: 'boyue', systemCode: 'engine', dtcs: [], stationId: 'S1', createdAt: new Date(now.getTime() - daysAgo * DAY), ...rest }
}

/** Ten weeks of ordinary reports: dozens a week of common faults at random stations (each often enough to pass the count and station thresholds). */
function steadyNoise() {
  const random = createRandom(7)
  return Array.from({ length: 400 }, () =>
    report({ daysAgo: random.between(0, 70), dtcs: [random.pick(['P0171', 'P0300', 'P0420', 'U0140'])], stationId: `S${random.int(0, 29)}`, modelId: random.pick(['boyue', 'emgrand']) }),
  )
}

test('steady noise raises no signal', () => {
  const noise = steadyNoise()
  // Each fault is common enough in the last window; only its steady rate keeps it off the list.
  const recentP0171 = noise.filter((item) => item.dtcs[0] === 'P0171' && item.modelId === 'boyue' && item.createdAt.getTime() > now.getTime() - 14 * DAY)
  expect(recentP0171.length).toBeGreaterThanOrEqual(rules.minReports)
  expect(detectSignals(noise, rules, now)).toEqual([])
})

test('a spike of one model and code across stations is found, with its evidence and weekly trend', () => {
  const spike = Array.from({ length: 7 }, (_, index) => report({ daysAgo: index + 1, dtcs: ['P0128'], stationId: `N${index % 4}`, modelId: 'xingyue' }))
  const [signal, ...others] = detectSignals([...steadyNoise(), ...spike], rules, now)
  expect(others).toEqual([])
  expect(signal.key).toEqual({ modelId: 'xingyue', dtc: 'P0128' })
  expect(signal.recent).toHaveLength(7)
  expect(signal.stationCount).toBe(4)
  expect(signal.weekly.reduce((sum, week) => sum + week.reports, 0)).toBe(7)
})

test('the thresholds hold: too few stations, too few reports, or no rise over the usual rate', () => {
  const fewStations = Array.from({ length: 8 }, (_, index) => report({ daysAgo: index + 1, dtcs: ['P0128'], stationId: `N${index % 2}` }))
  expect(detectSignals(fewStations, rules, now)).toEqual([])
  const fewReports = Array.from({ length: 4 }, (_, index) => report({ daysAgo: index + 1, dtcs: ['P0128'], stationId: `N${index}` }))
  expect(detectSignals(fewReports, rules, now)).toEqual([])
  // As many before as now: a known, steady problem, not a new one.
  const usual = Array.from({ length: 30 }, (_, index) => report({ daysAgo: index * 2 + 1, dtcs: ['P0128'], stationId: `N${index % 5}` }))
  expect(detectSignals(usual, rules, now)).toEqual([])
})

test('without a code, a system and a symptom word in any wording raise a signal', () => {
  const words = ['冷车抖动严重', 'engine shaking at idle', '怠速抖', 'vibration when cold', '抖动，故障灯不亮', 'idle shake']
  const reports = words.map((text, index) => report({ daysAgo: index + 1, text, stationId: `N${index}`, modelId: 'binyue' }))
  const [signal] = detectSignals(reports, rules, now)
  expect(signal.key).toEqual({ modelId: 'binyue', systemCode: 'engine', symptom: '抖动' })
  expect(signal.recent).toHaveLength(6)
})
