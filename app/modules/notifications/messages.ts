import { defineMessages } from '~/i18n/messages'

export const notificationMessages = defineMessages(
  {
    title: '通知',
    bell: '通知（{count} 条未读）',
    empty: '没有通知。',
    markAllRead: '全部标为已读',
    unread: '未读',
    'kind.bulletin': '技术通报',
    'kind.assistance': '远程支援',
    'kind.case': '维修案例',
    'kind.forum': '知道论坛',
    'kind.training': '在线培训',
    'kind.certificate': '证书到期',
    'kind.inspection': '远程巡检',
  },
  {
    title: 'Notifications',
    bell: 'Notifications ({count} unread)',
    empty: 'No notifications.',
    markAllRead: 'Mark all as read',
    unread: 'unread',
    'kind.bulletin': 'Bulletin',
    'kind.assistance': 'Assistance',
    'kind.case': 'Repair case',
    'kind.forum': 'Forum',
    'kind.training': 'Training',
    'kind.certificate': 'Certificate expiry',
    'kind.inspection': 'Inspection',
  },
)
