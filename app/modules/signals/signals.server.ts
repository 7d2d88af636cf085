import type { Locale } from '~/i18n/messages'
import { requestFaultReports } from '~/modules/assistance/assistance.server'
import { caseFaultReports } from '~/modules/cases/case.server'
import { questionFaultReports } from '~/modules/forum/contributions.server'
import { getDb } from '~/utils/db.server'
import { getEnv } from '~/utils/env.server'
import type { SessionUser } from '~/utils/session-user'
import { renderSvgChart } from '~/utils/svg-chart.server'
import { detectSignals, type FaultReport, type SignalRules } from './detect'

const WATCHERS = ['ENGINEER', 'TRAINER', 'ADMIN']
export const maySeeSignals = (user: Pick<SessionUser, 'role'>) => WATCHERS.includes(user.role)

export function signalRules(): SignalRules {
  const env = getEnv()
  return {
    windowDays: env.FIELD_SIGNAL_WINDOW_DAYS,
    baselineWindows: env.FIELD_SIGNAL_BASELINE_WINDOWS,
    minStations: env.FIELD_SIGNAL_MIN_STATIONS,
    minReports: env.FIELD_SIGNAL_MIN_REPORTS,
    ratio: env.FIELD_SIGNAL_RATIO,
  }
}

const DAY = 86_400_000

/** Every fault report of the period the rules look at: cases, assistance requests and forum questions. */
async function faultReports(rules: SignalRules, now: Date): Promise<FaultReport[]> {
  const since = new Date(now.getTime() - (rules.baselineWindows + 1) * rules.windowDays * DAY)
  const [cases, requests, questions] = await Promise.all([caseFaultReports({ since }), requestFaultReports({ since }), questionFaultReports({ since })])
  return [...cases, ...requests, ...questions]
}

function trendChart(weekly: Array<{ weekStart: string; reports: number }>, label: string) {
  return renderSvgChart(
    {
      grid: { top: 36, left: 8, right: 16, bottom: 8, outerBoundsMode: 'same', outerBoundsContain: 'axisLabel' },
      xAxis: { type: 'category', data: weekly.map((week) => week.weekStart.slice(5)) },
      yAxis: { type: 'value', minInterval: 1 },
      series: [{ type: 'bar', name: label, data: weekly.map((week) => week.reports) }],
    },
    { width: 480, height: 220 },
  )
}

/** The possible field issues now, with names, stations, evidence and a weekly trend chart. */
export async function fieldSignals({ locale, chartLabel, rules = signalRules(), now = new Date() }: { locale: Locale; chartLabel: string; rules?: SignalRules; now?: Date }) {
  const signals = detectSignals(await faultReports(rules, now), rules, now)
  const db = getDb()
  const [models, stations, systems] = await Promise.all([
    db.vehicleModel.findMany({ where: { id: { in: [...new Set(signals.map((signal) => signal.key.modelId))] } }, select: { id: true, nameZh: true, nameEn: true } }),
    db.station.findMany({ where: { id: { in: [...new Set(signals.flatMap((signal) => signal.recent.map((report) => report.stationId ?? '')))] } }, select: { id: true, code: true, region: true } }),
    db.vehicleSystem.findMany({ select: { code: true, nameZh: true, nameEn: true } }),
  ])
  const name = (entry?: { nameZh: string; nameEn: string }) => (entry ? (locale === 'zh' ? entry.nameZh : entry.nameEn) : '')
  return signals.map((signal) => {
    const model = models.find((candidate) => candidate.id === signal.key.modelId)
    const station = (id: string | null) => stations.find((candidate) => candidate.id === id)
    return {
      id: [signal.key.modelId, signal.key.dtc, signal.key.systemCode, signal.key.symptom].filter(Boolean).join('-'),
      modelId: signal.key.modelId,
      modelName: name(model),
      modelNameEn: model?.nameEn ?? '',
      dtc: signal.key.dtc ?? null,
      systemCode: signal.key.systemCode ?? signal.recent.find((report) => report.systemCode)?.systemCode ?? null,
      systemName: name(systems.find((system) => system.code === (signal.key.systemCode ?? signal.recent[0]?.systemCode))),
      symptom: signal.key.symptom ?? null,
      reportCount: signal.recent.length,
      stationCount: signal.stationCount,
      regions: [...new Set(signal.recent.map((report) => station(report.stationId)?.region).filter((region): region is string => Boolean(region)))],
      baselinePerWindow: Math.round(signal.baselinePerWindow * 10) / 10,
      chart: trendChart(signal.weekly, chartLabel),
      evidence: signal.recent.slice(0, 20).map((report) => ({
        kind: report.kind,
        title: report.title,
        link: report.link,
        station: station(report.stationId)?.code ?? null,
        createdAt: report.createdAt,
      })),
    }
  })
}
