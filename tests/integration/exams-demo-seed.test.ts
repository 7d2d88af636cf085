import { beforeAll, expect, test } from 'vitest'
import { listOpenExams, startAttempt } from '../../app/modules/exams/attempts.server'
import { DEMO_TECHNICIAN_EXAM, seedDemoExams } from '../../app/modules/exams/demo/seed-exams.server'
import { SYSTEM_CODES } from '../../app/utils/vehicle-schema'
import { seedDemoStationsAndUsers } from '../../app/runtime/seed.server'
import { getDb } from '../../app/utils/db.server'

const log: string[] = []

beforeAll(async () => {
  await seedDemoStationsAndUsers()
  await seedDemoExams({ log: (line) => log.push(line) })
})

test('the demo bank has questions of every system and kind, in Chinese and English', async () => {
  const questions = await getDb().question.findMany({ select: { systemCode: true, kind: true, stem: true } })
  expect(questions.length).toBeGreaterThanOrEqual(40)
  expect(new Set(questions.map((question) => question.systemCode))).toEqual(new Set(SYSTEM_CODES))
  expect(new Set(questions.map((question) => question.kind))).toEqual(new Set(['SINGLE', 'MULTIPLE', 'TRUE_FALSE']))
  expect(questions.every((question) => /[\u4e00-\u9fff]/.test(question.stem) && /[A-Za-z]{3}/.test(question.stem))).toBe(true)
})

test('seeding again adds nothing', async () => {
  const before = await getDb().question.count()
  await seedDemoExams({ log: (line) => log.push(line) })
  expect(await getDb().question.count()).toBe(before)
  expect(await getDb().examPaper.count()).toBe(3)
  expect(log).toHaveLength(2)
})

test('forty demo candidates over the four demo stations have six months of finished attempts at all three exams', async () => {
  const db = getDb()
  const candidates = await db.user.findMany({ where: { email: { startsWith: 'candidate' } }, select: { station: { select: { region: true } } } })
  expect(candidates).toHaveLength(40)
  expect(new Set(candidates.map((candidate) => candidate.station?.region)).size).toBe(4)
  const attempts = await db.examAttempt.findMany({ select: { paperId: true, status: true, finishedAt: true, passed: true, results: true } })
  expect(attempts.length).toBeGreaterThan(150)
  expect(attempts.every((attempt) => attempt.status !== 'IN_PROGRESS' && attempt.finishedAt && attempt.results)).toBe(true)
  expect(new Set(attempts.map((attempt) => attempt.paperId)).size).toBe(3)
  expect(new Set(attempts.map((attempt) => attempt.finishedAt!.toISOString().slice(0, 7))).size).toBeGreaterThanOrEqual(5)
  expect(attempts.some((attempt) => attempt.passed) && attempts.some((attempt) => !attempt.passed)).toBe(true)
  // Every passed levelled exam granted its level, as the grading does.
  expect(await db.certification.count()).toBe(await db.examAttempt.count({ where: { passed: true, level: { not: null } } }))
})

test('tech@gtac.test can take the technician exam; the senior exam waits for that level', async () => {
  const tech = await getDb().user.findUniqueOrThrow({ where: { email: 'tech@gtac.test' }, select: { id: true } })
  const open = await listOpenExams({ user: tech })
  expect(open.map((exam) => exam.title)).toContain(DEMO_TECHNICIAN_EXAM)
  expect(open.find((exam) => exam.title === DEMO_TECHNICIAN_EXAM)).toMatchObject({ level: 'technician', timeLimitMinutes: 30, attemptsLeft: 3 })
  expect(open.some((exam) => exam.title.includes('Senior technician'))).toBe(false)
  const paper = await getDb().examPaper.findFirstOrThrow({ where: { title: DEMO_TECHNICIAN_EXAM }, select: { id: true } })
  const started = await startAttempt({ user: tech, paperId: paper.id })
  expect(started.ok).toBe(true)
  const attempt = await getDb().examAttempt.findFirstOrThrow({ where: { userId: tech.id }, select: { maxPoints: true } })
  expect(attempt.maxPoints).toBe(10)
})
