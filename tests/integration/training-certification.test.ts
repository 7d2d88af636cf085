import { beforeAll, expect, test } from 'vitest'
import { getAttempt, startAttempt, submitAttempt } from '../../app/modules/exams/attempts.server'
import { heldLevels, listCertifications } from '../../app/modules/exams/certification.server'
import { markLessonDone } from '../../app/modules/training/course.server'
import { saveCourse, saveLesson, setCoursePublished } from '../../app/modules/training/manage.server'
import { getDb } from '../../app/utils/db.server'
import type { SessionUser } from '../../app/utils/session-user'
import { createQuestions, publishedPaper, singleChoice, trueFalse } from '../exam-factories'
import { createTestUser } from '../factories'

let trainer: SessionUser

const doc = (text: string) => ({ type: 'doc' as const, content: [{ type: 'paragraph', content: [{ type: 'text', text }] }] })

async function passExam(user: SessionUser, paperId: string) {
  const started = await startAttempt({ user, paperId })
  if (!started.ok) throw new Error(started.reason)
  const stored = await getDb().examAttempt.findUniqueOrThrow({ where: { id: started.attemptId }, select: { questions: true } })
  const questions = stored.questions as Array<{ id: string; options: Array<{ id: string; correct: boolean }> }>
  const answers = Object.fromEntries(questions.map((question) => [question.id, question.options.filter((option) => option.correct).map((option) => option.id)]))
  const outcome = await submitAttempt({ user, attemptId: started.attemptId, answers })
  if (!outcome.ok) throw new Error('not submitted')
  return started.attemptId
}

beforeAll(async () => {
  trainer = await createTestUser({ role: 'TRAINER' })
})

test('a level whose course is required is granted only once the course is complete, before or after the exam', async () => {
  const ids = await createQuestions(trainer, [singleChoice(), trueFalse(true)])
  const paperId = await publishedPaper(trainer, { fixed: ids, level: 'TECHNICIAN' })
  const course = await saveCourse({ user: trainer, input: { title: 'Technician foundations', openToAll: true, requiredForLevel: 'TECHNICIAN' } })
  if (!course.ok) throw new Error('no course')
  const lesson = await saveLesson({ user: trainer, courseId: course.id, input: { title: 'Safety', kind: 'TEXT', body: doc('Chock the wheels.') } })
  if (!lesson.ok) throw new Error('no lesson')
  await setCoursePublished({ user: trainer, courseId: course.id, publish: true })

  // Passing first: no level yet, and the result names the course still to do.
  const early = await createTestUser()
  const attemptId = await passExam(early, paperId)
  const result = await getAttempt({ user: early, attemptId })
  expect(result).toMatchObject({ state: 'finished', passed: true, certification: null, coursesRequired: [{ id: course.id, title: 'Technician foundations' }] })
  expect(await listCertifications({ userId: early.id })).toEqual([])
  expect(await heldLevels({ userId: early.id })).toEqual(new Set())
  // Completing the course afterwards grants the level from that passed exam.
  await markLessonDone({ user: early, courseId: course.id, lessonId: lesson.id })
  expect(await listCertifications({ userId: early.id })).toMatchObject([{ level: 'TECHNICIAN', attemptId, expired: false }])
  expect(await listCertifications({ userId: early.id })).toHaveLength(1)
  expect(await getDb().certification.count({ where: { userId: early.id } })).toBe(1)

  // Course first: passing grants the level at once.
  const diligent = await createTestUser()
  await markLessonDone({ user: diligent, courseId: course.id, lessonId: lesson.id })
  const granted = await passExam(diligent, paperId)
  expect(await getAttempt({ user: diligent, attemptId: granted })).toMatchObject({ certification: { level: 'TECHNICIAN' }, coursesRequired: [] })

  // A draft course required for a level does not hold anyone back.
  const draft = await saveCourse({ user: trainer, input: { title: 'Unfinished', openToAll: true, requiredForLevel: 'TECHNICIAN' } })
  if (!draft.ok) throw new Error('no draft')
  const another = await createTestUser()
  await markLessonDone({ user: another, courseId: course.id, lessonId: lesson.id })
  const third = await passExam(another, paperId)
  expect(await getAttempt({ user: another, attemptId: third })).toMatchObject({ certification: { level: 'TECHNICIAN' } })
})
