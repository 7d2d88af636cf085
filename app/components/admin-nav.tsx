import type { MetaFunction } from '@remix-run/node'
import { NavLink } from '@remix-run/react'
import { translate, type Locale, type MessageKey } from '~/i18n/messages'
import { useT } from '~/i18n/use-t'

const sections: Array<{ to: string; label: MessageKey }> = [
  { to: '/admin/stations', label: 'admin.stations' },
  { to: '/admin/users', label: 'admin.users' },
]

/** The administration sections, above every admin page. */
export function AdminNav() {
  const t = useT()
  return (
    <nav className="button-row" aria-label={t('admin.title')} style={{ marginBottom: '1rem' }}>
      {sections.map((section) => (
        <NavLink key={section.to} to={section.to} className={({ isActive }) => (isActive ? 'button' : 'button button--ghost')}>
          {t(section.label)}
        </NavLink>
      ))}
    </nav>
  )
}

/** `<title>` in the visitor's language (the root loader has the locale); an error page keeps the app's name. */
export const titleMeta =
  (key: MessageKey): MetaFunction =>
  ({ data, matches }) => {
    const locale = (matches.find((match) => match.id === 'root')?.data as { locale?: Locale } | undefined)?.locale ?? 'zh'
    return [{ title: data ? `${translate(locale, key)} · GTAC` : translate(locale, 'app.name') }]
  }

export const ADMIN_PAGE_SIZE = 50

/** `?page=` as a page number from 1; anything else is page 1. */
export function pageParam(url: URL) {
  const page = Number(url.searchParams.get('page'))
  return Number.isSafeInteger(page) && page >= 1 ? page : 1
}
