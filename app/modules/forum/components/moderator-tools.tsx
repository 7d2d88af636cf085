import { useFetcher } from '@remix-run/react'
import { useMessages } from '~/i18n/use-t'
import { forumMessages } from '../messages'
import type { FailureData } from '../responses.server'
import { FailureNotice } from './failure-notice'

/** Engineers and admins: close the question as a duplicate of a question or a case, or reopen it. */
export function ModeratorTools({ closed }: { closed: boolean }) {
  const t = useMessages(forumMessages)
  const fetcher = useFetcher<FailureData & { ok?: boolean }>()
  const error = fetcher.data?.errors?.target
  if (closed) {
    return (
      <fetcher.Form method="post" className="button-row forum-moderation">
        <input type="hidden" name="intent" value="reopen" />
        <button type="submit" className="button button--ghost" disabled={fetcher.state !== 'idle'}>{t('reopen')}</button>
        <FailureNotice result={fetcher.data} />
      </fetcher.Form>
    )
  }
  return (
    <details className="forum-moderation">
      <summary>{t('closeDuplicate')}</summary>
      <fetcher.Form method="post" className="card">
        <input type="hidden" name="intent" value="close" />
        <fieldset className="choices">
          <legend>{t('dup.kind')}</legend>
          <label className="choice"><input type="radio" name="kind" value="question" defaultChecked /> {t('dup.question')}</label>
          <label className="choice"><input type="radio" name="kind" value="case" /> {t('dup.case')}</label>
        </fieldset>
        <div className="field">
          <label htmlFor="duplicate-target">{t('dup.target')}</label>
          <input id="duplicate-target" name="target" required placeholder="/forum/… · /cases/…" aria-invalid={Boolean(error)} aria-describedby={error ? 'duplicate-target-error' : undefined} />
          {error ? <p className="field-error" id="duplicate-target-error">{error}</p> : null}
        </div>
        <FailureNotice result={fetcher.data} />
        <button type="submit" className="button" disabled={fetcher.state !== 'idle'}>{t('dup.submit')}</button>
      </fetcher.Form>
    </details>
  )
}
