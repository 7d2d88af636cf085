import { useFetcher } from '@remix-run/react'
import { useMessages } from '~/i18n/use-t'
import { forumMessages } from '../messages'
import type { FailureData } from '../responses.server'
import { FailureNotice } from './failure-notice'

/** Up and down votes on a post: pressing one's current vote again takes it back. */
export function VoteButtons({ target, id, score, myVote, canVote }: { target: 'question' | 'answer'; id: string; score: number; myVote: number; canVote: boolean }) {
  const t = useMessages(forumMessages)
  const fetcher = useFetcher<FailureData & { ok?: boolean }>()
  const pending = fetcher.formData ? Number(fetcher.formData.get('value')) : null
  const shownVote = pending ?? myVote
  const shownScore = pending === null ? score : score - myVote + pending
  const button = (value: 1 | -1, label: string, symbol: string) => {
    const active = shownVote === value
    return (
      <button type="submit" name="value" value={active ? 0 : value} aria-pressed={active} aria-label={label} title={canVote ? label : t('ownPost')} disabled={!canVote} className="vote__button">
        <span aria-hidden="true">{symbol}</span>
      </button>
    )
  }
  return (
    <fetcher.Form method="post" className="vote" data-vote={`${target}-${id}`}>
      <input type="hidden" name="intent" value="vote" />
      <input type="hidden" name="target" value={target} />
      <input type="hidden" name="id" value={id} />
      {button(1, t('upvote'), '▲')}
      <span className="vote__score" data-testid={`score-${target}-${id}`}>
        <span className="visually-hidden">{t('score')} </span>
        {shownScore}
      </span>
      {button(-1, t('downvote'), '▼')}
      {!canVote ? <span className="visually-hidden">{t('ownPost')}</span> : null}
      <FailureNotice result={fetcher.data} />
    </fetcher.Form>
  )
}
