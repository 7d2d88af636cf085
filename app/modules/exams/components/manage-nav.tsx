import { Link, useLocation } from '@remix-run/react'
import { useMessages } from '~/i18n/use-t'
import { examMessages } from '../messages'

/** Papers and question bank tabs of the trainer pages. */
export function ManageNav() {
  const t = useMessages(examMessages)
  const { pathname } = useLocation()
  const inBank = pathname.startsWith('/exams/manage/questions')
  const tab = (to: string, label: 'manage.papers' | 'manage.questions', active: boolean) => (
    <Link to={to} className={active ? 'tab tab--active' : 'tab'} aria-current={active ? 'page' : undefined}>
      {t(label)}
    </Link>
  )
  return (
    <nav className="tabs" aria-label={t('manage.title')}>
      {tab('/exams/manage', 'manage.papers', !inBank)}
      {tab('/exams/manage/questions', 'manage.questions', inBank)}
    </nav>
  )
}
