import { Prisma } from '~/generated/prisma/client'
import { parseRichDoc, richDocToHtml, richDocToText, RichTextError } from '~/editor/rich-text.server'
import { FileTooLargeError, getFileStorage } from '~/modules/files/file-storage.server'
import { notifyUsers } from '~/modules/notifications/notification.server'
import { requireUser } from '~/utils/auth.server'
import { getDb } from '~/utils/db.server'
import { invariantResponse } from '~/utils/permissions.server'
import type { SessionUser } from '~/utils/session-user'
import { canManageTraining } from './access'
import { fileFitsKind, LESSON_FILE_MAX_BYTES, sniffLessonFile } from './lesson-file'
import { imageAttachmentIds, moveInOrder } from './progress'
import type { AssignmentInput, CourseInput, LessonInput } from './schema'
import { usersMatching } from './visibility.server'

type Manager = Pick<SessionUser, 'id' | 'role'>
export type Outcome<T = { id: string }> = ({ ok: true } & T) | { ok: false; reason: 'forbidden' | 'not-found' } | { ok: false; reason: 'invalid'; errors: Record<string, string> }

/** For the trainer pages: signed in (else to the sign-in page) and a trainer or admin (else 403). */
export async function requireTrainingManager(request: Request) {
  const user = await requireUser(request)
  invariantResponse(canManageTraining(user), 'Forbidden', 403)
  return user
}

export async function listCoursesForManager({ user }: { user: Manager }) {
  if (!canManageTraining(user)) return []
  const courses = await getDb().course.findMany({
    orderBy: { updatedAt: 'desc' },
    select: { id: true, title: true, publishedAt: true, requiredForLevel: true, openToAll: true, _count: { select: { lessons: true, enrolments: true } }, enrolments: { where: { completedAt: { not: null } }, select: { userId: true } } },
  })
  return courses.map(({ _count, enrolments, ...course }) => ({ ...course, lessons: _count.lessons, learners: _count.enrolments, completed: enrolments.length }))
}

export async function getCourseForManager({ user, courseId }: { user: Manager; courseId: string }) {
  if (!canManageTraining(user)) return null
  return getDb().course.findUnique({
    where: { id: courseId },
    select: {
      id: true,
      title: true,
      description: true,
      openToAll: true,
      requiredForLevel: true,
      publishedAt: true,
      lessons: { orderBy: { position: 'asc' }, select: { id: true, title: true, kind: true, fileName: true, sizeBytes: true, _count: { select: { progress: true } } } },
      assignments: { orderBy: { createdAt: 'asc' }, select: { id: true, role: true, level: true, station: { select: { code: true, name: true } } } },
      _count: { select: { enrolments: true } },
    },
  })
}

export async function getLessonForManager({ user, courseId, lessonId }: { user: Manager; courseId: string; lessonId: string }) {
  if (!canManageTraining(user)) return null
  return getDb().courseLesson.findFirst({ where: { id: lessonId, courseId }, select: { id: true, title: true, kind: true, body: true, fileName: true, mimeType: true, sizeBytes: true } })
}

export async function saveCourse({ user, input, courseId }: { user: Manager; input: CourseInput; courseId?: string }): Promise<Outcome> {
  if (!canManageTraining(user)) return { ok: false, reason: 'forbidden' }
  const db = getDb()
  const data = { title: input.title, description: input.description ?? null, openToAll: input.openToAll, requiredForLevel: input.requiredForLevel ?? null }
  if (!courseId) return { ok: true, ...(await db.course.create({ data: { ...data, createdById: user.id }, select: { id: true } })) }
  const updated = await db.course.updateMany({ where: { id: courseId }, data })
  return updated.count === 1 ? { ok: true, id: courseId } : { ok: false, reason: 'not-found' }
}

/** Publishing needs at least one lesson; unpublishing hides the course from learners again. */
export async function setCoursePublished({ user, courseId, publish, now = new Date() }: { user: Manager; courseId: string; publish: boolean; now?: Date }): Promise<Outcome> {
  if (!canManageTraining(user)) return { ok: false, reason: 'forbidden' }
  const course = await getDb().course.findUnique({ where: { id: courseId }, select: { publishedAt: true, _count: { select: { lessons: true } } } })
  if (!course) return { ok: false, reason: 'not-found' }
  if (publish && course._count.lessons === 0) return { ok: false, reason: 'invalid', errors: { _form: 'invalid.noLessons' } }
  await getDb().course.update({ where: { id: courseId }, data: { publishedAt: publish ? (course.publishedAt ?? now) : null } })
  return { ok: true, id: courseId }
}

export type StoredUpload = { key: string; sizeBytes: number; mimeType: string | undefined; fileName: string }

/** Streams an uploaded lesson file to the file store, stopping at the size limit. */
export async function storeLessonUpload({ fileName, data, limitBytes = LESSON_FILE_MAX_BYTES }: { fileName: string; data: AsyncIterable<Uint8Array>; limitBytes?: number }): Promise<StoredUpload | 'too-large'> {
  try {
    const stored = await getFileStorage().put(data, limitBytes)
    return { key: stored.key, sizeBytes: stored.sizeBytes, mimeType: sniffLessonFile(stored.head), fileName: fileName.replace(/[^\p{L}\p{N}._ -]+/gu, '_').slice(0, 120) || 'lesson' }
  } catch (error) {
    if (error instanceof FileTooLargeError) return 'too-large'
    throw error
  }
}

/** An upload that was not kept (refused form, replaced file). */
export const discardUpload = (key: string) => getFileStorage().remove(key)

/**
 * Adds or changes a lesson. A text lesson's document is checked against the editor schema and
 * rendered to HTML here, once; a video or PDF lesson needs a file whose bytes match its kind.
 * A refused file is removed from the store.
 */
export async function saveLesson({ user, courseId, lessonId, input, upload }: { user: Manager; courseId: string; lessonId?: string; input: LessonInput; upload?: StoredUpload }): Promise<Outcome> {
  const refuse = async (outcome: Outcome) => {
    if (upload) await discardUpload(upload.key)
    return outcome
  }
  if (!canManageTraining(user)) return refuse({ ok: false, reason: 'forbidden' })
  const db = getDb()
  const course = await db.course.findUnique({ where: { id: courseId }, select: { id: true } })
  const existing = lessonId ? await db.courseLesson.findFirst({ where: { id: lessonId, courseId }, select: { fileKey: true, kind: true } }) : null
  if (!course || (lessonId && !existing)) return refuse({ ok: false, reason: 'not-found' })

  let content: Prisma.CourseLessonUpdateInput = { body: Prisma.DbNull, bodyHtml: null, bodyText: null }
  if (input.kind === 'TEXT') {
    try {
      const body = parseRichDoc(input.body)
      const bodyText = richDocToText(body)
      if (!bodyText.trim()) return refuse({ ok: false, reason: 'invalid', errors: { body: 'invalid.body' } })
      content = { body: body as Prisma.InputJsonValue, bodyHtml: richDocToHtml(body), bodyText }
    } catch (error) {
      if (!(error instanceof RichTextError)) throw error
      return refuse({ ok: false, reason: 'invalid', errors: { body: 'invalid.body' } })
    }
  } else if (upload) {
    if (upload.sizeBytes === 0 || !fileFitsKind(input.kind, upload.mimeType)) return refuse({ ok: false, reason: 'invalid', errors: { file: input.kind === 'VIDEO' ? 'invalid.videoType' : 'invalid.pdfType' } })
  } else if (!existing?.fileKey || existing.kind !== input.kind) {
    return { ok: false, reason: 'invalid', errors: { file: 'invalid.fileRequired' } }
  }
  const file = input.kind === 'TEXT' ? { fileKey: null, fileName: null, mimeType: null, sizeBytes: null } : upload ? { fileKey: upload.key, fileName: upload.fileName, mimeType: upload.mimeType!, sizeBytes: upload.sizeBytes } : {}
  const data = { title: input.title, kind: input.kind, ...content, ...file }
  const saved = await db.$transaction(async (tx) => {
    const row = lessonId
      ? await tx.courseLesson.update({ where: { id: lessonId }, data, select: { id: true } })
      : await tx.courseLesson.create({
          data: { ...data, courseId, position: ((await tx.courseLesson.aggregate({ where: { courseId }, _max: { position: true } }))._max.position ?? -1) + 1 } as Prisma.CourseLessonUncheckedCreateInput,
          select: { id: true },
        })
    // Images uploaded in the editor become the lesson's, so its learners may load them.
    const images = input.kind === 'TEXT' ? imageAttachmentIds(content.body) : []
    if (images.length > 0) {
      await tx.attachment.updateMany({ where: { id: { in: images }, uploaderId: user.id, lessonId: null, caseId: null, bulletinId: null, assistanceRequestId: null, assistanceMessageId: null }, data: { lessonId: row.id } })
    }
    return row
  })
  // The file it had before is no longer used once replaced or once the lesson became text.
  if (existing?.fileKey && (upload || input.kind === 'TEXT')) await discardUpload(existing.fileKey)
  await db.course.update({ where: { id: courseId }, data: { updatedAt: new Date() }, select: { id: true } })
  return { ok: true, id: saved.id }
}

export async function moveLesson({ user, courseId, lessonId, direction }: { user: Manager; courseId: string; lessonId: string; direction: 'up' | 'down' }) {
  if (!canManageTraining(user)) return false
  const db = getDb()
  const lessons = await db.courseLesson.findMany({ where: { courseId }, orderBy: { position: 'asc' }, select: { id: true } })
  const order = moveInOrder(lessons.map((lesson) => lesson.id), lessonId, direction)
  await db.$transaction(order.map((id, position) => db.courseLesson.update({ where: { id }, data: { position }, select: { id: true } })))
  return true
}

export async function deleteLesson({ user, courseId, lessonId }: { user: Manager; courseId: string; lessonId: string }) {
  if (!canManageTraining(user)) return false
  const lesson = await getDb().courseLesson.findFirst({ where: { id: lessonId, courseId }, select: { fileKey: true } })
  if (!lesson) return false
  await getDb().courseLesson.delete({ where: { id: lessonId } })
  if (lesson.fileKey) await discardUpload(lesson.fileKey)
  return true
}

/**
 * Assigns a course to everyone matching a role, a level held, and/or a station (all given must
 * match). Those it reaches now are notified once the course is published.
 */
export async function addAssignment({ user, courseId, input, now = new Date() }: { user: Manager; courseId: string; input: AssignmentInput; now?: Date }): Promise<Outcome<{ id: string; notified: number }>> {
  if (!canManageTraining(user)) return { ok: false, reason: 'forbidden' }
  const db = getDb()
  const course = await db.course.findUnique({ where: { id: courseId }, select: { id: true, title: true, publishedAt: true } })
  if (!course) return { ok: false, reason: 'not-found' }
  const station = input.station ? await db.station.findUnique({ where: { code: input.station }, select: { id: true } }) : null
  if (input.station && !station) return { ok: false, reason: 'invalid', errors: { station: 'invalid.station' } }
  const rule = { role: input.role ?? null, level: input.level ?? null, stationId: station?.id ?? null }
  const created = await db.courseAssignment.create({ data: { ...rule, courseId, createdById: user.id }, select: { id: true } })
  let notified = 0
  if (course.publishedAt) {
    const reached = await db.user.findMany({ where: usersMatching(rule, now), select: { id: true } })
    notified = await notifyUsers(reached.map((row) => row.id), { kind: 'training', title: course.title, link: `/training/${course.id}` })
  }
  return { ok: true, id: created.id, notified }
}

export async function removeAssignment({ user, courseId, assignmentId }: { user: Manager; courseId: string; assignmentId: string }) {
  if (!canManageTraining(user)) return false
  return (await getDb().courseAssignment.deleteMany({ where: { id: assignmentId, courseId } })).count === 1
}

/** Station codes and names for the assignment form. */
export const listStationsForAssignment = () => getDb().station.findMany({ orderBy: { code: 'asc' }, select: { code: true, name: true } })
