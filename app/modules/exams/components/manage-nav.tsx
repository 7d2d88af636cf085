import { Link, useLocation } from '@remix-run/react'
import { useMessages } from '~/i18n/use-t'
import { analyticsMessages } from '../analytics-messages'
import { examMessages } from '../messages'

/** Papers, question bank and analytics tabs of the trainer pages. */
export function ManageNav() {
  const t = useMessages(examMessages)
  const analyticsText = useMessages(analyticsMessages)
  const { pathname } = useLocation()
  const inBank = pathname.startsWith('/exams/manage/questions')
  const inAnalytics = pathname.startsWith('/exams/analytics')
  const tab = (to: string, label: string, active: boolean) => (
    <Link to={to} className={active ? 'tab tab--active' : 'tab'} aria-current={active ? 'page' : undefined}>
      {label}
    </Link>
  )
  return (
    <nav className="tabs" aria-label={t('manage.title')}>
      {tab('/exams/manage', t('manage.papers'), !inBank && !inAnalytics)}
      {tab('/exams/manage/questions', t('manage.questions'), inBank)}
      {tab('/exams/analytics', analyticsText('analytics.tab'), inAnalytics)}
    </nav>
  )
}
