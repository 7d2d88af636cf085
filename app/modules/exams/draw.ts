import { createRandom, type Random } from '~/utils/seeded-random'
import type { Kind, Level } from './levels'
import type { DrawRule } from './schema'

export type QuestionOption = { id: string; text: string; correct: boolean; imageId?: string }

/** A question as an attempt keeps it: a copy taken when the attempt starts, answers included. */
export type SnapshotQuestion = {
  id: string
  kind: Kind
  stem: string
  stemImageId?: string | null
  options: QuestionOption[]
  explanation: string | null
  systemCode: string
  difficulty: number
}

export type BankQuestion = SnapshotQuestion & { level: Level }

export type Shortfall = { rule: number; wanted: number; available: number }

const matches = (rule: DrawRule, question: BankQuestion) =>
  (!rule.systemCode || question.systemCode === rule.systemCode) &&
  (!rule.difficulty || question.difficulty === rule.difficulty) &&
  (!rule.level || question.level === rule.level)

function shuffle<T>(items: readonly T[], random: Random) {
  const copy = [...items]
  for (let index = copy.length - 1; index > 0; index -= 1) {
    const other = Math.floor(random.next() * (index + 1))
    ;[copy[index], copy[other]] = [copy[other], copy[index]]
  }
  return copy
}

const toSnapshot = ({ level: _level, ...question }: BankQuestion): SnapshotQuestion => question

/**
 * An attempt's questions: the paper's fixed questions, then each draw rule's questions from the
 * rest of the pool; the whole list and each question's options shuffled (true/false stays in
 * its order). Everything comes from `seed` and the pool sorted by id, so the same seed over the
 * same bank gives the same paper.
 */
export function drawQuestions({ seed, fixed, pool, rules }: { seed: number; fixed: BankQuestion[]; pool: BankQuestion[]; rules: DrawRule[] }) {
  const random = createRandom(seed)
  const chosen = new Map(fixed.map((question) => [question.id, question]))
  const sortedPool = [...pool].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
  const shortfalls: Shortfall[] = []
  rules.forEach((rule, index) => {
    const candidates = sortedPool.filter((question) => !chosen.has(question.id) && matches(rule, question))
    if (candidates.length < rule.count) shortfalls.push({ rule: index, wanted: rule.count, available: candidates.length })
    for (const question of shuffle(candidates, random).slice(0, rule.count)) chosen.set(question.id, question)
  })
  const questions = shuffle([...chosen.values()], random).map((question) =>
    toSnapshot(question.kind === 'TRUE_FALSE' ? question : { ...question, options: shuffle(question.options, random) }),
  )
  return { questions, shortfalls }
}

/** How many questions of the pool each rule could draw from (ignoring overlaps between rules). */
export const ruleAvailability = (rules: DrawRule[], pool: BankQuestion[]) => rules.map((rule) => pool.filter((question) => matches(rule, question)).length)

/** A new attempt's seed: a positive 31-bit integer (fits PostgreSQL's `integer`). */
export const newSeed = () => Math.floor(Math.random() * 0x7fffffff) + 1
