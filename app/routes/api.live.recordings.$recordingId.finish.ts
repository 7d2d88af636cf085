import type { ActionFunctionArgs } from '@remix-run/node'
import { finishRecording } from '~/modules/live/recording.server'
import { methodNotAllowed } from '~/utils/api.server'
import { requireUser } from '~/utils/auth.server'

/** `POST /api/live/recordings/:id/finish`: the recorder has sent its last chunk; the recording is assembled and becomes playable. */
export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request)
  if (request.method !== 'POST') return methodNotAllowed()
  const outcome = await finishRecording({ user, recordingId: params.recordingId! })
  if (!outcome.ok) return Response.json({ error: outcome.status === 404 ? 'no such recording' : 'only the one recording may finish it' }, { status: outcome.status })
  return Response.json({ status: outcome.recordingStatus })
}

export const loader = methodNotAllowed
