import { useMessages } from '~/i18n/use-t'
import { forumMessages } from '../messages'
import type { FailureData } from '../responses.server'

const REASON_MESSAGES = {
  conflict: 'conflict',
  closed: 'closedNoAnswers',
  'own-post': 'ownVote',
  'invalid-state': 'invalidState',
  'not-found': 'notFound',
} as const

/** A refusal from the server in the reader's language (field errors show at their fields). */
export function FailureNotice({ result }: { result?: FailureData | null }) {
  const t = useMessages(forumMessages)
  const reason = result?.reason
  if (!reason || reason === 'invalid') return null
  const text =
    reason === 'rate-limited'
      ? t('rateLimited', { minutes: Math.max(1, Math.ceil((result.retryAfterSeconds ?? 60) / 60)) })
      : reason in REASON_MESSAGES
        ? t(REASON_MESSAGES[reason as keyof typeof REASON_MESSAGES])
        : (result.error ?? '')
  return <p className="notice notice--error" role="alert">{text}</p>
}
