import type { LoaderFunctionArgs } from '@remix-run/node'
import { openLessonFile } from '~/modules/training/course.server'
import { requireUser } from '~/utils/auth.server'
import { serveFileWithRanges } from '~/utils/byte-range.server'

/** `GET /training/files/:lessonId`: a video or PDF lesson's file, for whoever may open its course, with range requests (seeking). */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request)
  const file = await openLessonFile({ user, lessonId: params.lessonId! })
  if (!file) throw new Response('Not found', { status: 404 })
  return serveFileWithRanges(request, file, {
    'Content-Disposition': `inline; filename="${encodeURIComponent(file.fileName)}"`,
    // Chromium's PDF viewer does not run in a sandboxed document; a video needs nothing more.
    'Content-Security-Policy': file.mimeType === 'application/pdf' ? "default-src 'none'" : "default-src 'none'; media-src 'self'; sandbox",
    'Cache-Control': 'private, max-age=3600',
  })
}
