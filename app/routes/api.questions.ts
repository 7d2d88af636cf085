import type { ActionFunctionArgs } from '@remix-run/node'
import { createQuestion } from '~/modules/forum/questions.server'
import { failureResponse } from '~/modules/forum/responses.server'
import { questionInputSchema } from '~/modules/forum/schema'
import { methodNotAllowed, readJsonBody } from '~/utils/api.server'
import { requireApiUser } from '~/utils/auth.server'
import { fieldErrors } from '~/utils/validation'

/** `POST /api/questions`: anyone signed in asks; 201 `{"id"}`, 400 field errors, 429 when posting too fast. */
export async function action({ request }: ActionFunctionArgs) {
  const user = await requireApiUser(request)
  if (request.method !== 'POST') return methodNotAllowed()
  const body = await readJsonBody(request)
  if (!body.ok) return body.response
  const parsed = questionInputSchema.safeParse(body.body)
  if (!parsed.success) return Response.json({ errors: fieldErrors(parsed.error) }, { status: 400 })
  const created = await createQuestion({ user, input: parsed.data })
  return created.ok ? Response.json({ id: created.id }, { status: 201 }) : failureResponse(created)
}
