import { defineMessages, type Locale } from '~/i18n/messages'

export const analyticsMessages = defineMessages(
  {
    'analytics.title': '考试分析',
    'analytics.tab': '分析',
    'analytics.filters': '筛选条件',
    'analytics.from': '开始日期',
    'analytics.to': '结束日期',
    'analytics.exam': '考试',
    'analytics.allExams': '全部考试',
    'analytics.apply': '查看',
    'analytics.period': '{from} 至 {to}（{timeZone} 时间）',
    'analytics.summary': '{attempts} 次已完成考试 · 通过率 {passRate} · 平均分 {meanScore}',
    'analytics.empty': '所选时间段内没有已完成的考试。请调整日期范围或考试。',
    'analytics.exportCsv': '导出 CSV',
    'analytics.exportCsvOf': '导出 CSV：{table}',
    'analytics.tableOf': '表格：{table}',
    'analytics.attempts': '考试次数',
    'analytics.candidates': '考生数',
    'analytics.passed': '通过',
    'analytics.passRate': '通过率',
    'analytics.meanScore': '平均分',
    'analytics.month': '月份',
    'analytics.station': '服务站',
    'analytics.region': '区域',
    'analytics.noStation': '无服务站',
    'analytics.noValue': '—',
    'analytics.byExam': '各考试通过率',
    'analytics.byMonth': '每月通过率',
    'analytics.byStation': '各服务站通过率',
    'analytics.byRegion': '各区域通过率',
    'analytics.chart.topStations': '（考试次数最多的 {count} 个）',
    'analytics.questions': '题目分析',
    'analytics.questions.choose': '选择一个考试，查看每道题的难度和区分度。',
    'analytics.questions.none': '该考试在所选时间段内没有已完成的答卷。',
    'analytics.questions.summary': '{attempts} 份答卷。区分度 D 按上下 27% 分组法计算（见指标口径）。',
    'analytics.question': '题目',
    'analytics.responses': '作答数',
    'analytics.difficulty': '难度（答对率 p）',
    'analytics.upper': '高分组答对率',
    'analytics.lower': '低分组答对率',
    'analytics.discrimination': '区分度 D',
    'analytics.flags': '提示',
    'analytics.edit': '编辑',
    'analytics.editQuestion': '编辑题目：{stem}',
    'analytics.retired': '已停用',
    'analytics.deleted': '题目已不在题库中',
    'analytics.fewResponses': '不足 {min} 次作答',
    'analytics.flag.too-easy': '太容易',
    'analytics.flag.too-hard': '太难',
    'analytics.flag.poor-discrimination': '区分度低',
    'analytics.flag.negative-discrimination': '区分度为负',
    'analytics.flag.ok': '正常',
    'analytics.definitions': '指标口径',
    'analytics.definition.attempts': '统计所选时间段内交卷或超时结束的答卷，按结束时间计入月份（{timeZone} 时间）；每次考试都计入，包括重考。服务站和区域按考生当前所在服务站。',
    'analytics.definition.difficulty': '难度 p：作答该题的答卷中得满分的比例（多选题部分得分计为答错）。p > 0.95 太容易，p < 0.2 太难。',
    'analytics.definition.discrimination': '区分度 D（上下 27% 分组法）：在作答该题的答卷中，按其余各题的得分排名，前 27% 为高分组、后 27% 为低分组，D = 高分组答对率 − 低分组答对率。D < 0.2 区分度低，D < 0 说明低分考生反而答得更好，请检查答案或题干。',
    'analytics.definition.minimum': '作答少于 {min} 次的题目只显示数值，不给出提示。',
  },
  {
    'analytics.title': 'Exam analytics',
    'analytics.tab': 'Analytics',
    'analytics.filters': 'Filters',
    'analytics.from': 'From',
    'analytics.to': 'To',
    'analytics.exam': 'Exam',
    'analytics.allExams': 'All exams',
    'analytics.apply': 'Show',
    'analytics.period': '{from} to {to} ({timeZone} time)',
    'analytics.summary': '{attempts} finished attempts · pass rate {passRate} · mean score {meanScore}',
    'analytics.empty': 'No finished attempts in this period. Try a wider date range or another exam.',
    'analytics.exportCsv': 'Export CSV',
    'analytics.exportCsvOf': 'Export CSV: {table}',
    'analytics.tableOf': 'Table: {table}',
    'analytics.attempts': 'Attempts',
    'analytics.candidates': 'Candidates',
    'analytics.passed': 'Passed',
    'analytics.passRate': 'Pass rate',
    'analytics.meanScore': 'Mean score',
    'analytics.month': 'Month',
    'analytics.station': 'Station',
    'analytics.region': 'Region',
    'analytics.noStation': 'No station',
    'analytics.noValue': '—',
    'analytics.byExam': 'Pass rate by exam',
    'analytics.byMonth': 'Pass rate by month',
    'analytics.byStation': 'Pass rate by station',
    'analytics.byRegion': 'Pass rate by region',
    'analytics.chart.topStations': '(the {count} with most attempts)',
    'analytics.questions': 'Question analysis',
    'analytics.questions.choose': 'Choose an exam to see the difficulty and discrimination of each of its questions.',
    'analytics.questions.none': 'This exam has no finished attempts in this period.',
    'analytics.questions.summary': '{attempts} attempts. Discrimination D by the upper–lower 27% method (see how the figures are counted).',
    'analytics.question': 'Question',
    'analytics.responses': 'Responses',
    'analytics.difficulty': 'Difficulty (share correct, p)',
    'analytics.upper': 'Upper group correct',
    'analytics.lower': 'Lower group correct',
    'analytics.discrimination': 'Discrimination D',
    'analytics.flags': 'Flags',
    'analytics.edit': 'Edit',
    'analytics.editQuestion': 'Edit question: {stem}',
    'analytics.retired': 'retired',
    'analytics.deleted': 'No longer in the bank',
    'analytics.fewResponses': 'Under {min} responses',
    'analytics.flag.too-easy': 'Too easy',
    'analytics.flag.too-hard': 'Too hard',
    'analytics.flag.poor-discrimination': 'Poor discrimination',
    'analytics.flag.negative-discrimination': 'Negative discrimination',
    'analytics.flag.ok': 'OK',
    'analytics.definitions': 'How the figures are counted',
    'analytics.definition.attempts': 'Attempts submitted or expired in the period, in the month they finished ({timeZone} time); every attempt counts, retakes included. Station and region are the candidate’s current station.',
    'analytics.definition.difficulty': 'Difficulty p: the share of the attempts with the question that scored it in full (a partly right multiple choice counts as wrong). p > 0.95 is too easy, p < 0.2 too hard.',
    'analytics.definition.discrimination': 'Discrimination D (upper–lower 27% method): the attempts with the question ranked by their score on the other questions, the top 27% are the upper group and the bottom 27% the lower group; D = share correct in the upper group − share correct in the lower group. D < 0.2 is poor; D < 0 means weaker candidates did better: check the key or the wording.',
    'analytics.definition.minimum': 'Questions answered fewer than {min} times show their figures without flags.',
  },
)

export type AnalyticsMessageKey = keyof (typeof analyticsMessages)['zh']

const localeTag = (locale: Locale) => (locale === 'zh' ? 'zh-CN' : 'en-GB')

export const formatCount = (count: number, locale: Locale) => count.toLocaleString(localeTag(locale))

export function formatRate(rate: number | null, locale: Locale) {
  if (rate === null) return analyticsMessages[locale]['analytics.noValue']
  return new Intl.NumberFormat(localeTag(locale), { style: 'percent', maximumFractionDigits: 1 }).format(rate)
}

/** Scores are percent already (0–100). */
export function formatScore(score: number | null, locale: Locale) {
  if (score === null) return analyticsMessages[locale]['analytics.noValue']
  return new Intl.NumberFormat(localeTag(locale), { maximumFractionDigits: 1 }).format(score)
}

/** Indices such as p and D, two decimals. */
export function formatIndex(value: number | null, locale: Locale) {
  if (value === null) return analyticsMessages[locale]['analytics.noValue']
  return new Intl.NumberFormat(localeTag(locale), { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(value)
}

export const stationLabel = ({ code, name }: { code: string | null; name: string | null }, locale: Locale) =>
  code === null ? analyticsMessages[locale]['analytics.noStation'] : `${code} ${name ?? ''}`.trim()

export const regionLabel = (region: string | null, locale: Locale) => region ?? analyticsMessages[locale]['analytics.noStation']
