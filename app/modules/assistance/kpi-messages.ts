import { defineMessages, translateFrom, type Locale } from '~/i18n/messages'

export const kpiMessages = defineMessages(
  {
    'kpi.title': '远程支援 KPI 看板',
    'kpi.scope.network': '范围：全网',
    'kpi.scope.station': '范围：本服务站（{name}）',
    'kpi.filters': '筛选条件',
    'kpi.from': '开始日期',
    'kpi.to': '结束日期',
    'kpi.groupBy': '分组维度',
    'kpi.apply': '查看',
    'kpi.exportCsv': '导出 CSV',
    'kpi.period': '{from} 至 {to}（{timeZone} 时间）',
    'kpi.empty': '所选时间段内没有支援请求。请调整日期范围。',
    'kpi.dimension.system': '系统',
    'kpi.dimension.expert': '专家',
    'kpi.dimension.region': '区域',
    'kpi.dimension.month': '月份',
    'kpi.requests': '请求数',
    'kpi.answeredWithinSla': '按时响应率',
    'kpi.closedWithinSla': '按时解决率',
    'kpi.firstTimeFix': '一次修复率',
    'kpi.medianHoursToClaim': '认领时长中位数',
    'kpi.medianHoursToClose': '解决时长中位数',
    'kpi.hoursToClaim': '认领时长（小时）',
    'kpi.hoursToClose': '解决时长（小时）',
    'kpi.shareDetail': '{met} / {of}',
    'kpi.hours': '{value} 小时',
    'kpi.noValue': '—',
    'kpi.unassigned': '未认领',
    'kpi.all': '全部',
    'kpi.week': '周（周一）',
    'kpi.month': '月份',
    'kpi.chart.weekly': '每周请求数',
    'kpi.chart.slaByMonth': '每月 SLA 达成率',
    'kpi.chart.firstTimeFix': '一次修复率 · 按{dimension}',
    'kpi.chart.medians': '时长中位数 · 按{dimension}',
    'kpi.chart.topGroups': '（请求最多的 {count} 项）',
    'kpi.chart.latestMonths': '（最近 {count} 个月）',
    'kpi.table.caption': '各{dimension}指标',
    'kpi.definitions': '指标口径',
    'kpi.definition.answered': '按时响应率：已认领的请求中在响应时限内认领的比例；超过响应时限仍未认领的请求计为未达成。',
    'kpi.definition.closed': '按时解决率：专家在解决时限内完成解决（技师确认前）的比例；超过解决时限仍未解决的请求计为未达成。',
    'kpi.definition.firstTimeFix': '一次修复率：已关闭且技师填写了是否一次修复的请求中，一次修复的比例。',
    'kpi.definition.medians': '时长中位数：从提交到认领、从提交到专家解决的小时数中位数。',
    'kpi.definition.period': '按请求的提交时间统计，日期和周按 {timeZone} 时间划分。',
  },
  {
    'kpi.title': 'Assistance KPI dashboard',
    'kpi.scope.network': 'Scope: whole network',
    'kpi.scope.station': 'Scope: your station ({name})',
    'kpi.filters': 'Filters',
    'kpi.from': 'From',
    'kpi.to': 'To',
    'kpi.groupBy': 'Group by',
    'kpi.apply': 'Show',
    'kpi.exportCsv': 'Export CSV',
    'kpi.period': '{from} to {to} ({timeZone} time)',
    'kpi.empty': 'No assistance requests in this period. Try a wider date range.',
    'kpi.dimension.system': 'System',
    'kpi.dimension.expert': 'Expert',
    'kpi.dimension.region': 'Region',
    'kpi.dimension.month': 'Month',
    'kpi.requests': 'Requests',
    'kpi.answeredWithinSla': 'Answered within SLA',
    'kpi.closedWithinSla': 'Closed within SLA',
    'kpi.firstTimeFix': 'First-time fix',
    'kpi.medianHoursToClaim': 'Median time to claim',
    'kpi.medianHoursToClose': 'Median time to close',
    'kpi.hoursToClaim': 'Hours to claim',
    'kpi.hoursToClose': 'Hours to close',
    'kpi.shareDetail': '{met} of {of}',
    'kpi.hours': '{value} h',
    'kpi.noValue': '—',
    'kpi.unassigned': 'Unclaimed',
    'kpi.all': 'All',
    'kpi.week': 'Week (Monday)',
    'kpi.month': 'Month',
    'kpi.chart.weekly': 'Requests per week',
    'kpi.chart.slaByMonth': 'SLA met per month',
    'kpi.chart.firstTimeFix': 'First-time-fix rate · by {dimension}',
    'kpi.chart.medians': 'Median hours · by {dimension}',
    'kpi.chart.topGroups': '(the {count} with most requests)',
    'kpi.chart.latestMonths': '(the latest {count} months)',
    'kpi.table.caption': 'KPIs by {dimension}',
    'kpi.definitions': 'How the figures are counted',
    'kpi.definition.answered': 'Answered within SLA: claimed requests that were claimed by the response deadline; requests still unclaimed after it count as missed.',
    'kpi.definition.closed': "Closed within SLA: requests the expert resolved (before the technician's confirmation) by the resolution deadline; requests still unresolved after it count as missed.",
    'kpi.definition.firstTimeFix': 'First-time fix: among closed requests whose technician answered the question, the share fixed the first time.',
    'kpi.definition.medians': 'Medians: hours from filing to claim, and from filing to the expert resolving it.',
    'kpi.definition.period': 'Requests count by when they were filed; days and weeks follow {timeZone} time.',
  },
)

export type KpiMessageKey = keyof (typeof kpiMessages)['zh']

type NamedGroup = { name: { zh: string; en: string } | null }

/** A group's name in the reader's language; only the expert dimension has a nameless group. */
export const groupLabel = (group: NamedGroup, locale: Locale) => group.name?.[locale] ?? kpiMessages[locale]['kpi.unassigned']

const localeTag = (locale: Locale) => (locale === 'zh' ? 'zh-CN' : 'en-GB')

export const formatCount = (count: number, locale: Locale) => count.toLocaleString(localeTag(locale))

/** "12 / 15": how many met a target out of how many counted towards it. */
export const formatShareDetail = ({ met, of }: { met: number; of: number }, locale: Locale) =>
  translateFrom(kpiMessages, locale, 'kpi.shareDetail', { met: formatCount(met, locale), of: formatCount(of, locale) })

export function formatRate(rate: number | null, locale: Locale) {
  if (rate === null) return kpiMessages[locale]['kpi.noValue']
  return new Intl.NumberFormat(localeTag(locale), { style: 'percent', maximumFractionDigits: 1 }).format(rate)
}

export function formatHours(hours: number | null, locale: Locale) {
  if (hours === null) return kpiMessages[locale]['kpi.noValue']
  const value = new Intl.NumberFormat(localeTag(locale), { maximumFractionDigits: 1 }).format(hours)
  return translateFrom(kpiMessages, locale, 'kpi.hours', { value })
}
