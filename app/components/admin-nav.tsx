import type { MetaFunction } from '@remix-run/node'
import { Link, NavLink, useLocation } from '@remix-run/react'
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

/** Previous / next links for `?page=` lists. */
export function AdminPager({ page, pages }: { page: number; pages: number }) {
  const t = useT()
  const location = useLocation()
  if (pages <= 1) return null
  const hrefFor = (target: number) => {
    const next = new URLSearchParams(location.search)
    if (target === 1) next.delete('page')
    else next.set('page', String(target))
    const query = next.toString()
    return query ? `${location.pathname}?${query}` : location.pathname
  }
  return (
    <nav className="pagination" aria-label="pagination">
      {page > 1 ? (
        <Link to={hrefFor(page - 1)} rel="prev" className="button button--ghost">
          ← {t('common.previous')}
        </Link>
      ) : (
        <span />
      )}
      <span className="pagination__status">{t('common.page', { page, pages })}</span>
      {page < pages ? (
        <Link to={hrefFor(page + 1)} rel="next" className="button button--ghost">
          {t('common.next')} →
        </Link>
      ) : (
        <span />
      )}
    </nav>
  )
}
