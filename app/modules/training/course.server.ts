import type { CertificationLevel, Prisma } from '~/generated/prisma/client'
import { getDb } from '~/utils/db.server'
import { getFileStorage } from '~/modules/files/file-storage.server'
import { courseProgress, neighbours } from './progress'
import { assignedCoursesWhere, visibleCoursesWhere, type Learner } from './visibility.server'

const lessonOrder = { orderBy: { position: 'asc' as const } }

async function doneLessonIds(userId: string, lessonIds: string[], db: Prisma.TransactionClient = getDb()) {
  if (lessonIds.length === 0) return new Set<string>()
  const rows = await db.lessonProgress.findMany({ where: { userId, lessonId: { in: lessonIds } }, select: { lessonId: true } })
  return new Set(rows.map((row) => row.lessonId))
}

/** `/training`: the courses I am in or am assigned, with my progress, and the catalogue of the rest open to all. */
export async function listTrainingHome({ user, now = new Date() }: { user: Learner; now?: Date }) {
  const db = getDb()
  const [visible, assigned] = await Promise.all([visibleCoursesWhere(user, now), assignedCoursesWhere(user, now)])
  const published = { publishedAt: { not: null, lte: now } }
  const courses = await db.course.findMany({
    where: { AND: [visible, published] },
    orderBy: [{ publishedAt: 'desc' }],
    select: {
      id: true,
      title: true,
      description: true,
      requiredForLevel: true,
      openToAll: true,
      lessons: { ...lessonOrder, select: { id: true } },
      enrolments: { where: { userId: user.id }, select: { completedAt: true } },
    },
  })
  const assignedIds = new Set((await db.course.findMany({ where: { AND: [assigned, published] }, select: { id: true } })).map((course) => course.id))
  const done = await doneLessonIds(user.id, courses.flatMap((course) => course.lessons.map((lesson) => lesson.id)))
  const rows = courses.map((course) => {
    const lessonIds = course.lessons.map((lesson) => lesson.id)
    return {
      id: course.id,
      title: course.title,
      description: course.description,
      requiredForLevel: course.requiredForLevel,
      assigned: assignedIds.has(course.id),
      enrolled: course.enrolments.length > 0,
      ...courseProgress(lessonIds, done),
    }
  })
  return {
    mine: rows.filter((row) => row.enrolled || row.assigned),
    catalogue: rows.filter((row) => !row.enrolled && !row.assigned),
  }
}

/** A course as its learner sees it: lessons in order with what they have done; null when not theirs to see. */
export async function getCourseForLearner({ user, courseId, now = new Date() }: { user: Learner; courseId: string; now?: Date }) {
  const db = getDb()
  const course = await db.course.findFirst({
    where: { AND: [{ id: courseId }, await visibleCoursesWhere(user, now)] },
    select: {
      id: true,
      title: true,
      description: true,
      requiredForLevel: true,
      publishedAt: true,
      lessons: { ...lessonOrder, select: { id: true, title: true, kind: true } },
      enrolments: { where: { userId: user.id }, select: { enrolledAt: true, completedAt: true } },
    },
  })
  if (!course) return null
  const assigned = (await db.course.count({ where: { AND: [{ id: courseId }, await assignedCoursesWhere(user, now)] } })) > 0
  const done = await doneLessonIds(user.id, course.lessons.map((lesson) => lesson.id))
  const enrolment = course.enrolments[0] ?? null
  return {
    id: course.id,
    title: course.title,
    description: course.description,
    requiredForLevel: course.requiredForLevel,
    published: course.publishedAt !== null,
    lessons: course.lessons.map((lesson) => ({ ...lesson, done: done.has(lesson.id) })),
    enrolled: enrolment !== null,
    completedAt: enrolment?.completedAt ?? null,
    assigned,
    progress: courseProgress(course.lessons.map((lesson) => lesson.id), done),
  }
}

/** Joins a course the user may see; joining twice changes nothing. */
export async function enrol({ user, courseId, now = new Date() }: { user: Learner; courseId: string; now?: Date }) {
  const course = await getDb().course.findFirst({ where: { AND: [{ id: courseId, publishedAt: { not: null } }, await visibleCoursesWhere(user, now)] }, select: { id: true } })
  if (!course) return false
  const assigned = (await getDb().course.count({ where: { AND: [{ id: courseId }, await assignedCoursesWhere(user, now)] } })) > 0
  await getDb().courseEnrolment.upsert({ where: { courseId_userId: { courseId, userId: user.id } }, create: { courseId, userId: user.id, assigned }, update: {} })
  return true
}

/** One lesson with its rendered text or file address, its neighbours and the course's progress. */
export async function getLessonForLearner({ user, courseId, lessonId, now = new Date() }: { user: Learner; courseId: string; lessonId: string; now?: Date }) {
  const course = await getCourseForLearner({ user, courseId, now })
  if (!course) return null
  const summary = course.lessons.find((lesson) => lesson.id === lessonId)
  if (!summary) return null
  const lesson = await getDb().courseLesson.findUniqueOrThrow({
    where: { id: lessonId },
    select: { id: true, title: true, kind: true, bodyHtml: true, fileName: true, mimeType: true, sizeBytes: true },
  })
  const { previous, next, index } = neighbours(course.lessons, lessonId)
  return {
    course: { id: course.id, title: course.title, lessonCount: course.lessons.length, progress: course.progress, enrolled: course.enrolled, published: course.published },
    lesson: {
      ...lesson,
      number: index + 1,
      done: summary.done,
      fileUrl: lesson.kind === 'TEXT' ? null : `/training/files/${lesson.id}`,
    },
    previous: previous ? { id: previous.id, title: previous.title } : null,
    next: next ? { id: next.id, title: next.title } : null,
  }
}

/**
 * A lesson is done (opened to its end, watched, or marked): joins the course if need be, and
 * completes the course once every lesson is done. Only published courses count.
 */
export async function markLessonDone({ user, courseId, lessonId, now = new Date() }: { user: Learner; courseId: string; lessonId: string; now?: Date }) {
  const course = await getCourseForLearner({ user, courseId, now })
  if (!course || !course.published || !course.lessons.some((lesson) => lesson.id === lessonId)) return null
  const db = getDb()
  return db.$transaction(async (tx) => {
    await tx.courseEnrolment.upsert({ where: { courseId_userId: { courseId, userId: user.id } }, create: { courseId, userId: user.id, assigned: course.assigned }, update: {} })
    await tx.lessonProgress.createMany({ data: [{ lessonId, userId: user.id, completedAt: now }], skipDuplicates: true })
    const done = await doneLessonIds(user.id, course.lessons.map((lesson) => lesson.id), tx)
    const progress = courseProgress(course.lessons.map((lesson) => lesson.id), done)
    if (progress.complete) await tx.courseEnrolment.updateMany({ where: { courseId, userId: user.id, completedAt: null }, data: { completedAt: now } })
    return progress
  })
}

/** A video or PDF lesson's file on disk, for whoever may open its course. */
export async function openLessonFile({ user, lessonId, now = new Date() }: { user: Learner; lessonId: string; now?: Date }) {
  const lesson = await getDb().courseLesson.findFirst({
    where: { id: lessonId, fileKey: { not: null }, course: await visibleCoursesWhere(user, now) },
    select: { fileKey: true, fileName: true, mimeType: true, sizeBytes: true },
  })
  if (!lesson?.fileKey || !lesson.mimeType || lesson.sizeBytes === null) return null
  return { path: getFileStorage().localPath(lesson.fileKey), mimeType: lesson.mimeType, sizeBytes: lesson.sizeBytes, fileName: lesson.fileName ?? 'lesson' }
}

/**
 * The published courses a level requires that this user has not completed (every lesson done).
 * Empty when the level needs no course. Used by the exams module before granting a level.
 */
export async function missingRequiredCourses({ userId, level, db = getDb() }: { userId: string; level: CertificationLevel; db?: Prisma.TransactionClient }) {
  const required = await db.course.findMany({
    where: { requiredForLevel: level, publishedAt: { not: null } },
    select: { id: true, title: true, lessons: { select: { id: true } } },
  })
  if (required.length === 0) return []
  const done = await doneLessonIds(userId, required.flatMap((course) => course.lessons.map((lesson) => lesson.id)), db)
  return required.filter((course) => !courseProgress(course.lessons.map((lesson) => lesson.id), done).complete).map(({ id, title }) => ({ id, title }))
}


/** Which attachments a user may load as lesson images: those of lessons of courses they may open (for the files route). */
export async function lessonImagesVisibleWhere({ user, now = new Date() }: { user: Learner; now?: Date }): Promise<Prisma.AttachmentWhereInput> {
  return { lesson: { course: await visibleCoursesWhere(user, now) } }
}
