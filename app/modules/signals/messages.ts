import { defineMessages } from '~/i18n/messages'

export const signalMessages = defineMessages(
  {
    title: '批量故障预警',
    intro: '最近 {days} 天内，同一车型同一故障（故障码，或系统 + 症状词）在至少 {stations} 个服务站出现至少 {reports} 次，且达到此前平均水平的 {ratio} 倍，就会列在这里。',
    empty: '目前没有可能的批量故障。',
    card: '可能的批量故障：{model} {fault}',
    counts: '{reports} 次报告 · {stations} 个服务站 · 此前平均每 {days} 天 {baseline} 次',
    regions: '区域：{regions}',
    trend: '每周报告数',
    evidence: '依据',
    'kind.case': '案例',
    'kind.request': '支援请求',
    'kind.question': '问题',
    draftBulletin: '起草技术通报',
  },
  {
    title: 'Field-issue signals',
    intro: 'Listed here: one model with one fault (a DTC, or a system and symptom word) reported at least {reports} times from at least {stations} stations in the last {days} days, and at least {ratio} times its usual rate before.',
    empty: 'No possible field issue at the moment.',
    card: 'Possible field issue: {model} {fault}',
    counts: '{reports} reports · {stations} stations · usually {baseline} per {days} days',
    regions: 'Regions: {regions}',
    trend: 'Reports per week',
    evidence: 'Evidence',
    'kind.case': 'Case',
    'kind.request': 'Request',
    'kind.question': 'Question',
    draftBulletin: 'Draft a bulletin',
  },
)
