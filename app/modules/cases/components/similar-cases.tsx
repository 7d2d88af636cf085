import { Form } from '@remix-run/react'
import { useDebouncedFetcher } from '~/components/use-debounced-fetcher'
import { useT } from '~/i18n/use-t'
import { dtcsInQuery } from '~/utils/vehicle-codes'

type Hit = { id: string; title: string; snippet: string; model: string; modelEn: string; year: number }
type SearchReply = { hits: Hit[] }

/** The case search for a case being written: its codes, title and first symptom words, same model and first DTC. */
export function similarCasesQuery({ title, modelId, dtcs, symptoms }: { title: string; modelId: string; dtcs: string; symptoms: string }) {
  const codes = dtcsInQuery(dtcs)
  const words = [...codes, title.trim(), symptoms.trim().slice(0, 80)].join(' ').trim()
  if (!words) return undefined
  const params = new URLSearchParams({ q: words.slice(0, 200), limit: '5' })
  if (modelId) params.set('model', modelId)
  if (codes.length > 0) params.set('dtc', codes[0])
  return `/api/cases/search?${params}`
}

/** "Is it one of these?": published look-alikes while a case is written, each with "this fix worked". */
export function SimilarCases(props: { title: string; modelId: string; dtcs: string; symptoms: string }) {
  const t = useT()
  const url = similarCasesQuery(props)
  const fetcher = useDebouncedFetcher<SearchReply>(url, 400)
  const hits = url ? (fetcher.data?.hits ?? []) : []
  return (
    <aside className="card similar-cases" aria-labelledby="similar-title" aria-busy={fetcher.state !== 'idle'}>
      <h2 id="similar-title">{t('case.similarTitle')}</h2>
      <p className="small muted">{t('case.similarHint')}</p>
      <div aria-live="polite">
        {!url ? (
          <p className="muted">{t('case.similarTypeMore')}</p>
        ) : fetcher.state !== 'idle' && !fetcher.data ? (
          <p className="muted">{t('common.loading')}</p>
        ) : hits.length === 0 ? (
          <p className="muted">{t('case.similarNone')}</p>
        ) : (
          <ol className="suggestion-list">
            {hits.map((hit) => (
              <li key={hit.id}>
                <a href={`/cases/${hit.id}`} target="_blank" rel="noreferrer">{hit.title}</a>
                <span className="small muted"> · {hit.model} {hit.year}</span>
                {/* The snippet is escaped by the search API; only its <mark> tags are HTML. */}
                <p className="suggestions__snippet" dangerouslySetInnerHTML={{ __html: hit.snippet }} />
                <Form method="post" action={`/cases/${hit.id}`}>
                  <input type="hidden" name="intent" value="confirm" />
                  <button type="submit" className="button button--ghost button--small">{t('case.similarFixed')}</button>
                </Form>
              </li>
            ))}
          </ol>
        )}
      </div>
    </aside>
  )
}
