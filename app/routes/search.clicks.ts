import type { ActionFunctionArgs } from '@remix-run/node'
import { recordClick } from '~/modules/search/insights.server'
import { searchClickSchema } from '~/modules/search/schema'
import { requireUser } from '~/utils/auth.server'
import { fieldErrors } from '~/utils/validation'

/** `POST /search/clicks` (a beacon from the search page): which hit of the user's own search was opened. */
export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request)
  const parsed = searchClickSchema.safeParse(Object.fromEntries(await request.formData()))
  if (!parsed.success) return Response.json({ errors: fieldErrors(parsed.error) }, { status: 400 })
  const recorded = await recordClick({ userId: user.id, ...parsed.data })
  return new Response(null, { status: recorded ? 204 : 404 })
}

export function loader() {
  return Response.json({ error: 'method not allowed' }, { status: 405 })
}
