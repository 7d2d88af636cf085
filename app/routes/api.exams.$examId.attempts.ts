import type { ActionFunctionArgs } from '@remix-run/node'
import { getAttempt, startAttempt, toApiAttempt } from '~/modules/exams/attempts.server'
import { methodNotAllowed } from '~/utils/api.server'
import { requireApiUser } from '~/utils/auth.server'

/**
 * `POST /api/exams/:id/attempts`: starts an attempt (201) or returns the running one (200), with
 * its deadline and questions; nothing in it reveals the right answers.
 */
export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireApiUser(request)
  if (request.method !== 'POST') return methodNotAllowed()
  const outcome = await startAttempt({ user, paperId: params.examId! })
  if (!outcome.ok) {
    switch (outcome.reason) {
      case 'not-found':
        return Response.json({ error: 'not found' }, { status: 404 })
      case 'prerequisite':
        return Response.json({ error: `this exam needs the ${outcome.requiredLevel.toLowerCase()} level first`, requiredLevel: outcome.requiredLevel.toLowerCase() }, { status: 403 })
      case 'no-attempts-left':
        return Response.json({ error: 'no attempts left' }, { status: 409 })
      case 'cooldown':
        return Response.json({ error: 'wait before the next attempt', retryAt: outcome.retryAt.toISOString() }, { status: 409, headers: { 'Retry-After': String(Math.ceil((outcome.retryAt.getTime() - Date.now()) / 1000)) } })
      case 'bank-too-small':
        return Response.json({ error: 'the question bank cannot fill this paper' }, { status: 409 })
    }
  }
  const view = await getAttempt({ user, attemptId: outcome.attemptId })
  if (!view || view.state !== 'open') return Response.json({ error: 'the attempt ended' }, { status: 409 })
  return Response.json(toApiAttempt(view), { status: outcome.resumed ? 200 : 201 })
}

export const loader = methodNotAllowed
