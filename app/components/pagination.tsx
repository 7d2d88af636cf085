import { Link, useSearchParams } from '@remix-run/react'
import { useT } from '~/i18n/use-t'

export function Pagination({ total, limit, offset }: { total: number; limit: number; offset: number }) {
  const t = useT()
  const [params] = useSearchParams()
  const pages = Math.max(1, Math.ceil(Math.min(total, 10_000) / limit))
  const page = Math.floor(offset / limit) + 1
  if (pages <= 1) return null
  const hrefFor = (targetPage: number) => {
    const next = new URLSearchParams(params)
    next.set('offset', String((targetPage - 1) * limit))
    return `?${next}`
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
