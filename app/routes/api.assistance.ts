import type { ActionFunctionArgs } from '@remix-run/node'
import { RequestInputError, canRequest, createRequest } from '~/modules/assistance/assistance.server'
import { assistanceApiSchema } from '~/modules/assistance/schema'
import { findVehicleModelByName } from '~/modules/catalogue/catalogue.server'
import { methodNotAllowed, readJsonBody } from '~/utils/api.server'
import { requireApiUser } from '~/utils/auth.server'
import { fieldErrors } from '~/utils/validation'

/** `POST /api/assistance`: a technician or station manager asks the factory for help. */
export async function action({ request }: ActionFunctionArgs) {
  const user = await requireApiUser(request)
  if (request.method !== 'POST') return methodNotAllowed()
  if (!canRequest(user)) return Response.json({ error: 'only technicians and station managers of a station may file requests' }, { status: 403 })
  const body = await readJsonBody(request)
  if (!body.ok) return body.response
  const parsed = assistanceApiSchema.safeParse(body.body)
  if (!parsed.success) return Response.json({ errors: fieldErrors(parsed.error) }, { status: 400 })
  const { model, system, urgency, ...fields } = parsed.data
  const found = await findVehicleModelByName(model)
  if (!found) return Response.json({ errors: { model: 'unknown model: use a catalogue model name (Chinese or English)' } }, { status: 400 })
  try {
    const created = await createRequest({
      user,
      input: { ...fields, modelId: found.id, systemCode: system, urgency: urgency === 'vor' ? 'VOR' : 'NORMAL' },
    })
    return Response.json({ id: created.id }, { status: 201 })
  } catch (error) {
    if (error instanceof RequestInputError) return Response.json({ errors: error.errors }, { status: 400 })
    throw error
  }
}

export const loader = methodNotAllowed
