import { useFetcher } from '@remix-run/react'
import { useEffect } from 'react'
import { useMessages } from '~/i18n/use-t'
import { assistanceMessages } from '../messages'
import { suggestionQuery } from './case-suggestions'

type Hit = { id: string; title: string; snippet: string; classic: boolean }

/** For the expert in the request: approved cases that match it, each one click away from the chat. */
export function MatchingCases({ modelId, dtcs, symptoms }: { modelId: string; dtcs: string[]; symptoms: string }) {
  const t = useMessages(assistanceMessages)
  const search = useFetcher<{ hits: Hit[] }>()
  const push = useFetcher()
  const url = suggestionQuery({ modelId, dtcs: dtcs.join(' '), symptoms: symptoms.slice(0, 120) })
  const { load } = search
  useEffect(() => {
    if (url) load(url)
  }, [url, load])
  const hits = search.data?.hits ?? []

  return (
    <section className="card" aria-labelledby="matching-cases-title" aria-busy={search.state !== 'idle'}>
      <h2 id="matching-cases-title">{t('suggest.title')}</h2>
      {hits.length === 0 ? (
        <p className="muted small">{search.state !== 'idle' ? t('suggest.loading') : t('suggest.none')}</p>
      ) : (
        <ol className="suggestion-list">
          {hits.map((hit) => (
            <li key={hit.id}>
              <a href={`/cases/${hit.id}`} target="_blank" rel="noreferrer">{hit.title}</a>
              {/* The snippet is escaped by the search API; only its <mark> tags are HTML. */}
              <p className="suggestions__snippet" dangerouslySetInnerHTML={{ __html: hit.snippet }} />
              <push.Form method="post">
                <input type="hidden" name="intent" value="message" />
                <input type="hidden" name="body" value={`${hit.title}\n/cases/${hit.id}`} />
                <button type="submit" className="button button--ghost" disabled={push.state !== 'idle'}>{t('case.pushToChat')}</button>
              </push.Form>
            </li>
          ))}
        </ol>
      )}
    </section>
  )
}
