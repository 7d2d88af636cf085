import fs from 'node:fs'
import { beforeAll, describe, expect, test } from 'vitest'
import { getCourseForLearner, getLessonForLearner, listTrainingHome, markLessonDone, missingRequiredCourses, enrol } from '../../app/modules/training/course.server'
import { addAssignment, removeAssignment, saveCourse, saveLesson, setCoursePublished, storeLessonUpload } from '../../app/modules/training/manage.server'
import { getFileStorage } from '../../app/modules/files/file-storage.server'
import { loader as fileRoute } from '../../app/routes/training.files.$lessonId'
import { loader as manageRoute } from '../../app/routes/training.manage._index'
import { action as lessonAction, loader as lessonRoute } from '../../app/routes/training.$courseId.lessons.$lessonId'
import { getDb } from '../../app/utils/db.server'
import type { SessionUser } from '../../app/utils/session-user'
import { loader as attachmentRoute } from '../../app/routes/files.$fileId'
import { createStation, createTestUser, sessionCookieFor, uploadPng } from '../factories'
import { cluster, recordedWebm } from '../fixtures/webm'
import { callRoute, routeArgs } from '../route-calls'

let trainer: SessionUser
let techA: SessionUser
let techB: SessionUser
let managerA: SessionUser
let stationA: { id: string; code: string }

const doc = (text: string) => ({ type: 'doc' as const, content: [{ type: 'paragraph', content: [{ type: 'text', text }] }] })
const bytes = (buffer: Buffer) => (async function* () { yield buffer })()
const webm = recordedWebm(cluster(0, [0, 500]), cluster(1000, [0, 400, 900]))
const png = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex')

async function course(input: { openToAll?: boolean; requiredForLevel?: 'TECHNICIAN'; publish?: boolean; title?: string } = {}) {
  const saved = await saveCourse({ user: trainer, input: { title: input.title ?? 'Brakes 101', openToAll: input.openToAll ?? true, requiredForLevel: input.requiredForLevel } })
  if (!saved.ok) throw new Error(saved.reason)
  const text = await saveLesson({ user: trainer, courseId: saved.id, input: { title: 'Pads and discs', kind: 'TEXT', body: doc('Measure the disc thickness.') } })
  if (!text.ok) throw new Error(text.reason)
  if (input.publish ?? true) await setCoursePublished({ user: trainer, courseId: saved.id, publish: true })
  return { id: saved.id, textLessonId: text.id }
}

async function addVideo(courseId: string, buffer = webm) {
  const upload = await storeLessonUpload({ fileName: 'bleeding.webm', data: bytes(buffer) })
  if (upload === 'too-large') throw new Error('too large')
  return { upload, saved: await saveLesson({ user: trainer, courseId, input: { title: 'Bleeding the brakes', kind: 'VIDEO' }, upload }) }
}

const fileRequest = async (user: SessionUser, lessonId: string, range?: string) =>
  callRoute(async () =>
    fileRoute(routeArgs(new Request(`http://test/training/files/${lessonId}`, { headers: { Cookie: await sessionCookieFor(user.id), ...(range ? { Range: range } : {}) } }), { lessonId })),
  )

beforeAll(async () => {
  stationA = await createStation()
  const stationB = await createStation()
  trainer = await createTestUser({ role: 'TRAINER' })
  techA = await createTestUser({ stationId: stationA.id })
  techB = await createTestUser({ stationId: stationB.id })
  managerA = await createTestUser({ role: 'STATION_MANAGER', stationId: stationA.id })
})

describe('who may write and see courses', () => {
  test('a technician cannot create or edit courses, nor open the trainer pages', async () => {
    expect(await saveCourse({ user: techA, input: { title: 'Mine', openToAll: true } })).toEqual({ ok: false, reason: 'forbidden' })
    const { id } = await course()
    expect(await saveCourse({ user: techA, courseId: id, input: { title: 'Taken over', openToAll: true } })).toEqual({ ok: false, reason: 'forbidden' })
    expect(await setCoursePublished({ user: techA, courseId: id, publish: false })).toEqual({ ok: false, reason: 'forbidden' })
    const response = await callRoute(async () => manageRoute(routeArgs(new Request('http://test/training/manage', { headers: { Cookie: await sessionCookieFor(techA.id) } }))))
    expect(response.status).toBe(403)
  })

  test('a draft is seen by trainers only; a course not open to all only by those it is assigned to', async () => {
    const draft = await course({ publish: false, title: 'Draft course' })
    expect(await getCourseForLearner({ user: techA, courseId: draft.id })).toBeNull()
    expect(await getCourseForLearner({ user: trainer, courseId: draft.id })).not.toBeNull()
    expect(await enrol({ user: techA, courseId: draft.id })).toBe(false)
    expect((await listTrainingHome({ user: techA })).catalogue.map((row) => row.id)).not.toContain(draft.id)

    const closed = await course({ openToAll: false, title: 'Station A only' })
    expect(await getCourseForLearner({ user: techA, courseId: closed.id })).toBeNull()
    expect(await enrol({ user: techA, courseId: closed.id })).toBe(false)
    const response = await callRoute(async () =>
      lessonRoute(routeArgs(new Request(`http://test/training/${closed.id}/lessons/${closed.textLessonId}`, { headers: { Cookie: await sessionCookieFor(techA.id) } }), { courseId: closed.id, lessonId: closed.textLessonId })),
    )
    expect(response.status).toBe(404)
  })

  test('assignment by station and by role reaches exactly those people and lists the course as theirs', async () => {
    const closed = await course({ openToAll: false, title: 'Assigned course' })
    const byStation = await addAssignment({ user: trainer, courseId: closed.id, input: { station: stationA.code } })
    expect(byStation).toMatchObject({ ok: true, notified: 2 })
    expect(await getCourseForLearner({ user: techA, courseId: closed.id })).toMatchObject({ assigned: true })
    expect(await getCourseForLearner({ user: managerA, courseId: closed.id })).toMatchObject({ assigned: true })
    expect(await getCourseForLearner({ user: techB, courseId: closed.id })).toBeNull()
    expect((await listTrainingHome({ user: techA })).mine.map((row) => row.id)).toContain(closed.id)
    const notification = await getDb().notification.findFirst({ where: { userId: techA.id, kind: 'training' }, select: { link: true } })
    expect(notification?.link).toBe(`/training/${closed.id}`)

    // Technicians of station A only: the manager of station A is no longer reached.
    if (!byStation.ok) throw new Error('not assigned')
    await removeAssignment({ user: trainer, courseId: closed.id, assignmentId: byStation.id })
    await addAssignment({ user: trainer, courseId: closed.id, input: { role: 'TECHNICIAN', station: stationA.code } })
    expect(await getCourseForLearner({ user: techA, courseId: closed.id })).not.toBeNull()
    expect(await getCourseForLearner({ user: managerA, courseId: closed.id })).toBeNull()
    expect(await getCourseForLearner({ user: techB, courseId: closed.id })).toBeNull()

    expect(await addAssignment({ user: trainer, courseId: closed.id, input: { station: 'NOPE' } })).toEqual({ ok: false, reason: 'invalid', errors: { station: 'invalid.station' } })
    expect(await addAssignment({ user: techA, courseId: closed.id, input: { role: 'TECHNICIAN' } })).toEqual({ ok: false, reason: 'forbidden' })
  })

  test('a course open to all is in the catalogue until one enrols, then under "my courses"', async () => {
    const open = await course({ title: 'Catalogue course' })
    expect((await listTrainingHome({ user: techB })).catalogue.map((row) => row.id)).toContain(open.id)
    expect(await enrol({ user: techB, courseId: open.id })).toBe(true)
    expect(await enrol({ user: techB, courseId: open.id })).toBe(true)
    const home = await listTrainingHome({ user: techB })
    expect(home.mine.map((row) => row.id)).toContain(open.id)
    expect(home.catalogue.map((row) => row.id)).not.toContain(open.id)
  })
})

describe('lessons, progress and completion', () => {
  test('publishing needs a lesson; text is rendered to HTML once on save', async () => {
    const empty = await saveCourse({ user: trainer, input: { title: 'Empty', openToAll: true } })
    if (!empty.ok) throw new Error('no course')
    expect(await setCoursePublished({ user: trainer, courseId: empty.id, publish: true })).toEqual({ ok: false, reason: 'invalid', errors: { _form: 'invalid.noLessons' } })
    const { id, textLessonId } = await course()
    const row = await getDb().courseLesson.findUniqueOrThrow({ where: { id: textLessonId }, select: { bodyHtml: true, bodyText: true } })
    expect(row.bodyHtml).toBe('<p>Measure the disc thickness.</p>')
    expect(row.bodyText).toContain('disc thickness')
    const bad = await saveLesson({ user: trainer, courseId: id, input: { title: 'Script', kind: 'TEXT', body: { type: 'doc' as const, content: [{ type: 'script' }] } } })
    expect(bad).toEqual({ ok: false, reason: 'invalid', errors: { body: 'invalid.body' } })
  })

  test('a video lesson keeps only real WebM/MP4 bytes; a refused file leaves nothing on disk', async () => {
    const { id } = await course()
    const { upload, saved } = await addVideo(id, png)
    expect(saved).toEqual({ ok: false, reason: 'invalid', errors: { file: 'invalid.videoType' } })
    expect(fs.existsSync(getFileStorage().localPath(upload.key))).toBe(false)
    const tooBig = await storeLessonUpload({ fileName: 'big.webm', data: bytes(webm), limitBytes: 10 })
    expect(tooBig).toBe('too-large')
    const noFile = await saveLesson({ user: trainer, courseId: id, input: { title: 'No file', kind: 'PDF' } })
    expect(noFile).toEqual({ ok: false, reason: 'invalid', errors: { file: 'invalid.fileRequired' } })
  })

  test('lessons done one by one complete the course; progress is per learner', async () => {
    const { id, textLessonId } = await course({ title: 'Two lessons' })
    const { saved } = await addVideo(id)
    if (!saved.ok) throw new Error('video not saved')
    const first = await markLessonDone({ user: techA, courseId: id, lessonId: textLessonId })
    expect(first).toMatchObject({ done: 1, total: 2, complete: false, nextLessonId: saved.id })
    // Marking twice changes nothing.
    expect(await markLessonDone({ user: techA, courseId: id, lessonId: textLessonId })).toMatchObject({ done: 1 })
    expect((await listTrainingHome({ user: techA })).mine.find((row) => row.id === id)).toMatchObject({ enrolled: true, percent: 50 })

    const cookie = await sessionCookieFor(techA.id)
    const response = await callRoute(() =>
      lessonAction(routeArgs(new Request(`http://test/training/${id}/lessons/${saved.id}`, { method: 'POST', headers: { Cookie: cookie }, body: new URLSearchParams({ intent: 'done' }) }), { courseId: id, lessonId: saved.id })),
    )
    expect(response).toMatchObject({ ok: true, progress: { done: 2, total: 2, percent: 100, complete: true } })
    const view = await getCourseForLearner({ user: techA, courseId: id })
    expect(view?.completedAt).toBeInstanceOf(Date)
    expect(view?.lessons.every((lesson) => lesson.done)).toBe(true)
    expect((await getCourseForLearner({ user: techB, courseId: id }))?.progress).toMatchObject({ done: 0, complete: false })

    const lesson = await getLessonForLearner({ user: techA, courseId: id, lessonId: saved.id })
    expect(lesson).toMatchObject({ previous: { id: textLessonId }, next: null, lesson: { number: 2, fileUrl: `/training/files/${saved.id}` } })

    const bad = await callRoute(() =>
      lessonAction(routeArgs(new Request(`http://test/training/${id}/lessons/${saved.id}`, { method: 'POST', headers: { Cookie: cookie }, body: new URLSearchParams({ intent: 'hack' }) }), { courseId: id, lessonId: saved.id })),
    )
    expect(bad.status).toBe(400)
  })

  test('a level names its required courses until they are complete', async () => {
    const required = await course({ requiredForLevel: 'TECHNICIAN', title: 'Required for technicians' })
    expect((await missingRequiredCourses({ userId: techB.id, level: 'TECHNICIAN' })).map((row) => row.id)).toContain(required.id)
    expect(await missingRequiredCourses({ userId: techB.id, level: 'SENIOR_MASTER' })).toEqual([])
    // Other courses required for the level (from other tests) are completed too.
    for (const missing of await missingRequiredCourses({ userId: techB.id, level: 'TECHNICIAN' })) {
      const lessons = await getDb().courseLesson.findMany({ where: { courseId: missing.id }, select: { id: true } })
      for (const lesson of lessons) await markLessonDone({ user: techB, courseId: missing.id, lessonId: lesson.id })
    }
    expect(await missingRequiredCourses({ userId: techB.id, level: 'TECHNICIAN' })).toEqual([])
  })
})

describe('images in a lesson text', () => {
  test('load for those who may open the course, and for nobody else', async () => {
    const { id } = await course({ openToAll: false, title: 'Pictures for station A' })
    await addAssignment({ user: trainer, courseId: id, input: { station: stationA.code } })
    const image = await uploadPng(trainer, 'caliper.png')
    const body = { type: 'doc' as const, content: [{ type: 'paragraph', content: [{ type: 'text', text: 'The caliper:' }] }, { type: 'image', attrs: { src: `/files/${image.id}`, alt: 'caliper' } }] }
    const saved = await saveLesson({ user: trainer, courseId: id, input: { title: 'Caliper', kind: 'TEXT', body } })
    expect(saved.ok).toBe(true)
    const load = async (user: SessionUser) =>
      callRoute(async () => attachmentRoute(routeArgs(new Request(`http://test/files/${image.id}`, { headers: { Cookie: await sessionCookieFor(user.id) } }), { fileId: image.id })))
    expect((await load(techA)).status).toBe(200)
    expect((await load(techB)).status).toBe(404)
  })
})

describe('a video lesson is served with range requests', () => {
  test('206 with Content-Range for a part, 200 for all, 416 outside, 404 for those who may not see it', async () => {
    const { id } = await course({ openToAll: false, title: 'Video for station A' })
    await addAssignment({ user: trainer, courseId: id, input: { station: stationA.code } })
    const { saved } = await addVideo(id)
    if (!saved.ok) throw new Error('video not saved')

    const part = await fileRequest(techA, saved.id, 'bytes=0-9')
    expect(part.status).toBe(206)
    expect(part.headers.get('Content-Range')).toBe(`bytes 0-9/${webm.length}`)
    expect(part.headers.get('Content-Type')).toBe('video/webm')
    expect(part.headers.get('Accept-Ranges')).toBe('bytes')
    expect(Buffer.from(await part.arrayBuffer())).toEqual(webm.subarray(0, 10))

    const tail = await fileRequest(techA, saved.id, `bytes=${webm.length - 5}-`)
    expect(tail.status).toBe(206)
    expect(Buffer.from(await tail.arrayBuffer())).toEqual(webm.subarray(webm.length - 5))

    const whole = await fileRequest(techA, saved.id)
    expect(whole.status).toBe(200)
    expect(Buffer.from(await whole.arrayBuffer())).toEqual(webm)

    const outside = await fileRequest(techA, saved.id, `bytes=${webm.length}-`)
    expect(outside.status).toBe(416)
    expect(outside.headers.get('Content-Range')).toBe(`bytes */${webm.length}`)

    expect((await fileRequest(techB, saved.id, 'bytes=0-9')).status).toBe(404)
  })
})
