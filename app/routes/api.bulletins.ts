import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node'
import { listBulletinsForReader, saveBulletin } from '~/modules/bulletins/bulletin.server'
import { bulletinFilterSchema, bulletinInputSchema } from '~/modules/bulletins/schema'
import { methodNotAllowed, readJsonBody } from '~/utils/api.server'
import { requireApiUser } from '~/utils/auth.server'
import { fieldErrors } from '~/utils/validation'

/** `GET /api/bulletins?model=&year=&vin=&dtc=&system=`: the caller's current bulletins that apply to every filter given. */
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireApiUser(request)
  const parsed = bulletinFilterSchema.safeParse(Object.fromEntries(new URL(request.url).searchParams))
  if (!parsed.success) return Response.json({ errors: fieldErrors(parsed.error) }, { status: 400 })
  const bulletins = await listBulletinsForReader({ user, filters: parsed.data })
  return Response.json({
    bulletins: bulletins.map((bulletin) => ({
      id: bulletin.id,
      title: bulletin.title,
      type: bulletin.type,
      publishedAt: bulletin.publishedAt,
      requiresAck: bulletin.requiresAck,
      acknowledged: bulletin.acknowledged,
    })),
  })
}

/** `POST /api/bulletins`: trainers, engineers and admins write (and publish) a bulletin. */
export async function action({ request }: ActionFunctionArgs) {
  const user = await requireApiUser(request)
  if (request.method !== 'POST') return methodNotAllowed()
  const body = await readJsonBody(request)
  if (!body.ok) return body.response
  const parsed = bulletinInputSchema.safeParse(body.body)
  if (!parsed.success) return Response.json({ errors: fieldErrors(parsed.error) }, { status: 400 })
  const saved = await saveBulletin({ user, input: parsed.data })
  if (saved.ok) return Response.json({ id: saved.id }, { status: 201 })
  if (saved.reason === 'invalid') return Response.json({ errors: saved.errors }, { status: 400 })
  return Response.json({ error: 'only trainers, engineers and admins write bulletins' }, { status: 403 })
}
