import { Link, useLocation, useSearchParams } from '@remix-run/react'
import { useT } from '~/i18n/use-t'

/** Previous / next links around "page N of M"; the caller decides how a page is put in the URL. */
export function PageLinks({ page, pages, hrefFor }: { page: number; pages: number; hrefFor: (page: number) => string }) {
  const t = useT()
  if (pages <= 1) return null
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

/** Search results: `?offset=` (what the search API takes), capped at Meilisearch's 10,000 hits. */
export function Pagination({ total, limit, offset }: { total: number; limit: number; offset: number }) {
  const [params] = useSearchParams()
  const hrefFor = (targetPage: number) => {
    const next = new URLSearchParams(params)
    next.set('offset', String((targetPage - 1) * limit))
    return `?${next}`
  }
  return <PageLinks page={Math.floor(offset / limit) + 1} pages={Math.max(1, Math.ceil(Math.min(total, 10_000) / limit))} hrefFor={hrefFor} />
}

/** Database lists: `?page=` from 1. */
export function PagePagination({ page, pages }: { page: number; pages: number }) {
  const location = useLocation()
  const hrefFor = (target: number) => {
    const next = new URLSearchParams(location.search)
    if (target === 1) next.delete('page')
    else next.set('page', String(target))
    const query = next.toString()
    return query ? `${location.pathname}?${query}` : location.pathname
  }
  return <PageLinks page={page} pages={pages} hrefFor={hrefFor} />
}
