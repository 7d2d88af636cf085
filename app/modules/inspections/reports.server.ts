import { translateFrom, type Locale } from '~/i18n/messages'
import { getDb } from '~/utils/db.server'
import type { SessionUser } from '~/utils/session-user'
import { renderSvgChart } from '~/utils/svg-chart.server'
import { inspectionVisibilityWhere, mayInspect } from './inspections.server'
import { inspectionMessages } from './messages'

type Caller = Pick<SessionUser, 'id' | 'role' | 'stationId'>

const round = (value: number) => Math.round(value * 10) / 10
export const MOST_FAILED_LIMIT = 10

/**
 * What the finished inspections a user may see add up to: one station's history (a station's
 * staff see only their own), the league of stations with their region's rank (inspectors and
 * admins), and the checkpoints failed most often.
 */
export async function inspectionReports({ user, stationId }: { user: Caller; stationId?: string }) {
  const db = getDb()
  const finished = { ...inspectionVisibilityWhere(user), status: 'FINISHED' as const }
  const inspections = await db.inspection.findMany({
    where: finished,
    orderBy: { finishedAt: 'asc' },
    take: 5000,
    select: { id: true, number: true, finishedAt: true, score: true, station: { select: { id: true, code: true, name: true, region: true } }, template: { select: { key: true, nameZh: true, nameEn: true, version: true } } },
  })

  const stations = [...new Map(inspections.map((inspection) => [inspection.station.id, inspection.station])).values()].sort((a, b) => a.code.localeCompare(b.code))
  const chosen = user.role === 'TECHNICIAN' || user.role === 'STATION_MANAGER' ? user.stationId : (stationId ?? stations[0]?.id ?? null)
  const history = inspections.filter((inspection) => inspection.station.id === chosen)

  const byStation = new Map<string, { station: (typeof stations)[number]; scores: number[]; latest: number | null }>()
  for (const inspection of inspections) {
    if (inspection.score === null) continue
    const entry = byStation.get(inspection.station.id) ?? { station: inspection.station, scores: [], latest: null }
    entry.scores.push(inspection.score)
    entry.latest = inspection.score
    byStation.set(inspection.station.id, entry)
  }
  const league = [...byStation.values()]
    .map((entry) => ({ ...entry.station, inspections: entry.scores.length, average: round(entry.scores.reduce((sum, score) => sum + score, 0) / entry.scores.length), latest: entry.latest }))
    .sort((a, b) => b.average - a.average || a.code.localeCompare(b.code))
  const regionRank = new Map<string, number>()
  const ranked = league.map((row, index) => {
    const inRegion = (regionRank.get(row.region) ?? 0) + 1
    regionRank.set(row.region, inRegion)
    return { ...row, rank: index + 1, regionRank: inRegion }
  })

  const mostFailed = await mostFailedItems(finished)
  return { stations, chosenStationId: chosen, history, league: mayInspect(user) ? ranked : [], mostFailed }
}

/** Checkpoints by how often they failed where they were scored (N/A does not count), across versions of a checklist. */
async function mostFailedItems(where: ReturnType<typeof inspectionVisibilityWhere>) {
  const grouped = await getDb().inspectionResult.groupBy({ by: ['itemId', 'outcome'], where: { inspection: where, outcome: { in: ['PASS', 'FAIL'] } }, _count: { _all: true } })
  const items = await getDb().checklistItem.findMany({
    where: { id: { in: [...new Set(grouped.map((row) => row.itemId))] } },
    select: { id: true, position: true, textZh: true, textEn: true, section: { select: { position: true, template: { select: { key: true, nameZh: true, nameEn: true } } } } },
  })
  const rows = new Map<string, { textZh: string; textEn: string; code: string; templateZh: string; templateEn: string; failed: number; scored: number }>()
  for (const item of items) {
    const key = `${item.section.template.key}:${item.section.position}.${item.position}`
    const row = rows.get(key) ?? { textZh: item.textZh, textEn: item.textEn, code: `${item.section.position}.${item.position}`, templateZh: item.section.template.nameZh, templateEn: item.section.template.nameEn, failed: 0, scored: 0 }
    for (const count of grouped.filter((group) => group.itemId === item.id)) {
      row.scored += count._count._all
      if (count.outcome === 'FAIL') row.failed += count._count._all
    }
    rows.set(key, row)
  }
  return [...rows.values()]
    .filter((row) => row.failed > 0)
    .map((row) => ({ ...row, rate: round((row.failed / row.scored) * 100) }))
    .sort((a, b) => b.failed - a.failed || b.rate - a.rate || a.templateEn.localeCompare(b.templateEn) || a.code.localeCompare(b.code, undefined, { numeric: true }))
    .slice(0, MOST_FAILED_LIMIT)
}

export type InspectionReports = Awaited<ReturnType<typeof inspectionReports>>

/** The report's charts as SVG drawn on the server, in the reader's language. */
export function inspectionReportCharts(reports: InspectionReports, locale: Locale) {
  const t = (key: 'score' | 'failedCount') => translateFrom(inspectionMessages, locale, key)
  const name = (entry: { nameZh: string; nameEn: string }) => (locale === 'zh' ? entry.nameZh : entry.nameEn)
  const day = (date: Date | null) => (date ? date.toISOString().slice(0, 10) : '')
  const templates = [...new Map(reports.history.map((inspection) => [inspection.template.key, inspection.template])).values()]
  const trend =
    reports.history.length > 0
      ? renderSvgChart(
          {
            grid: { top: 40, left: 8, right: 16, bottom: 8, outerBoundsMode: 'same', outerBoundsContain: 'axisLabel' },
            xAxis: { type: 'category', data: reports.history.map((inspection) => `#${inspection.number} ${day(inspection.finishedAt)}`) },
            yAxis: { type: 'value', min: 0, max: 100 },
            series: templates.map((template) => ({
              type: 'line' as const,
              name: name(template),
              connectNulls: true,
              symbolSize: 7,
              data: reports.history.map((inspection) => (inspection.template.key === template.key ? inspection.score : null)),
            })),
          },
          { width: 560, height: 260 },
        )
      : null
  const league =
    reports.league.length > 0
      ? renderSvgChart(
          {
            grid: { top: 30, left: 8, right: 24, bottom: 8, outerBoundsMode: 'same', outerBoundsContain: 'axisLabel' },
            xAxis: { type: 'value', min: 0, max: 100 },
            yAxis: { type: 'category', inverse: true, data: reports.league.slice(0, 20).map((row) => row.code) },
            series: [{ type: 'bar', name: t('score'), data: reports.league.slice(0, 20).map((row) => row.average) }],
          },
          { width: 560, height: 60 + 26 * Math.min(reports.league.length, 20) },
        )
      : null
  const mostFailed =
    reports.mostFailed.length > 0
      ? renderSvgChart(
          {
            grid: { top: 30, left: 8, right: 24, bottom: 8, outerBoundsMode: 'same', outerBoundsContain: 'axisLabel' },
            xAxis: { type: 'value', minInterval: 1 },
            yAxis: { type: 'category', inverse: true, data: reports.mostFailed.map((row) => `${name({ nameZh: row.templateZh, nameEn: row.templateEn })} ${row.code}`) },
            series: [{ type: 'bar', name: t('failedCount'), data: reports.mostFailed.map((row) => row.failed) }],
          },
          { width: 560, height: 60 + 26 * reports.mostFailed.length },
        )
      : null
  return { trend, league, mostFailed }
}
