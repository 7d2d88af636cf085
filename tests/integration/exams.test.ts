import { beforeAll, describe, expect, test } from 'vitest'
import { getAttempt, listMyAttempts, listOpenExams, saveAnswer, startAttempt, submitAttempt, type OpenAttemptView } from '../../app/modules/exams/attempts.server'
import { listCertifications } from '../../app/modules/exams/certification.server'
import { drawQuestions, type BankQuestion } from '../../app/modules/exams/draw'
import { getPaper, setPaperPublished, createPaper } from '../../app/modules/exams/papers.server'
import { parseQuestionFile } from '../../app/modules/exams/question-file'
import { ExamAccessError, getQuestion, importQuestions, listQuestions, setQuestionRetired, updateQuestion } from '../../app/modules/exams/questions.server'
import { loader as examsApi } from '../../app/routes/api.exams'
import { action as startApi } from '../../app/routes/api.exams.$examId.attempts'
import { action as answersApi } from '../../app/routes/api.attempts.$attemptId.answers'
import { action as submitApi } from '../../app/routes/api.attempts.$attemptId.submit'
import { createApiToken } from '../../app/utils/api-token.server'
import { getDb } from '../../app/utils/db.server'
import type { SessionUser } from '../../app/utils/session-user'
import { createQuestions, multipleChoice, paperInput, publishedPaper, singleChoice, trueFalse } from '../exam-factories'
import { loader as examListPage } from '../../app/routes/exams._index'
import { loader as examStartPage } from '../../app/routes/exams.$examId'
import { loader as attemptPage, action as attemptPageAction } from '../../app/routes/exams.attempts.$attemptId'
import { loader as bankPage } from '../../app/routes/exams.manage.questions._index'
import { action as importAction } from '../../app/routes/exams.manage.questions.import'
import { loader as memberCenter } from '../../app/routes/me'
import { createStation, createTestUser, sessionCookieFor } from '../factories'
import { callRoute, jsonRequest, routeArgs } from '../route-calls'

let trainer: SessionUser
let stationId: string
const tokens = new Map<string, string>()
const tokenOf = (user: SessionUser) => tokens.get(user.id)!

async function candidate() {
  const user = await createTestUser({ stationId })
  tokens.set(user.id, (await createApiToken({ userId: user.id, name: 'test' })).token)
  return user
}

const MINUTE = 60_000
const later = (minutes: number, from = new Date()) => new Date(from.getTime() + minutes * MINUTE)

async function start(user: SessionUser, paperId: string, options: { now?: Date; seed?: number } = {}) {
  const outcome = await startAttempt({ user, paperId, ...options })
  if (!outcome.ok) throw new Error(`could not start: ${outcome.reason}`)
  const view = await getAttempt({ user, attemptId: outcome.attemptId, now: options.now })
  if (view?.state !== 'open') throw new Error('attempt is not open')
  return view
}

/** The stored copy (with the answers), as only the server sees it. */
async function storedQuestions(attemptId: string) {
  const row = await getDb().examAttempt.findUniqueOrThrow({ where: { id: attemptId }, select: { questions: true } })
  return row.questions as Array<{ id: string; kind: string; stem: string; explanation: string | null; options: Array<{ id: string; text: string; correct: boolean }> }>
}
const rightOptions = async (attemptId: string) =>
  Object.fromEntries((await storedQuestions(attemptId)).map((question) => [question.id, question.options.filter((option) => option.correct).map((option) => option.id)]))

const moveDeadlineIntoPast = (attemptId: string, minutesAgo = 1) =>
  getDb().examAttempt.update({ where: { id: attemptId }, data: { deadline: later(-minutesAgo) }, select: { id: true } })

beforeAll(async () => {
  stationId = (await createStation()).id
  trainer = await createTestUser({ role: 'TRAINER' })
})

describe('question bank', () => {
  test('only trainers and admins read or write it', async () => {
    const tech = await candidate()
    await expect(listQuestions({ user: tech })).rejects.toBeInstanceOf(ExamAccessError)
    await expect(importQuestions({ user: tech, questions: [singleChoice()] })).rejects.toBeInstanceOf(ExamAccessError)
    const admin = await createTestUser({ role: 'ADMIN' })
    await expect(listQuestions({ user: admin })).resolves.toHaveProperty('rows')
  })

  test('a CSV import reports every bad row by its spreadsheet row number and imports nothing', async () => {
    const before = await getDb().question.count()
    const csv = [
      'kind,system,level,difficulty,stem,A,B,C,D,answer,explanation',
      'single,engine,technician,1,"Which sensor, of these, reads intake air?",MAF,ECT,CKP,,A,The MAF sensor',
      'single,warp,technician,1,Bad system,A1,B1,,,A,',
      'multiple,electrical,senior_technician,2,"Two right, ""quoted""",x,y,z,,AC,',
      'true_false,chassis,technician,5,Difficulty out of range,,,,,true,',
      'single,body,技师,2,Answer letter without an option,A1,B1,,,C,',
      '',
      'true_false,hvac,technician,1,TF answer is not a truth value,,,,,maybe,',
    ].join('\r\n')
    const parsed = parseQuestionFile({ fileName: 'bank.csv', text: csv })
    expect(parsed.ok).toBe(false)
    if (parsed.ok) return
    expect(parsed.errors.map((error) => [error.row, error.field])).toEqual([
      [3, 'system'],
      [5, 'difficulty'],
      [6, 'answer'],
      [8, 'answer'],
    ])
    expect(await getDb().question.count()).toBe(before)
  })

  test('a header without required columns is a row-1 error; a JSON file reports item numbers', () => {
    const missing = parseQuestionFile({ fileName: 'x.csv', text: 'kind,stem,colour\nsingle,x,red' })
    expect(missing.ok).toBe(false)
    if (!missing.ok) expect(missing.errors.every((error) => error.row === 1)).toBe(true)
    const json = parseQuestionFile({
      fileName: 'x.json',
      text: JSON.stringify([
        { kind: 'true_false', system: 'ev', level: 'technician', difficulty: 1, stem: 'ok', answer: true },
        { kind: 'single', system: 'ev', level: 'nobody', difficulty: 1, stem: 'bad level', options: [{ text: 'a', correct: true }, { text: 'b', correct: false }] },
      ]),
    })
    expect(json.ok).toBe(false)
    if (!json.ok) expect(json.errors).toEqual([{ row: 2, field: 'level', message: 'invalid.level' }])
  })

  test('a valid file imports all its questions at once; the export reads back the same', async () => {
    const csv = [
      'kind,system,level,difficulty,stem,A,B,C,answer,explanation',
      'single,engine,technician,1,"Which sensor, of these, reads intake air?",MAF,ECT,CKP,A,The MAF sensor',
      'multiple,electrical,senior_technician,2,"Two right, ""quoted""",x,y,z,AC,',
      '判断,chassis,技术员,1,-40 °C is cold,,,,正确,',
    ].join('\n')
    const parsed = parseQuestionFile({ fileName: 'bank.csv', text: csv })
    expect(parsed.ok).toBe(true)
    if (!parsed.ok) return
    const { questionsToCsv } = await import('../../app/modules/exams/question-file')
    const roundTrip = parseQuestionFile({ fileName: 'again.csv', text: questionsToCsv(parsed.questions.map((question) => ({ ...question, explanation: question.explanation ?? null }))) })
    expect(roundTrip).toEqual(parsed)
    expect(await importQuestions({ user: trainer, questions: parsed.questions })).toBe(3)
    const { rows } = await listQuestions({ user: trainer, filter: { q: 'quoted' } })
    expect(rows).toHaveLength(1)
    expect(rows[0]).toMatchObject({ kind: 'MULTIPLE', level: 'SENIOR_TECHNICIAN', stem: 'Two right, "quoted"' })
    expect(rows[0].options.map((option) => option.correct)).toEqual([true, false, true])
  })
})

describe('drawing an attempt', () => {
  const bankQuestion = (id: string, systemCode: string, difficulty: number): BankQuestion => ({
    id,
    kind: 'SINGLE',
    stem: id,
    options: ['a', 'b', 'c', 'd'].map((option) => ({ id: `${id}-${option}`, text: option, correct: option === 'a' })),
    explanation: null,
    systemCode,
    difficulty,
    level: 'TECHNICIAN',
  })
  const pool = [
    ...Array.from({ length: 8 }, (_, index) => bankQuestion(`e${index}`, 'engine', 1)),
    ...Array.from({ length: 5 }, (_, index) => bankQuestion(`x${index}`, 'electrical', 2)),
    ...Array.from({ length: 5 }, (_, index) => bankQuestion(`h${index}`, 'engine', 3)),
  ]
  const rules = [
    { systemCode: 'engine' as const, difficulty: 1, count: 3 },
    { systemCode: 'electrical' as const, difficulty: 2, count: 2 },
  ]

  test('each rule draws its count from its category and difficulty; fixed questions are always in', () => {
    const { questions, shortfalls } = drawQuestions({ seed: 7, fixed: [pool[15]], pool, rules })
    expect(shortfalls).toEqual([])
    expect(questions).toHaveLength(6)
    expect(questions.map((question) => question.id)).toContain('h2')
    expect(questions.filter((question) => question.systemCode === 'engine' && question.difficulty === 1)).toHaveLength(3)
    expect(questions.filter((question) => question.systemCode === 'electrical')).toHaveLength(2)
    expect(new Set(questions.map((question) => question.id)).size).toBe(6)
  })

  test('the same seed gives the same questions in the same order with the same option order, whatever the pool order', () => {
    const first = drawQuestions({ seed: 12345, fixed: [], pool, rules })
    const again = drawQuestions({ seed: 12345, fixed: [], pool: [...pool].reverse(), rules })
    expect(again).toEqual(first)
    const other = drawQuestions({ seed: 54321, fixed: [], pool, rules })
    expect(other.questions.map((question) => [question.id, question.options.map((option) => option.id)])).not.toEqual(
      first.questions.map((question) => [question.id, question.options.map((option) => option.id)]),
    )
    // Options are shuffled too: across the attempt, not every question keeps the written order.
    expect(first.questions.some((question) => question.options[0].text !== 'a')).toBe(true)
  })

  test('a rule wanting more than the pool has is reported', () => {
    expect(drawQuestions({ seed: 1, fixed: [], pool, rules: [{ systemCode: 'electrical', count: 9 }] }).shortfalls).toEqual([{ rule: 0, wanted: 9, available: 5 }])
  })

  test('attempts store their seed; the same seed over the same bank draws the same paper; retired questions are never drawn', async () => {
    const system = 'hvac'
    const ids = await createQuestions(trainer, Array.from({ length: 7 }, () => singleChoice({ systemCode: system, difficulty: 3 })))
    await setQuestionRetired({ user: trainer, questionId: ids[0], retired: true })
    const paperId = await publishedPaper(trainer, { rules: [{ systemCode: system, difficulty: 3, count: 4 }], maxAttempts: 5 })
    const [one, two] = [await candidate(), await candidate()]
    const first = await start(one, paperId, { seed: 99 })
    const second = await start(two, paperId, { seed: 99 })
    expect(second.questions).toEqual(first.questions)
    expect(first.questions).toHaveLength(4)
    expect(first.questions.map((question) => question.id)).not.toContain(ids[0])
    const stored = await getDb().examAttempt.findUniqueOrThrow({ where: { id: first.id }, select: { seed: true } })
    expect(stored.seed).toBe(99)
  })

  test('a paper whose rules the bank cannot fill cannot be published', async () => {
    const { id } = await createPaper({ user: trainer, input: paperInput({ drawRules: [{ systemCode: 'body', difficulty: 3, level: 'SENIOR_MASTER', count: 50 }] }) })
    expect(await setPaperPublished({ user: trainer, paperId: id, published: true })).toEqual({ ok: false, reason: 'shortfall' })
    const empty = await createPaper({ user: trainer, input: paperInput() })
    expect(await setPaperPublished({ user: trainer, paperId: empty.id, published: true })).toEqual({ ok: false, reason: 'empty' })
    const paper = await getPaper({ user: trainer, paperId: id })
    expect(paper?.problems.shortfalls).toEqual([{ rule: 0, wanted: 50, available: 0 }])
  })
})

describe('grading', () => {
  let paperId: string
  let partialPaperId: string
  let questionIds: string[]

  beforeAll(async () => {
    questionIds = await createQuestions(trainer, [singleChoice(), multipleChoice(), trueFalse(true), trueFalse(false)])
    paperId = await publishedPaper(trainer, { fixed: questionIds, passPercent: 75, partialCredit: false })
    partialPaperId = await publishedPaper(trainer, { fixed: questionIds, passPercent: 60, partialCredit: true })
  })

  test('every right answer scores 100 and passes', async () => {
    const user = await candidate()
    const attempt = await start(user, paperId)
    const outcome = await submitAttempt({ user, attemptId: attempt.id, answers: await rightOptions(attempt.id) })
    expect(outcome.ok).toBe(true)
    if (outcome.ok) expect(outcome.result).toMatchObject({ status: 'SUBMITTED', score: 100, points: 4, maxPoints: 4, passed: true })
  })

  test('multiple choice: one of two right options scores nothing without partial credit, half with it; a wrong option scores nothing', async () => {
    const answersWithHalf = async (attempt: OpenAttemptView) => {
      const right = await rightOptions(attempt.id)
      const multiple = (await storedQuestions(attempt.id)).find((question) => question.kind === 'MULTIPLE')!
      return { ...right, [multiple.id]: right[multiple.id].slice(0, 1) }
    }
    const strict = await candidate()
    const strictAttempt = await start(strict, paperId)
    const strictResult = await submitAttempt({ user: strict, attemptId: strictAttempt.id, answers: await answersWithHalf(strictAttempt) })
    expect(strictResult.ok && strictResult.result).toMatchObject({ points: 3, score: 75, passed: true })

    const lenient = await candidate()
    const lenientAttempt = await start(lenient, partialPaperId)
    const lenientResult = await submitAttempt({ user: lenient, attemptId: lenientAttempt.id, answers: await answersWithHalf(lenientAttempt) })
    expect(lenientResult.ok && lenientResult.result).toMatchObject({ points: 3.5, score: 87.5, passed: true })

    const wrong = await candidate()
    const wrongAttempt = await start(wrong, partialPaperId)
    const multiple = (await storedQuestions(wrongAttempt.id)).find((question) => question.kind === 'MULTIPLE')!
    const oneRightOneWrong = [multiple.options.find((option) => option.correct)!.id, multiple.options.find((option) => !option.correct)!.id]
    const wrongResult = await submitAttempt({ user: wrong, attemptId: wrongAttempt.id, answers: { [multiple.id]: oneRightOneWrong } })
    expect(wrongResult.ok && wrongResult.result).toMatchObject({ points: 0, score: 0, passed: false })
  })

  test('the pass mark is compared before rounding; the review shows choices, right answers and explanations', async () => {
    const user = await candidate()
    const attempt = await start(user, paperId)
    const right = await rightOptions(attempt.id)
    const [firstId] = Object.keys(right)
    const outcome = await submitAttempt({ user, attemptId: attempt.id, answers: { ...right, [firstId]: [] } })
    expect(outcome.ok && outcome.result).toMatchObject({ score: 75, passed: true })
    if (!outcome.ok || !outcome.result.review) throw new Error('no review')
    const reviewed = outcome.result.review.find((question) => question.id === firstId)!
    expect(reviewed).toMatchObject({ chosen: [], points: 0 })
    expect(reviewed.options.some((option) => option.correct)).toBe(true)
  })

  test('editing or retiring a question leaves finished attempts as they were', async () => {
    const user = await candidate()
    const attempt = await start(user, paperId)
    await submitAttempt({ user, attemptId: attempt.id, answers: await rightOptions(attempt.id) })
    const question = (await getQuestion({ user: trainer, questionId: questionIds[0] }))!
    await updateQuestion({ user: trainer, questionId: questionIds[0], input: { ...singleChoice(), stem: 'Rewritten stem' } })
    await setQuestionRetired({ user: trainer, questionId: questionIds[0], retired: true })
    const result = await getAttempt({ user, attemptId: attempt.id })
    expect(result?.state === 'finished' && result.review?.find((reviewed) => reviewed.id === questionIds[0])?.stem).toBe(question.stem)
    expect(result?.state === 'finished' && result.score).toBe(100)
    await setQuestionRetired({ user: trainer, questionId: questionIds[0], retired: false })
  })
})

describe('deadline', () => {
  let paperId: string

  beforeAll(async () => {
    const ids = await createQuestions(trainer, [singleChoice(), singleChoice(), trueFalse(true), trueFalse(false)])
    paperId = await publishedPaper(trainer, { fixed: ids, timeLimitMinutes: 20, passPercent: 50, level: 'TECHNICIAN' })
  })

  test('the deadline is fixed on the server when the attempt starts; resuming returns the same attempt and deadline', async () => {
    const user = await candidate()
    const startedAt = new Date()
    const first = await start(user, paperId, { now: startedAt })
    expect(first.deadline.getTime()).toBe(startedAt.getTime() + 20 * MINUTE)
    const resumed = await startAttempt({ user, paperId, now: later(5, startedAt) })
    expect(resumed).toEqual({ ok: true, resumed: true, attemptId: first.id })
  })

  test('after the deadline, saves and submits are refused (409) and the attempt is graded with what was saved in time', async () => {
    const user = await candidate()
    const attempt = await start(user, paperId)
    const right = await rightOptions(attempt.id)
    const [q1, q2] = Object.keys(right)
    for (const questionId of [q1, q2]) {
      const saved = await callRoute(() => answersApi(routeArgs(jsonRequest(`/api/attempts/${attempt.id}/answers`, { token: tokenOf(user), method: 'PUT', body: { questionId, optionIds: right[questionId] } }), { attemptId: attempt.id })))
      expect(saved.status).toBe(200)
    }
    await moveDeadlineIntoPast(attempt.id)
    const late = await callRoute(() => answersApi(routeArgs(jsonRequest(`/api/attempts/${attempt.id}/answers`, { token: tokenOf(user), method: 'PUT', body: { questionId: Object.keys(right)[2], optionIds: right[Object.keys(right)[2]] } }), { attemptId: attempt.id })))
    expect(late.status).toBe(409)
    expect(await late.json()).toMatchObject({ error: expect.stringContaining('time is up'), status: 'expired' })
    const submit = await callRoute(() => submitApi(routeArgs(jsonRequest(`/api/attempts/${attempt.id}/submit`, { token: tokenOf(user), body: { answers: right } }), { attemptId: attempt.id })))
    expect(submit.status).toBe(409)
    const body = await submit.json()
    expect(body).toMatchObject({ status: 'expired', score: 50, passed: true, error: expect.stringContaining('time is up') })
    const stored = await getDb().examAttempt.findUniqueOrThrow({ where: { id: attempt.id }, select: { status: true, finishedAt: true, deadline: true } })
    expect(stored.status).toBe('EXPIRED')
    expect(stored.finishedAt).toEqual(stored.deadline)
    // Passing at expiry still grants the paper's level.
    expect(body.certification).toMatchObject({ level: 'technician' })
  })

  test('an attempt left open past its deadline is graded when the candidate next lists or reads anything', async () => {
    const user = await candidate()
    const attempt = await start(user, paperId)
    const right = await rightOptions(attempt.id)
    const [q1] = Object.keys(right)
    expect((await saveAnswer({ user, attemptId: attempt.id, answer: { questionId: q1, optionIds: right[q1] } })).ok).toBe(true)
    await moveDeadlineIntoPast(attempt.id, 30)
    const [listed] = await listMyAttempts({ user })
    expect(listed).toMatchObject({ id: attempt.id, status: 'EXPIRED', score: 25, passed: false })
    const other = await candidate()
    const otherAttempt = await start(other, paperId)
    await moveDeadlineIntoPast(otherAttempt.id)
    const apiList = await callRoute(() => examsApi(routeArgs(jsonRequest('/api/exams', { token: tokenOf(other) }))))
    expect(apiList.status).toBe(200)
    const stored = await getDb().examAttempt.findUniqueOrThrow({ where: { id: otherAttempt.id }, select: { status: true, score: true } })
    expect(stored).toEqual({ status: 'EXPIRED', score: 0 })
  })

  test('another user cannot save to, submit or read an attempt (404); a submitted attempt takes no more answers (409)', async () => {
    const [owner, intruder] = [await candidate(), await candidate()]
    const attempt = await start(owner, paperId)
    const right = await rightOptions(attempt.id)
    const [q1] = Object.keys(right)
    const put = (user: SessionUser, body: unknown) => callRoute(() => answersApi(routeArgs(jsonRequest(`/api/attempts/${attempt.id}/answers`, { token: tokenOf(user), method: 'PUT', body }), { attemptId: attempt.id })))
    expect((await put(intruder, { questionId: q1, optionIds: right[q1] })).status).toBe(404)
    expect((await callRoute(() => submitApi(routeArgs(jsonRequest(`/api/attempts/${attempt.id}/submit`, { token: tokenOf(intruder), method: 'POST' }), { attemptId: attempt.id })))).status).toBe(404)
    expect(await getAttempt({ user: intruder, attemptId: attempt.id })).toBeNull()
    expect((await put(owner, { questionId: q1, optionIds: ['no-such-option'] })).status).toBe(400)
    expect((await put(owner, { questionId: 'nope', optionIds: [] })).status).toBe(400)
    const submitted = await callRoute(() => submitApi(routeArgs(jsonRequest(`/api/attempts/${attempt.id}/submit`, { token: tokenOf(owner), method: 'POST' }), { attemptId: attempt.id })))
    expect(submitted.status).toBe(200)
    expect(await submitted.json()).toMatchObject({ status: 'submitted', score: 0, passed: false })
    const afterwards = await put(owner, { questionId: q1, optionIds: right[q1] })
    expect(afterwards.status).toBe(409)
    expect(await afterwards.json()).toMatchObject({ status: 'submitted' })
    const again = await callRoute(() => submitApi(routeArgs(jsonRequest(`/api/attempts/${attempt.id}/submit`, { token: tokenOf(owner), method: 'POST' }), { attemptId: attempt.id })))
    expect(again.status).toBe(409)
  })
})

describe('attempt limits and cool-down', () => {
  test('the cool-down runs from the end of the last attempt; the limit counts every attempt; both are enforced on the server', async () => {
    const ids = await createQuestions(trainer, [singleChoice(), trueFalse(false)])
    const paperId = await publishedPaper(trainer, { fixed: ids, maxAttempts: 2, cooldownMinutes: 30 })
    const user = await candidate()
    const t0 = new Date()
    const first = await start(user, paperId, { now: t0 })
    await submitAttempt({ user, attemptId: first.id, now: later(5, t0) })
    const tooSoon = await startAttempt({ user, paperId, now: later(20, t0) })
    expect(tooSoon).toEqual({ ok: false, reason: 'cooldown', retryAt: later(35, t0) })
    const viaApi = await callRoute(() => startApi(routeArgs(jsonRequest(`/api/exams/${paperId}/attempts`, { token: tokenOf(user), method: 'POST' }), { examId: paperId })))
    expect(viaApi.status).toBe(409)
    expect(await viaApi.json()).toMatchObject({ retryAt: expect.any(String) })
    const second = await start(user, paperId, { now: later(36, t0) })
    await submitAttempt({ user, attemptId: second.id, now: later(40, t0) })
    expect(await startAttempt({ user, paperId, now: later(200, t0) })).toEqual({ ok: false, reason: 'no-attempts-left' })
    const [listed] = (await listOpenExams({ user, now: later(200, t0) })).filter((exam) => exam.id === paperId)
    expect(listed.attemptsLeft).toBe(0)
  })

  test('two starts at once make one attempt', async () => {
    const ids = await createQuestions(trainer, [singleChoice()])
    const paperId = await publishedPaper(trainer, { fixed: ids, maxAttempts: 1 })
    const user = await candidate()
    const outcomes = await Promise.all([startAttempt({ user, paperId }), startAttempt({ user, paperId })])
    expect(outcomes.every((outcome) => outcome.ok)).toBe(true)
    expect(new Set(outcomes.map((outcome) => outcome.ok && outcome.attemptId)).size).toBe(1)
    expect(await getDb().examAttempt.count({ where: { userId: user.id, paperId } })).toBe(1)
  })

  test('a whole room starting at the same minute: 80 candidates at once all get their attempt', async () => {
    const ids = await createQuestions(trainer, Array.from({ length: 30 }, (_, n) => singleChoice({ stem: `Burst question ${n}` })))
    const paperId = await publishedPaper(trainer, { rules: [{ systemCode: 'engine', difficulty: 1, count: 20 }] })
    expect(ids).toHaveLength(30)
    const users = await Promise.all(Array.from({ length: 80 }, () => createTestUser({ stationId })))
    const outcomes = await Promise.all(users.map((user) => startAttempt({ user, paperId })))
    expect(outcomes.filter((outcome) => !outcome.ok)).toEqual([])
    expect(await getDb().examAttempt.count({ where: { paperId } })).toBe(80)
  })
})

describe('levels', () => {
  test('a level’s exam needs the previous level; passing grants the level for three years', async () => {
    const ids = await createQuestions(trainer, [singleChoice(), trueFalse(true)])
    const technicianPaper = await publishedPaper(trainer, { fixed: ids, level: 'TECHNICIAN' })
    const seniorPaper = await publishedPaper(trainer, { fixed: ids, level: 'SENIOR_TECHNICIAN' })
    const user = await candidate()

    const listed = async () => (await listOpenExams({ user })).map((exam) => exam.id)
    expect(await listed()).toContain(technicianPaper)
    expect(await listed()).not.toContain(seniorPaper)
    expect(await startAttempt({ user, paperId: seniorPaper })).toEqual({ ok: false, reason: 'prerequisite', requiredLevel: 'TECHNICIAN' })
    const refused = await callRoute(() => startApi(routeArgs(jsonRequest(`/api/exams/${seniorPaper}/attempts`, { token: tokenOf(user), method: 'POST' }), { examId: seniorPaper })))
    expect(refused.status).toBe(403)
    expect(await refused.json()).toMatchObject({ requiredLevel: 'technician' })

    const attempt = await start(user, technicianPaper)
    const finishedAt = new Date()
    const outcome = await submitAttempt({ user, attemptId: attempt.id, answers: await rightOptions(attempt.id), now: finishedAt })
    expect(outcome.ok && outcome.result.certification?.level).toBe('TECHNICIAN')
    const [certification] = await listCertifications({ userId: user.id })
    expect(certification).toMatchObject({ level: 'TECHNICIAN', expired: false, attemptId: attempt.id })
    const expires = new Date(finishedAt)
    expires.setUTCFullYear(expires.getUTCFullYear() + 3)
    expect(certification.expiresAt).toEqual(expires)

    expect(await listed()).toContain(seniorPaper)
    expect((await startAttempt({ user, paperId: seniorPaper })).ok).toBe(true)
  })

  test('a failed attempt grants nothing; an expired certificate does not open the next level', async () => {
    const ids = await createQuestions(trainer, [singleChoice(), trueFalse(true)])
    const technicianPaper = await publishedPaper(trainer, { fixed: ids, level: 'TECHNICIAN' })
    const seniorPaper = await publishedPaper(trainer, { fixed: ids, level: 'SENIOR_TECHNICIAN' })
    const user = await candidate()
    const attempt = await start(user, technicianPaper)
    await submitAttempt({ user, attemptId: attempt.id, answers: {} })
    expect(await listCertifications({ userId: user.id })).toEqual([])
    await getDb().certification.create({ data: { userId: user.id, level: 'TECHNICIAN', grantedAt: later(-60 * 24 * 1200), expiresAt: later(-60 * 24) } })
    expect(await startAttempt({ user, paperId: seniorPaper })).toMatchObject({ ok: false, reason: 'prerequisite' })
    expect((await listCertifications({ userId: user.id }))[0]).toMatchObject({ level: 'TECHNICIAN', expired: true })
  })
})

describe('no answer reaches the candidate before submission', () => {
  test('the start API, the running attempt and the exam list hold no right answer and no explanation', async () => {
    const inputs = [singleChoice({ explanation: 'SECRET-EXPLANATION-1' }), multipleChoice({ explanation: 'SECRET-EXPLANATION-2' }), trueFalse(true)]
    const ids = await createQuestions(trainer, inputs)
    const paperId = await publishedPaper(trainer, { fixed: ids })
    const user = await candidate()
    const started = await callRoute(() => startApi(routeArgs(jsonRequest(`/api/exams/${paperId}/attempts`, { token: tokenOf(user), method: 'POST' }), { examId: paperId })))
    expect(started.status).toBe(201)
    const body = await started.json()
    expect(Object.keys(body).sort()).toEqual(['answers', 'attemptId', 'deadline', 'questions'])
    expect(body.questions).toHaveLength(3)
    for (const question of body.questions) {
      expect(Object.keys(question).sort()).toEqual(['id', 'kind', 'options', 'stem'])
      for (const option of question.options) expect(Object.keys(option).sort()).toEqual(['id', 'text'])
    }
    const text = JSON.stringify(body)
    expect(text).not.toMatch(/correct|explanation|SECRET-EXPLANATION/i)

    const resumed = await callRoute(() => startApi(routeArgs(jsonRequest(`/api/exams/${paperId}/attempts`, { token: tokenOf(user), method: 'POST' }), { examId: paperId })))
    expect(resumed.status).toBe(200)
    expect((await resumed.json()).attemptId).toBe(body.attemptId)

    const list = await callRoute(() => examsApi(routeArgs(jsonRequest('/api/exams', { token: tokenOf(user) }))))
    expect(JSON.stringify(await list.json())).not.toMatch(/correct|explanation|SECRET/i)
  })
})

describe('GET /api/exams', () => {
  test('401 without credentials', async () => {
    const response = await callRoute(() => examsApi(routeArgs(jsonRequest('/api/exams'))))
    expect(response.status).toBe(401)
  })

  test('the published exams open to the caller, in the documented shape', async () => {
    const ids = await createQuestions(trainer, [singleChoice()])
    const levelled = await publishedPaper(trainer, { fixed: ids, level: 'TECHNICIAN', timeLimitMinutes: 25, maxAttempts: 2, title: 'Levelled exam' })
    const practice = await publishedPaper(trainer, { fixed: ids, timeLimitMinutes: 10, maxAttempts: 4, title: 'Practice exam' })
    const unpublished = await createPaper({ user: trainer, input: paperInput({ title: 'Draft exam' }) })
    const user = await candidate()
    await start(user, practice)
    const response = await callRoute(() => examsApi(routeArgs(jsonRequest('/api/exams', { token: tokenOf(user) }))))
    expect(response.status).toBe(200)
    const { exams } = await response.json()
    expect(exams.find((exam: { id: string }) => exam.id === levelled)).toEqual({ id: levelled, title: 'Levelled exam', level: 'technician', timeLimitMinutes: 25, attemptsLeft: 2 })
    expect(exams.find((exam: { id: string }) => exam.id === practice)).toEqual({ id: practice, title: 'Practice exam', timeLimitMinutes: 10, attemptsLeft: 3 })
    expect(exams.some((exam: { id: string }) => exam.id === unpublished.id)).toBe(false)
  })
})

describe('pages', () => {
  type Route = (args: ReturnType<typeof routeArgs>) => Promise<unknown>
  const page = async (user: SessionUser, path: string, route: Route, params: Record<string, string> = {}, init: RequestInit = {}) => {
    const request = new Request(`http://test${path}`, { ...init, headers: { Cookie: await sessionCookieFor(user.id), ...(init.headers ?? {}) } })
    return callRoute(() => route(routeArgs(request, params)))
  }
  /** What the browser would receive: the loader's data as JSON. */
  const payload = (data: unknown) => JSON.stringify(data)

  test('no loader sends a right answer or an explanation before submission; the result then follows the review policy', async () => {
    const ids = await createQuestions(trainer, [singleChoice({ explanation: 'SECRET-EXPLANATION-A' }), multipleChoice({ explanation: 'SECRET-EXPLANATION-B' }), trueFalse(false)])
    const hidden = await publishedPaper(trainer, { fixed: ids, showAnswers: false })
    const shown = await publishedPaper(trainer, { fixed: ids, showAnswers: true, maxAttempts: 2 })
    const user = await candidate()

    for (const [path, route, params] of [
      ['/exams', examListPage, {}],
      [`/exams/${hidden}`, examStartPage, { examId: hidden }],
    ] as Array<[string, Route, Record<string, string>]>) {
      expect(payload(await page(user, path, route, params))).not.toMatch(/correct|explanation|SECRET/i)
    }

    const running = await start(user, hidden)
    const open = (await page(user, `/exams/attempts/${running.id}`, attemptPage, { attemptId: running.id })) as unknown as { view: { state: string; questions: unknown[] } }
    expect(open.view.state).toBe('open')
    expect(open.view.questions).toHaveLength(3)
    expect(payload(open)).not.toMatch(/correct|explanation|SECRET/i)

    // Submitting through the page's form: the answers it shows, then the result page.
    const form = new FormData()
    form.set('intent', 'submit')
    form.set('answers', JSON.stringify(await rightOptions(running.id)))
    const submitted = await page(user, `/exams/attempts/${running.id}`, attemptPageAction, { attemptId: running.id }, { method: 'POST', body: form })
    expect(submitted.status).toBe(302)
    const result = (await page(user, `/exams/attempts/${running.id}`, attemptPage, { attemptId: running.id })) as unknown as { view: { state: string; score: number; reviewPolicy: string } }
    expect(result.view).toMatchObject({ state: 'finished', score: 100, reviewPolicy: 'hidden' })
    expect(payload(result)).not.toMatch(/"correct"|SECRET/)

    // With answers shown after submitting, they still stay hidden while another attempt at the paper runs.
    const first = await start(user, shown)
    await submitAttempt({ user, attemptId: first.id, answers: {} })
    const reviewed = await page(user, `/exams/attempts/${first.id}`, attemptPage, { attemptId: first.id })
    expect(payload(reviewed)).toMatch(/SECRET-EXPLANATION-A/)
    await start(user, shown)
    const heldBack = (await page(user, `/exams/attempts/${first.id}`, attemptPage, { attemptId: first.id })) as unknown as { view: { reviewPolicy: string } }
    expect(heldBack.view.reviewPolicy).toBe('held-back')
    expect(payload(heldBack)).not.toMatch(/"correct"|SECRET/)
  })

  test('the attempt page is 404 for anyone but its candidate; the trainer pages are 403 for a technician', async () => {
    const ids = await createQuestions(trainer, [singleChoice()])
    const paperId = await publishedPaper(trainer, { fixed: ids })
    const [owner, other] = [await candidate(), await candidate()]
    const attempt = await start(owner, paperId)
    expect((await page(other, `/exams/attempts/${attempt.id}`, attemptPage, { attemptId: attempt.id })).status).toBe(404)
    expect((await page(owner, '/exams/manage/questions', bankPage)).status).toBe(403)
  })

  test('the import page reports the file’s bad rows and imports nothing; a good file imports every row', async () => {
    const before = await getDb().question.count()
    const upload = async (name: string, text: string) => {
      const form = new FormData()
      form.set('file', new File([text], name, { type: 'text/csv' }))
      return page(trainer, '/exams/manage/questions/import', importAction, {}, { method: 'POST', body: form })
    }
    const bad = await upload('bank.csv', ['kind,system,level,difficulty,stem,A,B,answer', 'single,engine,technician,1,Fine,a,b,A', 'single,engine,technician,1,,a,b,A', 'single,engine,technician,4,Bad difficulty,a,b,B'].join('\n'))
    expect(bad.status).toBe(400)
    const { errors } = await bad.json()
    expect(errors.map((error: { row: number; field: string }) => [error.row, error.field])).toEqual([[3, 'stem'], [4, 'difficulty']])
    expect(await getDb().question.count()).toBe(before)
    const good = (await upload('bank.csv', ['kind,system,level,difficulty,stem,A,B,answer', 'single,engine,technician,1,Fine one,a,b,A', 'true_false,ev,technician,2,Fine two,,,false'].join('\n'))) as unknown as { imported: number }
    expect(good.imported).toBe(2)
    expect(await getDb().question.count()).toBe(before + 2)
  })

  test('the member center lists the levels held', async () => {
    const ids = await createQuestions(trainer, [trueFalse(true)])
    const paperId = await publishedPaper(trainer, { fixed: ids, level: 'TECHNICIAN' })
    const user = await candidate()
    const attempt = await start(user, paperId)
    await submitAttempt({ user, attemptId: attempt.id, answers: await rightOptions(attempt.id) })
    const data = (await page(user, '/me', memberCenter)) as unknown as { certifications: Array<{ level: string; expired: boolean }> }
    expect(data.certifications).toEqual([expect.objectContaining({ level: 'TECHNICIAN', expired: false })])
  })
})
