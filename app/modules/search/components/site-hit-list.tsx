import { Link } from '@remix-run/react'
import { useLocalName, useMessages } from '~/i18n/use-t'
import { TextParts } from '~/components/text-parts'
import type { SiteHit } from '../../../../search/search-all'
import { hitUrl } from '../links'
import { searchMessages } from '../messages'

function HitMeta({ hit }: { hit: SiteHit }) {
  const t = useMessages(searchMessages)
  const localName = useLocalName()
  if (hit.type === 'case') {
    return (
      <>
        <span>{localName({ nameZh: hit.modelZh, nameEn: hit.modelEn })} · {hit.year}</span>
        {hit.classic ? <span className="badge badge--classic">{t('classic')}</span> : null}
      </>
    )
  }
  if (hit.type === 'bulletin') {
    return (
      <>
        <span>{t('bulletinNumber', { number: hit.number })}</span>
        {hit.requiresAck ? <span className="badge">{t('requiresAck')}</span> : null}
      </>
    )
  }
  return (
    <>
      {hit.modelZh ? <span>{localName({ nameZh: hit.modelZh, nameEn: hit.modelEn })}</span> : null}
      {hit.solved ? <span className="badge badge--solved">{t('solved')}</span> : null}
      <span>{t('answers', { count: hit.answerCount })}</span>
    </>
  )
}

/** Cases, bulletins and questions in one ranked list, each labelled with what it is. */
export function SiteHitList({ hits, onHitClick }: { hits: SiteHit[]; onHitClick?: (hitId: string) => void }) {
  const t = useMessages(searchMessages)
  return (
    <ol className="hit-list">
      {hits.map((hit) => (
        <li key={`${hit.type}:${hit.id}`} className="hit" data-hit-type={hit.type}>
          <h3 className="hit__title">
            <span className={`hit__type hit__type--${hit.type}`}>{t(`label.${hit.type}`)}</span>
            <Link to={hitUrl(hit)} onClick={() => onHitClick?.(hit.id)}><TextParts parts={hit.titleParts} /></Link>
          </h3>
          <p className="hit__meta">
            <HitMeta hit={hit} />
            {hit.dtcs.map((code) => <code key={code} className="dtc">{code}</code>)}
          </p>
          <p className="hit__snippet"><TextParts parts={hit.snippetParts} /></p>
        </li>
      ))}
    </ol>
  )
}
