import { useFetcher } from '@remix-run/react'
import { useEffect, useRef } from 'react'
import { useLocale, useMessages } from '~/i18n/use-t'
import { forumMessages } from '../messages'
import type { FailureData } from '../responses.server'
import { FailureNotice } from './failure-notice'

export type ForumComment = { id: string; body: string; createdAt: string | Date; author: { name: string } }

/** Comments are plain text: React prints them as text, line breaks kept by CSS. */
export function Comments({ comments, answerId, label }: { comments: ForumComment[]; answerId?: string; label: string }) {
  const t = useMessages(forumMessages)
  const locale = useLocale()
  const fetcher = useFetcher<FailureData & { ok?: boolean }>()
  const form = useRef<HTMLFormElement>(null)
  const fieldId = `comment-${answerId ?? 'question'}`
  const error = fetcher.data?.errors?.body
  useEffect(() => {
    if (fetcher.state === 'idle' && fetcher.data?.ok) form.current?.reset()
  }, [fetcher.state, fetcher.data])
  return (
    <section className="forum-comments" aria-label={label}>
      {comments.length > 0 ? (
        <ul className="forum-comments__list">
          {comments.map((comment) => (
            <li key={comment.id} className="forum-comment">
              <span className="forum-comment__body">{comment.body}</span>{' '}
              <span className="comment-meta">
                — {comment.author.name} · <time dateTime={new Date(comment.createdAt).toISOString()}>{new Date(comment.createdAt).toLocaleString(locale === 'zh' ? 'zh-CN' : 'en-GB')}</time>
              </span>
            </li>
          ))}
        </ul>
      ) : null}
      <details className="forum-comment-form">
        <summary>{t('commentOn')}</summary>
        <fetcher.Form method="post" ref={form}>
          <input type="hidden" name="intent" value="comment" />
          {answerId ? <input type="hidden" name="answerId" value={answerId} /> : null}
          <div className="field">
            <label htmlFor={fieldId}>{t('commentLabel')}</label>
            <textarea id={fieldId} name="body" rows={2} maxLength={1000} required aria-invalid={Boolean(error)} aria-describedby={error ? `${fieldId}-error` : undefined} />
            {error ? <p className="field-error" id={`${fieldId}-error`}>{error}</p> : null}
          </div>
          <FailureNotice result={fetcher.data} />
          <button type="submit" className="button button--ghost" disabled={fetcher.state !== 'idle'}>{fetcher.state !== 'idle' ? t('saving') : t('postComment')}</button>
        </fetcher.Form>
      </details>
    </section>
  )
}
