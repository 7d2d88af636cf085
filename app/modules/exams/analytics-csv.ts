import type { Locale } from '~/i18n/messages'
import { csvCell, csvDocument } from '~/utils/csv'
import type { AnalyticsReport, PassFigures } from './analytics.server'
import { regionLabel, stationLabel } from './analytics-messages'

export const ANALYTICS_TABLES = ['exams', 'months', 'stations', 'regions', 'questions'] as const
export type AnalyticsTable = (typeof ANALYTICS_TABLES)[number]

/** Numbers stay numbers, so csvCell leaves a negative one alone (only text is defused). */
const number = (value: number | null, decimals: number) => (value === null ? null : Number(value.toFixed(decimals)))
const PASS_COLUMNS = ['attempts', 'passed', 'passRate', 'meanScore']
const passCells = (figures: PassFigures) => [figures.attempts, figures.passed, number(figures.passRate, 4), number(figures.meanScore, 1)]

/** One table of the analytics page for a spreadsheet: shares as fractions (0.75), scores in percent, empty where there is nothing to count. */
export function analyticsCsv(report: AnalyticsReport, table: AnalyticsTable, locale: Locale) {
  const rows = (header: string[], lines: Array<Array<string | number | null>>) =>
    csvDocument([header.join(','), ...lines.map((cells) => cells.map(csvCell).join(','))])
  switch (table) {
    case 'exams':
      return rows(['examId', 'exam', 'candidates', ...PASS_COLUMNS], report.exams.map((row) => [row.examId, row.title, row.candidates, ...passCells(row)]))
    case 'months':
      return rows(['month', ...PASS_COLUMNS], report.months.map((row) => [row.month, ...passCells(row)]))
    case 'stations':
      return rows(
        ['stationCode', 'station', 'region', ...PASS_COLUMNS],
        report.stations.map((row) => [row.code, row.code === null ? stationLabel(row, locale) : row.name, row.region, ...passCells(row)]),
      )
    case 'regions':
      return rows(['region', ...PASS_COLUMNS], report.regions.map((row) => [regionLabel(row.region, locale), ...passCells(row)]))
    case 'questions':
      return rows(
        ['questionId', 'question', 'kind', 'system', 'responses', 'correct', 'difficulty', 'upperCorrectShare', 'lowerCorrectShare', 'discrimination', 'flags'],
        (report.items?.questions ?? []).map((row) => [
          row.questionId,
          row.stem,
          row.kind?.toLowerCase() ?? null,
          row.systemCode,
          row.responses,
          row.correct,
          number(row.difficulty, 4),
          number(row.upperDifficulty, 4),
          number(row.lowerDifficulty, 4),
          number(row.discrimination, 4),
          row.flags.join(' '),
        ]),
      )
  }
}
