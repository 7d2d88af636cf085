import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { useLoaderData } from '@remix-run/react'
import { z } from 'zod'
import { GeneralErrorBoundary } from '~/components/error-boundary'
import { getAttempt, getExamForCandidate, submitAttempt } from '~/modules/exams/attempts.server'
import { AttemptPlayer } from '~/modules/exams/components/attempt-player'
import { AttemptResult } from '~/modules/exams/components/attempt-result'
import { answerMapSchema } from '~/modules/exams/schema'
import { requireUser } from '~/utils/auth.server'
import { invariantResponse } from '~/utils/permissions.server'

/** A running attempt (questions without answers, saved choices, the server's deadline) or, once finished, its result. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request)
  const view = await getAttempt({ user, attemptId: params.attemptId! })
  invariantResponse(view, 'Attempt not found')
  if (view.state === 'open') return { view, serverNow: new Date().toISOString(), canRetake: false }
  const exam = await getExamForCandidate({ user, paperId: view.paper.id })
  const canRetake = Boolean(exam && exam.standing.prerequisiteMet && exam.standing.attemptsLeft > 0 && !exam.standing.running)
  return { view, serverNow: new Date().toISOString(), canRetake }
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `${data.view.paper.title} · GTAC` : 'GTAC' }]

const submitForm = z.object({
  intent: z.literal('submit'),
  answers: z.string().max(200_000).transform((text, context) => {
    try {
      return JSON.parse(text) as unknown
    } catch {
      context.addIssue({ code: 'custom', message: 'answers is not JSON' })
      return z.NEVER
    }
  }).pipe(answerMapSchema),
})

/** Submit: the page's answers are written and graded; a late submit is refused and the page shows the result graded at expiry. */
export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request)
  const parsed = submitForm.safeParse(Object.fromEntries(await request.formData()))
  if (!parsed.success) return Response.json({ error: 'invalid submission' }, { status: 400 })
  const outcome = await submitAttempt({ user, attemptId: params.attemptId!, answers: parsed.data.answers })
  invariantResponse(outcome.ok || outcome.reason !== 'not-found', 'Attempt not found')
  if (!outcome.ok && outcome.reason === 'invalid') return Response.json({ error: outcome.error }, { status: 400 })
  return redirect(`/exams/attempts/${params.attemptId}`)
}

export default function AttemptPage() {
  const { view, serverNow, canRetake } = useLoaderData<typeof loader>()
  if (view.state === 'open') return <AttemptPlayer key={view.id} attempt={view} serverNow={serverNow} />
  return <AttemptResult result={view} canRetake={canRetake} />
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
