import type { LoaderFunctionArgs } from '@remix-run/node'
import { openRecording } from '~/modules/live/recording.server'
import { requireUser } from '~/utils/auth.server'
import { serveFileWithRanges } from '~/utils/byte-range.server'

/** `GET /recordings/:id`: a finished call recording, for the call's participants and admins, with range requests (seeking). */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request)
  const recording = await openRecording({ user, recordingId: params.recordingId! })
  if (!recording) throw new Response('Not found', { status: 404 })
  const extension = recording.mimeType === 'video/mp4' ? 'mp4' : 'webm'
  return serveFileWithRanges(request, recording, {
    'Content-Disposition': `inline; filename="gtac-recording-${recording.createdAt.toISOString().slice(0, 10)}.${extension}"`,
    'Content-Security-Policy': "default-src 'none'; media-src 'self'; sandbox",
    'Cache-Control': 'private, max-age=3600',
  })
}
