import { createReadableStreamFromReadable, type LoaderFunctionArgs } from '@remix-run/node'
import { requestVisibilityWhere } from '~/modules/assistance/assistance.server'
import { bulletinAttachmentWhere } from '~/modules/bulletins/audience.server'
import { caseVisibilityWhere } from '~/modules/cases/case.server'
import { questionImagesVisibleWhere } from '~/modules/exams/question-images.server'
import { openAttachment } from '~/modules/files/attachment.server'
import { lessonImagesVisibleWhere } from '~/modules/training/course.server'
import { sessionPhotoVisibleWhere } from '~/modules/training/inhouse.server'
import { inspectionAttachmentWhere } from '~/modules/inspections/inspections.server'
import { requireUser } from '~/utils/auth.server'

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request)
  const file = await openAttachment({
    user,
    attachmentId: params.fileId!,
    visibleVia: [
      { repairCase: caseVisibilityWhere(user) },
      { assistanceRequest: requestVisibilityWhere(user) },
      inspectionAttachmentWhere(user),
      // A member's picture is seen by everyone signed in.
      { avatarOf: { isNot: null } },
      await lessonImagesVisibleWhere({ user }),
      sessionPhotoVisibleWhere(user),
      await bulletinAttachmentWhere(user),
      await questionImagesVisibleWhere(user),
    ],
  })
  if (!file) throw new Response('Not found', { status: 404 })
  return new Response(createReadableStreamFromReadable(file.stream), {
    headers: {
      'Content-Type': file.mimeType,
      'Content-Length': String(file.sizeBytes),
      'Content-Disposition': `inline; filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
      'X-Content-Type-Options': 'nosniff',
      'Content-Security-Policy': "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; sandbox",
      'Cache-Control': 'private, max-age=3600',
    },
  })
}
