import type { ActionFunctionArgs } from '@remix-run/node'
import { acceptChunk } from '~/modules/live/recording.server'
import { MAX_CHUNK_BYTES } from '~/modules/live/recording-storage.server'
import { methodNotAllowed } from '~/utils/api.server'
import { requireUser } from '~/utils/auth.server'

const EMPTY: AsyncIterable<Uint8Array> = { async *[Symbol.asyncIterator]() {} }

/**
 * `POST /api/live/recordings/:id/chunks/:sequence` (body: the chunk's bytes, Content-Type its
 * recorder's type): the recorder uploads each chunk as it is made; numbered, so a retry replaces.
 */
export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request)
  if (request.method !== 'POST') return methodNotAllowed()
  const sequence = Number(params.sequence)
  if (!/^\d{1,6}$/.test(params.sequence ?? '') || !Number.isSafeInteger(sequence)) return Response.json({ error: 'the chunk number is 0 to 999999' }, { status: 400 })
  if (Number(request.headers.get('content-length') ?? 0) > MAX_CHUNK_BYTES) return Response.json({ error: `a chunk may not exceed ${MAX_CHUNK_BYTES} bytes` }, { status: 413 })
  const outcome = await acceptChunk({
    user,
    recordingId: params.recordingId!,
    sequence,
    mimeType: request.headers.get('content-type') ?? '',
    body: (request.body as AsyncIterable<Uint8Array> | null) ?? EMPTY,
  })
  return outcome.ok ? Response.json({ ok: true }, { status: 201 }) : Response.json({ error: outcome.error }, { status: outcome.status })
}

export const loader = methodNotAllowed
