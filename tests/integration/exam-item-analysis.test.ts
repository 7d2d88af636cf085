import { beforeAll, describe, expect, test } from 'vitest'
import { computeExamAnalytics } from '../../app/modules/exams/analytics.server'
import { EXTREME_GROUP_SHARE } from '../../app/modules/exams/item-analysis'
import { createQuestions, publishedPaper, scoreOf, singleChoice, writeGradedAttempt } from '../exam-factories'
import { createTestUser } from '../factories'

/**
 * The question analysis against its definition, worked out here in plain code: of the attempts
 * that had a question, the upper and lower 27 % by the score on the other questions, ties broken
 * by id. Random draws of 4 of 6 questions with partial credit make many ties and cut groups.
 */
const ATTEMPTS = 173
const QUESTIONS = 6
const FINISHED = new Date('2026-04-10T04:00:00Z')

type Attempt = { id: string; results: Record<string, number> }
let questionIds: string[]
let paperId: string
const attempts: Attempt[] = []
let boundaryPaperId: string
const boundaryAttempts: Attempt[] = []

/** A small deterministic generator (mulberry32), so a failure can be replayed. */
function randomFrom(seed: number) {
  let state = seed
  return () => {
    state = (state + 0x6d2b79f5) | 0
    let t = Math.imul(state ^ (state >>> 15), 1 | state)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

function expectedCounts(questionId: string, of: Attempt[] = attempts) {
  const responses = of
    .filter((attempt) => questionId in attempt.results)
    .map((attempt) => {
      const values = Object.values(attempt.results)
      const value = attempt.results[questionId]
      // The same floating-point steps as the database: score in percent, minus the question's share.
      return { id: attempt.id, correct: value >= 1, rest: scoreOf(values) - (value * 100) / values.length }
    })
    .sort((a, b) => b.rest - a.rest || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
  const groupSize = Math.round((EXTREME_GROUP_SHARE * 100 * responses.length) / 100)
  const upper = responses.slice(0, groupSize)
  const lower = responses.slice(responses.length - groupSize)
  const correct = (group: typeof responses) => group.filter((response) => response.correct).length
  return {
    questionId,
    responses: responses.length,
    correct: correct(responses),
    upperResponses: upper.length,
    upperCorrect: correct(upper),
    lowerResponses: lower.length,
    lowerCorrect: correct(lower),
  }
}

beforeAll(async () => {
  const trainer = await createTestUser({ role: 'TRAINER' })
  const candidate = await createTestUser()
  questionIds = await createQuestions(
    trainer,
    Array.from({ length: QUESTIONS }, (_, n) => singleChoice({ stem: `Question ${n + 1}` })),
  )
  paperId = await publishedPaper(trainer, { title: 'Random draws', fixed: questionIds })
  // 100 attempts, groups of 27: the 27 best on the other question fill the upper group exactly.
  boundaryPaperId = await publishedPaper(trainer, { title: 'Exact boundary', fixed: questionIds.slice(0, 2) })
  for (let i = 0; i < 100; i += 1) {
    const [first, second] = questionIds
    const results = { [first]: i % 2, [second]: i < 27 ? 1 : 0 }
    boundaryAttempts.push({ id: `boundary-${String(i).padStart(3, '0')}`, results })
    await writeGradedAttempt({ id: `boundary-${String(i).padStart(3, '0')}`, paperId: boundaryPaperId, user: candidate, finishedAt: FINISHED, results })
  }
  const random = randomFrom(20261129)
  for (let i = 0; i < ATTEMPTS; i += 1) {
    const drawn = [...questionIds].sort(() => random() - 0.5).slice(0, 4)
    // Ids in an order unrelated to the scores, of two lengths, so that comparing them as bytes matters.
    const id = `${random().toString(36).slice(2, 6)}${i % 3 === 0 ? 'x' : ''}-${i}`
    const results = Object.fromEntries(drawn.map((questionId) => [questionId, [0, 0.5, 1][Math.floor(random() * 3)]]))
    attempts.push({ id, results })
    await writeGradedAttempt({ id, paperId, user: candidate, finishedAt: FINISHED, results })
  }
})

describe('question analysis at random', () => {
  test('every question: responses, full-score answers and both 27 % groups as the definition gives them', async () => {
    const report = await computeExamAnalytics({ from: '2026-04-01', to: '2026-04-30', examId: paperId })
    expect(report.items?.attempts).toBe(ATTEMPTS)
    const got = Object.fromEntries((report.items?.questions ?? []).map((question) => [question.questionId, question]))
    for (const questionId of questionIds) {
      const expected = expectedCounts(questionId)
      expect(expected.upperResponses).toBeGreaterThan(0)
      expect(got[questionId], `question ${questionIds.indexOf(questionId) + 1}`).toMatchObject(expected)
    }
  })

  test('the groups cut through ties: some question has a rest score split between inside and outside a group', () => {
    const splitsATie = questionIds.some((questionId) => {
      const { upperResponses } = expectedCounts(questionId)
      const rests = attempts
        .filter((attempt) => questionId in attempt.results)
        .map((attempt) => scoreOf(Object.values(attempt.results)) - (attempt.results[questionId] * 100) / Object.keys(attempt.results).length)
        .sort((a, b) => b - a)
      return rests[upperResponses - 1] === rests[upperResponses]
    })
    expect(splitsATie).toBe(true)
  })
})

describe('question analysis at a group boundary', () => {
  test('a rest score that ends exactly where a group ends is in that group whole', async () => {
    const report = await computeExamAnalytics({ from: '2026-04-01', to: '2026-04-30', examId: boundaryPaperId })
    const first = report.items?.questions.find((question) => question.questionId === questionIds[0])
    const expected = expectedCounts(questionIds[0], boundaryAttempts)
    expect(expected).toMatchObject({ responses: 100, upperResponses: 27, upperCorrect: 13, lowerResponses: 27 })
    expect(first).toMatchObject(expected)
  })
})
