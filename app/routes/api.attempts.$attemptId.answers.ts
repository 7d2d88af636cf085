import type { ActionFunctionArgs } from '@remix-run/node'
import { saveAnswer } from '~/modules/exams/attempts.server'
import { answerSchema } from '~/modules/exams/schema'
import { methodNotAllowed, readJsonBody } from '~/utils/api.server'
import { requireApiUser } from '~/utils/auth.server'
import { fieldErrors } from '~/utils/validation'

/**
 * `PUT /api/attempts/:id/answers` `{"questionId","optionIds":[]}`: the page's autosave. 404 for
 * somebody else's attempt; 409 once it is submitted or past its deadline.
 */
export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireApiUser(request)
  if (request.method !== 'PUT') return methodNotAllowed()
  const body = await readJsonBody(request)
  if (!body.ok) return body.response
  const parsed = answerSchema.safeParse(body.body)
  if (!parsed.success) return Response.json({ errors: fieldErrors(parsed.error) }, { status: 400 })
  const outcome = await saveAnswer({ user, attemptId: params.attemptId!, answer: parsed.data })
  if (outcome.ok) return Response.json({ saved: true, savedAt: outcome.savedAt.toISOString() })
  if (outcome.reason === 'not-found') return Response.json({ error: 'not found' }, { status: 404 })
  if (outcome.reason === 'invalid') return Response.json({ errors: { optionIds: outcome.error } }, { status: 400 })
  const error = outcome.status === 'SUBMITTED' ? 'the attempt was submitted' : 'the time is up: the attempt was graded with the answers saved before its deadline'
  return Response.json({ error, status: outcome.status.toLowerCase() }, { status: 409 })
}

export const loader = methodNotAllowed
