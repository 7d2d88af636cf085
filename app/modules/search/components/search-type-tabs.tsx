import { Link, useSearchParams } from '@remix-run/react'
import { useMessages } from '~/i18n/use-t'
import { SEARCH_TYPES, type SearchType } from '../../../../search/search-types'
import { searchMessages } from '../messages'

/** The scope switch above the results; each scope keeps the query and starts on its first page. */
export function SearchTypeTabs({ current }: { current: SearchType }) {
  const t = useMessages(searchMessages)
  const [searchParams] = useSearchParams()
  const hrefFor = (type: SearchType) => {
    const next = new URLSearchParams()
    const q = searchParams.get('q')
    if (q) next.set('q', q)
    if (type !== 'case') next.set('type', type)
    return `?${next}`
  }
  return (
    <nav className="search-types" aria-label={t('types')}>
      {SEARCH_TYPES.map((type) => (
        <Link key={type} to={hrefFor(type)} className={type === current ? 'search-types__tab search-types__tab--on' : 'search-types__tab'} aria-current={type === current ? 'page' : undefined} replace preventScrollReset>
          {t(`type.${type}`)}
        </Link>
      ))}
    </nav>
  )
}
