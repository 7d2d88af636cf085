/** A case, request or question about a vehicle fault, as the detection sees it. */
export type FaultReport = {
  kind: 'case' | 'request' | 'question'
  id: string
  title: string
  text: string
  link: string
  modelId: string
  systemCode: string | null
  dtcs: string[]
  stationId: string | null
  createdAt: Date
}

export type SignalRules = { windowDays: number; baselineWindows: number; minStations: number; minReports: number; ratio: number }

/** Symptom words that name the same complaint across wordings: [word, the words that mean it]. */
export const SYMPTOM_WORDS: Array<[string, string[]]> = [
  ['抖动', ['抖动', '抖', 'shake', 'shaking', 'vibration']],
  ['异响', ['异响', 'noise', 'rattle', 'knock']],
  ['漏油', ['漏油', '渗油', 'oil leak']],
  ['漏水', ['漏水', '渗水', 'water leak']],
  ['熄火', ['熄火', 'stall', 'stalls', 'stalling']],
  ['无法启动', ['无法启动', '启动不了', '打不着', 'no start', "won't start"]],
  ['过热', ['过热', '高温', 'overheat']],
  ['不制冷', ['不制冷', '空调不凉', 'no cooling']],
  ['暖风不热', ['暖风不热', 'no heat', 'blows cold']],
  ['跑偏', ['跑偏', 'pulls to']],
  ['烧机油', ['烧机油', 'oil consumption']],
  ['故障灯', ['故障灯', 'check engine', 'mil on']],
]

export type SignalKey = { modelId: string; dtc?: string; systemCode?: string; symptom?: string }

/** What a report is about: each of its fault codes, and each symptom word in its text (with its system). */
export function keysOf(report: FaultReport): SignalKey[] {
  const text = report.text.toLowerCase()
  const symptoms = SYMPTOM_WORDS.filter(([, words]) => words.some((word) => text.includes(word))).map(([word]) => word)
  return [
    ...report.dtcs.map((dtc) => ({ modelId: report.modelId, dtc })),
    ...(report.systemCode ? symptoms.map((symptom) => ({ modelId: report.modelId, systemCode: report.systemCode!, symptom })) : []),
  ]
}

const keyText = (key: SignalKey) => [key.modelId, key.dtc ?? '', key.systemCode ?? '', key.symptom ?? ''].join('|')

export type Signal = {
  key: SignalKey
  recent: FaultReport[]
  stationCount: number
  baselinePerWindow: number
  /** Reports per week, oldest first, over the baseline and the recent window. */
  weekly: Array<{ weekStart: string; reports: number }>
}

const DAY = 86_400_000

/**
 * A possible field issue: in the last window, reports about one model and fault (a DTC, or a
 * system and symptom word) came from at least `minStations` stations, numbered at least
 * `minReports`, and were at least `ratio` times the usual number per window before it.
 */
export function detectSignals(reports: FaultReport[], rules: SignalRules, now = new Date()): Signal[] {
  const windowMs = rules.windowDays * DAY
  const recentFrom = now.getTime() - windowMs
  const baselineFrom = recentFrom - rules.baselineWindows * windowMs
  const groups = new Map<string, { key: SignalKey; reports: FaultReport[] }>()
  for (const report of reports) {
    const time = report.createdAt.getTime()
    if (time < baselineFrom || time > now.getTime()) continue
    for (const key of keysOf(report)) {
      const group = groups.get(keyText(key)) ?? { key, reports: [] }
      group.reports.push(report)
      groups.set(keyText(key), group)
    }
  }
  const weeks = Math.ceil(((rules.baselineWindows + 1) * rules.windowDays) / 7)
  const firstWeek = now.getTime() - weeks * 7 * DAY
  const signals: Signal[] = []
  for (const { key, reports: grouped } of groups.values()) {
    const recent = grouped.filter((report) => report.createdAt.getTime() >= recentFrom)
    const baselinePerWindow = (grouped.length - recent.length) / rules.baselineWindows
    const stationCount = new Set(recent.map((report) => report.stationId).filter(Boolean)).size
    if (recent.length < rules.minReports || stationCount < rules.minStations || recent.length < rules.ratio * Math.max(1, baselinePerWindow)) continue
    const weekly = Array.from({ length: weeks }, (_, index) => {
      const start = firstWeek + index * 7 * DAY
      return {
        weekStart: new Date(start).toISOString().slice(0, 10),
        reports: grouped.filter((report) => report.createdAt.getTime() >= start && report.createdAt.getTime() < start + 7 * DAY).length,
      }
    })
    signals.push({ key, recent: recent.sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime()), stationCount, baselinePerWindow, weekly })
  }
  // A fault code is the stronger evidence: when a code and a symptom word flag the same reports, the code's card is enough.
  const byCode = signals.filter((signal) => signal.key.dtc)
  const covered = (signal: Signal) => byCode.some((coded) => coded.key.modelId === signal.key.modelId && signal.recent.every((report) => coded.recent.includes(report)))
  return [...byCode, ...signals.filter((signal) => !signal.key.dtc && !covered(signal))].sort((a, b) => b.recent.length - a.recent.length)
}
