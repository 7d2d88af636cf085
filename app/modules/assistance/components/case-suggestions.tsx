import { Form } from '@remix-run/react'
import { useDebouncedFetcher } from '~/components/use-debounced-fetcher'
import { useMessages } from '~/i18n/use-t'
import { dtcsInQuery } from '~/utils/vehicle-codes'
import { assistanceMessages } from '../messages'

type Hit = { id: string; title: string; snippet: string; dtcs: string[]; model: string; classic: boolean }
type SearchReply = { hits: Hit[]; estimatedTotalHits: number }

/** Builds the case search for what the technician has typed so far; undefined while there is nothing to search. */
export function suggestionQuery({ modelId, dtcs, symptoms }: { modelId: string; dtcs: string; symptoms: string }) {
  const codes = dtcsInQuery(dtcs)
  const words = [...codes, symptoms.trim()].join(' ').trim()
  if (!words && !modelId) return undefined
  const params = new URLSearchParams({ q: words.slice(0, 200), limit: '5' })
  if (modelId) params.set('model', modelId)
  if (codes.length > 0) params.set('dtc', codes[0])
  return `/api/cases/search?${params}`
}

/** Approved cases that match the request as it is typed, each with a "this case solved it" button. */
export function CaseSuggestions(props: { modelId: string; dtcs: string; symptoms: string }) {
  const t = useMessages(assistanceMessages)
  const url = suggestionQuery(props)
  const fetcher = useDebouncedFetcher<SearchReply>(url)
  const hits = url ? (fetcher.data?.hits ?? []) : []

  return (
    <aside className="card suggestions" aria-labelledby="suggestions-title" aria-busy={fetcher.state !== 'idle'}>
      <h2 id="suggestions-title">{t('suggest.title')}</h2>
      <p className="muted small">{t('suggest.hint')}</p>
      <div aria-live="polite">
        {!url ? (
          <p className="muted">{t('suggest.typeMore')}</p>
        ) : fetcher.state !== 'idle' && !fetcher.data ? (
          <p className="muted">{t('suggest.loading')}</p>
        ) : hits.length === 0 ? (
          <p className="muted">{t('suggest.none')}</p>
        ) : (
          <ol className="suggestion-list">
            {hits.map((hit) => (
              <li key={hit.id}>
                <a href={`/cases/${hit.id}`} target="_blank" rel="noreferrer">{hit.title}</a>
                {/* The snippet is escaped by the search API; only its <mark> tags are HTML. */}
                <p className="suggestions__snippet" dangerouslySetInnerHTML={{ __html: hit.snippet }} />
                <Form method="post">
                  <input type="hidden" name="intent" value="deflect" />
                  <input type="hidden" name="caseId" value={hit.id} />
                  <input type="hidden" name="caseTitle" value={hit.title} />
                  <button type="submit" className="button button--ghost">{t('suggest.solved')}</button>
                </Form>
              </li>
            ))}
          </ol>
        )}
      </div>
    </aside>
  )
}
