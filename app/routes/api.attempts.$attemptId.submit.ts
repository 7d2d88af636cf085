import type { ActionFunctionArgs } from '@remix-run/node'
import { submitAttempt, toApiResult } from '~/modules/exams/attempts.server'
import { answerMapSchema } from '~/modules/exams/schema'
import { methodNotAllowed } from '~/utils/api.server'
import { requireApiUser } from '~/utils/auth.server'

/**
 * `POST /api/attempts/:id/submit` (optionally `{"answers":{"<questionId>":["<optionId>"]}}`):
 * grades it -> 200 `{"score","passed",…}`. After the deadline: 409 with the result graded at expiry.
 */
export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireApiUser(request)
  if (request.method !== 'POST') return methodNotAllowed()
  let answers: Record<string, string[]> | undefined
  // The body is optional: an empty POST submits what was saved.
  if (request.headers.get('Content-Type')?.includes('application/json')) {
    const text = await request.text()
    let body: unknown = null
    try {
      body = text.trim() === '' ? null : JSON.parse(text)
    } catch {
      return Response.json({ errors: { _body: 'the body is not valid JSON' } }, { status: 400 })
    }
    const parsed = answerMapSchema.optional().safeParse((body as { answers?: unknown } | null)?.answers)
    if (!parsed.success) return Response.json({ errors: { answers: 'answers maps question ids to option id lists' } }, { status: 400 })
    answers = parsed.data
  }
  const outcome = await submitAttempt({ user, attemptId: params.attemptId!, answers })
  if (outcome.ok) return Response.json(toApiResult(outcome.result))
  if (outcome.reason === 'not-found') return Response.json({ error: 'not found' }, { status: 404 })
  if (outcome.reason === 'invalid') return Response.json({ errors: { answers: outcome.error } }, { status: 400 })
  const error = outcome.status === 'SUBMITTED' ? 'the attempt was already submitted' : 'the time is up: the attempt was graded with the answers saved before its deadline'
  return Response.json({ error, ...toApiResult(outcome.result) }, { status: 409 })
}

export const loader = methodNotAllowed
