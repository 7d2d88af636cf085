import { Form, Link, useNavigation } from '@remix-run/react'
import { useLocalName, useT } from '~/i18n/use-t'

type Candidate = { id: string; title: string; modelZh: string; modelEn: string; year: number; sameModel: boolean; confirmCount: number }

/** For engineers on a published case: look-alike cases, each mergeable into this one. */
export function DuplicateCandidates({ candidates }: { candidates: Candidate[] }) {
  const t = useT()
  const localName = useLocalName()
  const busy = useNavigation().state !== 'idle'
  return (
    <section className="card" aria-labelledby="duplicates-title">
      <h2 id="duplicates-title">{t('case.duplicates')}</h2>
      <p className="small muted">{t('case.duplicatesHint')}</p>
      {candidates.length === 0 ? (
        <p className="muted">{t('case.noDuplicates')}</p>
      ) : (
        <ul className="plain-list duplicate-list">
          {candidates.map((candidate) => (
            <li key={candidate.id}>
              <Link to={`/cases/${candidate.id}`}>{candidate.title}</Link>
              <p className="hit__meta">
                <span>{localName({ nameZh: candidate.modelZh, nameEn: candidate.modelEn })} · {candidate.year}</span>
                {candidate.sameModel ? <span className="badge">{t('case.sameModel')}</span> : null}
                {candidate.confirmCount > 0 ? <span>✔ {candidate.confirmCount}</span> : null}
              </p>
              <Form
                method="post"
                onSubmit={(event) => {
                  if (!window.confirm(t('case.mergeConfirm', { title: candidate.title }))) event.preventDefault()
                }}
              >
                <input type="hidden" name="intent" value="merge" />
                <input type="hidden" name="duplicateId" value={candidate.id} />
                <button type="submit" className="button button--ghost button--small" disabled={busy} aria-label={`${t('case.mergeHere')}: ${candidate.title}`}>
                  {t('case.mergeHere')}
                </button>
              </Form>
            </li>
          ))}
        </ul>
      )}
    </section>
  )
}
