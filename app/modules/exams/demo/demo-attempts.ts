import crypto from 'node:crypto'
import { createRandom, type Random } from '~/utils/seeded-random'
import { drawQuestions, type BankQuestion, type SnapshotQuestion } from '../draw'
import { gradeAttempt } from '../grading'
import type { Level } from '../levels'
import type { DrawRule } from '../schema'

/** `stationAbility` shifts everyone at the candidate's station up or down, so stations and regions differ. */
export type DemoCandidate = { id: string; stationAbility: number }
export type DemoPaper = {
  id: string
  level: Level | null
  timeLimitMinutes: number
  passPercent: number
  partialCredit: boolean
  showAnswers: boolean
  drawRules: DrawRule[]
  fixed: BankQuestion[]
  pool: BankQuestion[]
}
/** How a question behaves in the simulation (item response theory, two parameters). */
type ItemModel = { difficulty: number; discrimination: number }

const DAY = 86_400_000
const HISTORY_DAYS = 175

/** Roughly normal, mean 0, standard deviation 1 (sum of uniforms). */
const gaussian = (random: Random) => Array.from({ length: 6 }, () => random.next()).reduce((sum, value) => sum + value, 0) - 3

function itemModel(question: SnapshotQuestion, quirks: ReadonlyMap<string, ItemModel>): ItemModel {
  return quirks.get(question.id) ?? { difficulty: (question.difficulty - 2) * 0.9 - 0.1, discrimination: 1.4 }
}

function chooseOptions(question: SnapshotQuestion, right: boolean, random: Random) {
  const correct = question.options.filter((option) => option.correct).map((option) => option.id)
  const wrong = question.options.filter((option) => !option.correct).map((option) => option.id)
  if (right) return correct
  if (question.kind === 'MULTIPLE' && random.chance(0.5)) return correct.slice(0, 1)
  return question.kind === 'MULTIPLE' ? [correct[0], random.pick(wrong)] : [random.pick(wrong)]
}

/** A start `daysAgo` days before `now`, between 09:00 and 17:00 in Shanghai (01:00–09:00 UTC). */
const startOn = (now: Date, daysAgo: number, random: Random) => {
  const day = new Date(now.getTime() - daysAgo * DAY)
  day.setUTCHours(1, random.int(0, 59), random.int(0, 59), 0)
  return new Date(day.getTime() + random.int(0, 7) * 3_600_000)
}

function sitting({ paper, candidate, ability, startedAt, random, quirks }: { paper: DemoPaper; candidate: DemoCandidate; ability: number; startedAt: Date; random: Random; quirks: ReadonlyMap<string, ItemModel> }) {
  const seed = random.int(1, 2 ** 31 - 1)
  const { questions } = drawQuestions({ seed, fixed: paper.fixed, pool: paper.pool, rules: paper.drawRules })
  const deadline = new Date(startedAt.getTime() + paper.timeLimitMinutes * 60_000)
  const expired = random.chance(0.04)
  const finishedAt = expired ? deadline : new Date(startedAt.getTime() + paper.timeLimitMinutes * 60_000 * random.between(0.35, 0.95))
  const answers = questions.flatMap((question, index) => {
    if (expired && index >= questions.length - 2) return []
    const item = itemModel(question, quirks)
    const right = random.chance(1 / (1 + Math.exp(-item.discrimination * (ability - item.difficulty))))
    const savedAt = new Date(startedAt.getTime() + ((finishedAt.getTime() - startedAt.getTime()) * (index + 1)) / (questions.length + 1))
    return [{ questionId: question.id, optionIds: chooseOptions(question, right, random), savedAt }]
  })
  const grade = gradeAttempt({
    questions,
    answers: Object.fromEntries(answers.map((answer) => [answer.questionId, answer.optionIds])),
    partialCredit: paper.partialCredit,
    passPercent: paper.passPercent,
  })
  return {
    attempt: {
      id: crypto.randomUUID(),
      paperId: paper.id,
      userId: candidate.id,
      seed,
      status: expired ? ('EXPIRED' as const) : ('SUBMITTED' as const),
      startedAt,
      deadline,
      finishedAt,
      questions,
      level: paper.level,
      passPercent: paper.passPercent,
      partialCredit: paper.partialCredit,
      showAnswers: paper.showAnswers,
      points: grade.points,
      maxPoints: grade.maxPoints,
      score: grade.score,
      passed: grade.passed,
      results: grade.results,
    },
    answers,
  }
}
export type DemoSitting = ReturnType<typeof sitting>

/**
 * Six months of finished attempts: every candidate practises the EV test a few times and takes
 * the technician exam (retaking it after a fail, at most three times); those who pass may go on
 * to the senior exam. Candidates get better month by month and with each sitting. `quirks`
 * makes chosen questions behave badly (too easy, misleading), so the item analysis has
 * something to flag. Deterministic for a given seed and `now`.
 */
export function generateDemoAttempts({
  candidates,
  technician,
  senior,
  practice,
  quirks,
  now,
  seed = 20261128,
}: {
  candidates: DemoCandidate[]
  technician: DemoPaper
  senior: DemoPaper
  practice: DemoPaper
  quirks: ReadonlyMap<string, ItemModel>
  now: Date
  seed?: number
}) {
  const random = createRandom(seed)
  const sittings: DemoSitting[] = []
  const certifications: Array<{ userId: string; level: Level; attemptId: string; grantedAt: Date }> = []
  for (const candidate of candidates) {
    const talent = candidate.stationAbility + gaussian(random) * 0.9
    let taken = 0
    const sit = (paper: DemoPaper, daysAgo: number) => {
      const learning = ((HISTORY_DAYS - daysAgo) / 30) * 0.12 + taken * 0.15
      taken += 1
      const result = sitting({ paper, candidate, ability: talent + learning, startedAt: startOn(now, daysAgo, random), random, quirks })
      sittings.push(result)
      return result.attempt
    }
    for (let index = 0, count = random.int(1, 4), daysAgo = random.int(120, HISTORY_DAYS); index < count && daysAgo > 0; index += 1, daysAgo -= random.int(5, 40)) sit(practice, daysAgo)
    let passedTechnicianDaysAgo: number | null = null
    for (let index = 0, daysAgo = random.int(30, HISTORY_DAYS - 10); index < 3 && daysAgo > 0; index += 1, daysAgo -= random.int(7, 30)) {
      const attempt = sit(technician, daysAgo)
      if (attempt.passed) {
        certifications.push({ userId: candidate.id, level: 'TECHNICIAN', attemptId: attempt.id, grantedAt: attempt.finishedAt })
        passedTechnicianDaysAgo = daysAgo
        break
      }
    }
    if (passedTechnicianDaysAgo === null || !random.chance(0.7)) continue
    for (let index = 0, daysAgo = passedTechnicianDaysAgo - random.int(7, 40); index < 2 && daysAgo > 0; index += 1, daysAgo -= random.int(10, 30)) {
      const attempt = sit(senior, daysAgo)
      if (attempt.passed) {
        certifications.push({ userId: candidate.id, level: 'SENIOR_TECHNICIAN', attemptId: attempt.id, grantedAt: attempt.finishedAt })
        break
      }
    }
  }
  return { sittings, certifications }
}
