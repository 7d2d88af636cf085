import type { WriteOutcome } from './content.server'
import type { DraftCaseOutcome } from './draft-case.server'
import type { VoteOutcome } from './votes.server'

type Failure = Extract<WriteOutcome | VoteOutcome | DraftCaseOutcome, { ok: false }>

const MESSAGES: Record<Exclude<Failure['reason'], 'invalid' | 'rate-limited'>, [number, string]> = {
  'not-found': [404, 'not found'],
  forbidden: [403, 'you may not do this'],
  'own-post': [403, 'you cannot vote on your own post'],
  closed: [409, 'the question is closed as a duplicate: no more answers'],
  conflict: [409, 'it was changed in the meantime: reload, then edit'],
  'invalid-state': [409, 'no answer has been accepted yet'],
}

/**
 * One answer for every refusal, the same for the API and the pages (which show `reason` in the
 * reader's language): 400 with field errors, 429 with Retry-After, 403/404/409 with a reason.
 */
export function failureResponse(outcome: Failure) {
  if (outcome.reason === 'invalid') return Response.json({ errors: outcome.errors }, { status: 400 })
  if (outcome.reason === 'rate-limited') {
    const minutes = Math.ceil(outcome.retryAfterSeconds / 60)
    return Response.json(
      { error: `too many posts: try again in ${minutes} minute${minutes === 1 ? '' : 's'}`, reason: outcome.reason, retryAfterSeconds: outcome.retryAfterSeconds },
      { status: 429, headers: { 'Retry-After': String(outcome.retryAfterSeconds) } },
    )
  }
  const [status, error] = MESSAGES[outcome.reason]
  return Response.json({ error, reason: outcome.reason }, { status })
}

/** What a page's action data says after a refusal. */
export type FailureData = { errors?: Record<string, string>; error?: string; reason?: Failure['reason']; retryAfterSeconds?: number }
