import { NavLink } from '@remix-run/react'
import { useMessages } from '~/i18n/use-t'
import { memberMessages } from '../messages'

const pages = [
  { to: '/me', label: 'nav.profile' },
  { to: '/me/contributions', label: 'nav.contributions' },
  { to: '/me/settings', label: 'nav.settings' },
  { to: '/me/password', label: 'nav.password' },
] as const

/** The member center's pages, above each of them. */
export function MemberNav() {
  const t = useMessages(memberMessages)
  return (
    <nav className="button-row" aria-label={t('nav.label')} style={{ marginBottom: '1rem' }}>
      {pages.map((page) => (
        <NavLink key={page.to} to={page.to} end className={({ isActive }) => (isActive ? 'button' : 'button button--ghost')}>
          {t(page.label)}
        </NavLink>
      ))}
    </nav>
  )
}
