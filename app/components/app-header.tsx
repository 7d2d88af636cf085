import { Form, Link, NavLink, useLocation } from '@remix-run/react'
import { useState, type ReactNode } from 'react'
import type { MessageKey } from '~/i18n/messages'
import { useT } from '~/i18n/use-t'
import type { SessionUser } from '~/utils/session-user'

const modules: Array<{ to: string; label: MessageKey }> = [
  { to: '/cases', label: 'nav.cases' },
  { to: '/assistance', label: 'nav.assistance' },
  { to: '/bulletins', label: 'nav.bulletins' },
  { to: '/forum', label: 'nav.forum' },
  { to: '/training', label: 'nav.training' },
  { to: '/exams', label: 'nav.exams' },
  { to: '/inspections', label: 'nav.inspections' },
]

/** `tools` go beside the user's name (the notification bell). */
export function AppHeader({ user, tools }: { user: SessionUser | null; tools?: ReactNode }) {
  const t = useT()
  const location = useLocation()
  const [open, setOpen] = useState(false)
  const redirectTo = location.pathname + location.search
  return (
    <header className="app-header">
      <div className="app-header__inner">
        <Link to="/" className="brand" aria-label={t('app.name')}>
          <span className="brand__mark">GTAC</span>
          <span className="brand__name">{t('app.name')}</span>
        </Link>
        {user ? (
          <button type="button" className="nav-toggle" aria-expanded={open} aria-controls="main-nav" onClick={() => setOpen(!open)}>
            {t('nav.menu')}
          </button>
        ) : null}
        {user ? (
          <nav id="main-nav" className={open ? 'main-nav main-nav--open' : 'main-nav'} aria-label={t('nav.menu')}>
            {modules.map((module) => (
              <NavLink key={module.to} to={module.to} onClick={() => setOpen(false)}>
                {t(module.label)}
              </NavLink>
            ))}
            {user.role === 'ENGINEER' || user.role === 'ADMIN' ? <NavLink to="/review">{t('nav.review')}</NavLink> : null}
            {user.role === 'ENGINEER' || user.role === 'TRAINER' || user.role === 'ADMIN' ? <NavLink to="/signals">{t('nav.signals')}</NavLink> : null}
            {user.role === 'ADMIN' ? <NavLink to="/admin">{t('nav.admin')}</NavLink> : null}
          </nav>
        ) : null}
        <div className="header-tools">
          <Form method="post" action="/lang" className="inline-form">
            <input type="hidden" name="redirectTo" value={redirectTo} />
            <button type="submit" className="link-button" name="intent" value="toggle">
              {t('lang.switch')}
            </button>
          </Form>
          {user ? (
            <>
              {tools}
              <NavLink to="/me" className="user-chip" title={user.email}>
                {user.name}
              </NavLink>
              <Form method="post" action="/logout" className="inline-form">
                <button type="submit" className="link-button">
                  {t('auth.signOut')}
                </button>
              </Form>
            </>
          ) : null}
        </div>
      </div>
    </header>
  )
}
