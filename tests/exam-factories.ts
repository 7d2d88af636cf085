import crypto from 'node:crypto'
import type { Level } from '../app/modules/exams/levels'
import type { QuestionInput } from '../app/modules/exams/schema'
import { createQuestion } from '../app/modules/exams/questions.server'
import { createPaper, setPaperPublished, addPaperQuestion } from '../app/modules/exams/papers.server'
import type { DrawRule, PaperInput } from '../app/modules/exams/schema'
import type { SessionUser } from '../app/utils/session-user'
import { getDb } from '../app/utils/db.server'

const unique = () => crypto.randomBytes(3).toString('hex')

/** A single-choice question whose right option's text starts with "right". */
export const singleChoice = (overrides: Partial<QuestionInput> = {}): QuestionInput => ({
  kind: 'SINGLE',
  stem: `Which part? ${unique()}`,
  options: [
    { text: 'right answer', correct: true },
    { text: 'wrong one', correct: false },
    { text: 'wrong two', correct: false },
    { text: 'wrong three', correct: false },
  ],
  explanation: `Because ${unique()}`,
  systemCode: 'engine',
  difficulty: 1,
  level: 'TECHNICIAN',
  ...overrides,
})

export const multipleChoice = (overrides: Partial<QuestionInput> = {}): QuestionInput => ({
  kind: 'MULTIPLE',
  stem: `Which of these? ${unique()}`,
  options: [
    { text: 'right A', correct: true },
    { text: 'right B', correct: true },
    { text: 'wrong C', correct: false },
    { text: 'wrong D', correct: false },
  ],
  explanation: 'A and B',
  systemCode: 'electrical',
  difficulty: 2,
  level: 'TECHNICIAN',
  ...overrides,
})

export const trueFalse = (isTrue: boolean, overrides: Partial<QuestionInput> = {}): QuestionInput => ({
  kind: 'TRUE_FALSE',
  stem: `Is it so? ${unique()}`,
  options: [
    { text: '正确', correct: isTrue },
    { text: '错误', correct: !isTrue },
  ],
  explanation: undefined,
  systemCode: 'chassis',
  difficulty: 1,
  level: 'TECHNICIAN',
  ...overrides,
})

export async function createQuestions(trainer: SessionUser, inputs: QuestionInput[]) {
  const ids: string[] = []
  for (const input of inputs) ids.push((await createQuestion({ user: trainer, input })).id)
  return ids
}

export const paperInput = (overrides: Partial<PaperInput> = {}): PaperInput => ({
  title: `Paper ${unique()}`,
  description: undefined,
  level: undefined,
  timeLimitMinutes: 30,
  passPercent: 60,
  maxAttempts: 3,
  cooldownMinutes: 0,
  partialCredit: false,
  showAnswers: true,
  drawRules: [],
  ...overrides,
})

/** A published paper with these fixed questions and draw rules. */
export async function publishedPaper(trainer: SessionUser, { fixed = [], rules = [], level, ...overrides }: Partial<PaperInput> & { fixed?: string[]; rules?: DrawRule[]; level?: Level } = {}) {
  const { id } = await createPaper({ user: trainer, input: paperInput({ ...overrides, level, drawRules: rules }) })
  for (const questionId of fixed) await addPaperQuestion({ user: trainer, paperId: id, questionId })
  const published = await setPaperPublished({ user: trainer, paperId: id, published: true })
  if (!published.ok) throw new Error(`paper not publishable: ${published.reason}`)
  return id
}

/** An exam attempt's score: the mean of its questions' points (0–1 each), in percent. */
export const scoreOf = (results: number[]) => (results.reduce((sum, value) => sum + value, 0) / results.length) * 100

/** An attempt written as grading leaves it (results, score, passed at 50 %), so analytics figures can be worked out by hand. */
export async function writeGradedAttempt({ id, paperId, user, finishedAt, results, status = 'SUBMITTED' }: { id: string; paperId: string; user: SessionUser; finishedAt: Date; results: Record<string, number>; status?: 'SUBMITTED' | 'EXPIRED' | 'IN_PROGRESS' }) {
  const values = Object.values(results)
  const score = scoreOf(values)
  const finished = status !== 'IN_PROGRESS'
  await getDb().examAttempt.create({
    data: {
      id,
      paperId,
      userId: user.id,
      seed: 1,
      status,
      startedAt: new Date(finishedAt.getTime() - 20 * 60_000),
      deadline: new Date(finishedAt.getTime() + 10 * 60_000),
      finishedAt: finished ? finishedAt : null,
      questions: [],
      passPercent: 50,
      partialCredit: false,
      showAnswers: true,
      maxPoints: values.length,
      points: finished ? values.reduce((sum, value) => sum + value, 0) : null,
      score: finished ? score : null,
      passed: finished ? score >= 50 : null,
      results: finished ? results : undefined,
    },
    select: { id: true },
  })
}
