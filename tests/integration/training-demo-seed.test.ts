import { expect, test } from 'vitest'
import { seedDemoTraining } from '../../app/modules/training/demo/seed-training.server'
import { getLessonForLearner, listTrainingHome, openLessonFile } from '../../app/modules/training/course.server'
import { createUser } from '../../app/utils/user.server'
import { getDb } from '../../app/utils/db.server'
import { createStation } from '../factories'
import fs from 'node:fs'

test('the demo course is published, assigned to technicians, and seeded once; its PDF lesson is a real PDF on disk', async () => {
  const station = await createStation()
  await createUser({ email: 'trainer@gtac.test', name: 'Trainer', password: 'test-password', role: 'TRAINER', stationId: null })
  const tech = await createUser({ email: 'tech@gtac.test', name: 'Tech', password: 'test-password', role: 'TECHNICIAN', stationId: station.id })
  const lines: string[] = []
  await seedDemoTraining({ log: (line) => lines.push(line) })
  await seedDemoTraining({ log: (line) => lines.push(line) })
  expect(lines).toHaveLength(1)
  expect(await getDb().course.count()).toBe(1)

  const home = await listTrainingHome({ user: tech })
  expect(home.mine).toHaveLength(1)
  expect(home.mine[0]).toMatchObject({ assigned: true, total: 4, done: 0 })
  const course = await getDb().course.findFirstOrThrow({ select: { id: true, lessons: { orderBy: { position: 'asc' }, select: { id: true, kind: true } } } })
  expect(course.lessons.map((lesson) => lesson.kind)).toEqual(['TEXT', 'TEXT', 'TEXT', 'PDF'])
  const pdfLesson = course.lessons[3]
  const view = await getLessonForLearner({ user: tech, courseId: course.id, lessonId: pdfLesson.id })
  expect(view?.lesson.fileUrl).toBe(`/training/files/${pdfLesson.id}`)
  const file = await openLessonFile({ user: tech, lessonId: pdfLesson.id })
  expect(file?.mimeType).toBe('application/pdf')
  expect(fs.readFileSync(file!.path).subarray(0, 5).toString()).toBe('%PDF-')
})
