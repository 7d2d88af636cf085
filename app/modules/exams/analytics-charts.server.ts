import { translateFrom, type Locale } from '~/i18n/messages'
import { gridWithLabelsInside, renderSvgChart } from '~/utils/svg-chart.server'
import type { AnalyticsReport, PassFigures } from './analytics.server'
import { analyticsMessages, regionLabel, stationLabel } from './analytics-messages'

const WIDTH = 560
const LEGEND_HEIGHT = 36
/** A readable bar chart has a few dozen bars at most; the table beside it lists every row. */
export const MAX_CHART_BARS = 24

const percent = (rate: number | null) => (rate === null ? null : Math.round(rate * 1000) / 10)
const percentAxis = { type: 'value', min: 0, max: 100, axisLabel: { formatter: '{value}%' } } as const

/** Horizontal bars of pass rates, one row per group, so long names stay readable. */
function passRateBars(labels: string[], rows: PassFigures[], name: string) {
  return renderSvgChart(
    {
      grid: gridWithLabelsInside({ top: LEGEND_HEIGHT, right: 56 }),
      yAxis: { type: 'category', inverse: true, data: labels, axisLabel: { width: 170, overflow: 'truncate' } },
      xAxis: percentAxis,
      series: [{ type: 'bar', name, data: rows.map((row) => percent(row.passRate)), label: { show: true, position: 'right', formatter: '{c}%' } }],
    },
    { width: WIDTH, height: LEGEND_HEIGHT + 32 + labels.length * 28 },
  )
}

/** Attempts as bars on the right axis, the pass rate as a line on the left one. */
function monthsChart(report: AnalyticsReport, text: (key: 'analytics.attempts' | 'analytics.passRate') => string) {
  return renderSvgChart(
    {
      grid: gridWithLabelsInside({ top: LEGEND_HEIGHT, right: 16 }),
      xAxis: { type: 'category', data: report.months.map((month) => month.month) },
      yAxis: [percentAxis, { type: 'value', minInterval: 1, splitLine: { show: false } }],
      series: [
        { type: 'bar', name: text('analytics.attempts'), yAxisIndex: 1, data: report.months.map((month) => month.attempts), itemStyle: { opacity: 0.45 } },
        { type: 'line', name: text('analytics.passRate'), yAxisIndex: 0, data: report.months.map((month) => percent(month.passRate)), symbolSize: 7, connectNulls: false },
      ],
    },
    { width: WIDTH, height: 280 },
  )
}

export type AnalyticsCharts = { byExam: string; byMonth: string; byStation: string; byRegion: string; chartedStations: number }

/** The four charts of a report with attempts (the tables list every row; the station chart its busiest). */
export function renderAnalyticsCharts(report: AnalyticsReport, locale: Locale): AnalyticsCharts {
  const text = (key: 'analytics.attempts' | 'analytics.passRate') => translateFrom(analyticsMessages, locale, key)
  const passRate = text('analytics.passRate')
  const exams = report.exams.slice(0, MAX_CHART_BARS)
  const stations = report.stations.slice(0, MAX_CHART_BARS)
  return {
    byExam: passRateBars(exams.map((row) => row.title), exams, passRate),
    byMonth: monthsChart(report, text),
    byStation: passRateBars(stations.map((row) => stationLabel(row, locale)), stations, passRate),
    byRegion: passRateBars(report.regions.map((row) => regionLabel(row.region, locale)), report.regions, passRate),
    chartedStations: stations.length,
  }
}
