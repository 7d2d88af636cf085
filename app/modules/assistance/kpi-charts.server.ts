import { gridWithLabelsInside, renderSvgChart, type ChartOption } from '~/utils/svg-chart.server'
import { translateFrom, type Locale } from '~/i18n/messages'
import type { KpiGroup, KpiReport } from './kpi.server'
import { groupLabel, kpiMessages, type KpiMessageKey } from './kpi-messages'

type Text = (key: KpiMessageKey) => string

const WIDTH = 560
const LEGEND_HEIGHT = 36
/** A readable chart has a few dozen bars at most; the table below the charts lists every group. */
export const MAX_CHART_GROUPS = 24

const gridWithRoomOnTheRight = (right: number) => gridWithLabelsInside({ top: LEGEND_HEIGHT, right })

const renderSvg = (option: ChartOption, height: number) => renderSvgChart(option, { width: WIDTH, height })

const percent = (rate: number | null) => (rate === null ? null : Math.round(rate * 1000) / 10)
const roundHours = (hours: number | null) => (hours === null ? null : Math.round(hours * 10) / 10)
const percentAxis = { type: 'value', min: 0, max: 100, axisLabel: { formatter: '{value}%' } } as const

function weeklyRequestsChart(report: KpiReport, text: Text) {
  return renderSvg(
    {
      grid: gridWithRoomOnTheRight(16),
      xAxis: { type: 'category', data: report.weeks.map((week) => week.weekStart) },
      yAxis: { type: 'value', minInterval: 1 },
      series: [{ type: 'bar', name: text('kpi.requests'), data: report.weeks.map((week) => week.requests) }],
    },
    280,
  )
}

function slaByMonthChart(report: KpiReport, text: Text) {
  const line = (name: string, rates: Array<number | null>) => ({ type: 'line' as const, name, data: rates, symbolSize: 7 })
  return renderSvg(
    {
      grid: gridWithRoomOnTheRight(16),
      xAxis: { type: 'category', data: report.months.map((month) => month.month) },
      yAxis: percentAxis,
      series: [
        line(text('kpi.answeredWithinSla'), report.months.map((month) => percent(month.answeredWithinSla.rate))),
        line(text('kpi.closedWithinSla'), report.months.map((month) => percent(month.closedWithinSla.rate))),
      ],
    },
    280,
  )
}

/** Months keep their latest ones; other dimensions the groups with the most requests (they come sorted). */
function chartedGroups(report: KpiReport) {
  return report.groupBy === 'month' ? report.groups.slice(-MAX_CHART_GROUPS) : report.groups.slice(0, MAX_CHART_GROUPS)
}

type BarSeries = { name: string; values: Array<number | null> }

/** Horizontal bars, one row per group, so long names stay readable. */
function groupBarsChart({ groups, locale, series, unit }: { groups: KpiGroup[]; locale: Locale; series: BarSeries[]; unit: '%' | '' }) {
  return renderSvg(
    {
      grid: gridWithRoomOnTheRight(48),
      yAxis: { type: 'category', inverse: true, data: groups.map((group) => groupLabel(group, locale)), axisLabel: { width: 160, overflow: 'truncate' } },
      xAxis: unit === '%' ? percentAxis : { type: 'value' },
      series: series.map(({ name, values }) => ({ type: 'bar', name, data: values, label: { show: true, position: 'right', formatter: `{c}${unit}` } })),
    },
    LEGEND_HEIGHT + 32 + groups.length * (16 + 12 * series.length),
  )
}

export type KpiCharts = {
  weeklyRequests: string
  slaByMonth: string
  firstTimeFixByGroup: string | null
  mediansByGroup: string | null
  chartedGroupCount: number
}

export function renderKpiCharts(report: KpiReport, locale: Locale): KpiCharts {
  const text: Text = (key) => translateFrom(kpiMessages, locale, key)
  const groups = chartedGroups(report)
  const firstTimeFix: BarSeries[] = [{ name: text('kpi.firstTimeFix'), values: groups.map((group) => percent(group.firstTimeFix.rate)) }]
  const medians: BarSeries[] = [
    { name: text('kpi.hoursToClaim'), values: groups.map((group) => roundHours(group.medianHoursToClaim)) },
    { name: text('kpi.hoursToClose'), values: groups.map((group) => roundHours(group.medianHoursToClose)) },
  ]
  const hasGroups = groups.length > 0
  return {
    weeklyRequests: weeklyRequestsChart(report, text),
    slaByMonth: slaByMonthChart(report, text),
    firstTimeFixByGroup: hasGroups ? groupBarsChart({ groups, locale, series: firstTimeFix, unit: '%' }) : null,
    mediansByGroup: hasGroups ? groupBarsChart({ groups, locale, series: medians, unit: '' }) : null,
    chartedGroupCount: groups.length,
  }
}
