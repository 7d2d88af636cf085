import type { SnapshotQuestion } from './draw'

/**
 * Points for one question (0 to 1). Single choice and true/false: the one right option.
 * Multiple choice: every right option and no wrong one; with partial credit, any wrong option
 * still scores 0 and otherwise each right option chosen earns its share.
 */
export function gradeQuestion(question: SnapshotQuestion, chosen: readonly string[], partialCredit: boolean) {
  const correct = new Set(question.options.filter((option) => option.correct).map((option) => option.id))
  const picked = new Set(chosen.filter((id) => question.options.some((option) => option.id === id)))
  const wrong = [...picked].filter((id) => !correct.has(id)).length
  const right = [...picked].filter((id) => correct.has(id)).length
  if (wrong > 0 || right === 0) return 0
  if (right === correct.size) return 1
  return question.kind === 'MULTIPLE' && partialCredit ? right / correct.size : 0
}

export type Grade = { points: number; maxPoints: number; score: number; passed: boolean; results: Record<string, number> }

/** The attempt's points, its score in percent (one decimal) and whether it reaches the pass mark. */
export function gradeAttempt({
  questions,
  answers,
  partialCredit,
  passPercent,
}: {
  questions: SnapshotQuestion[]
  answers: Record<string, readonly string[]>
  partialCredit: boolean
  passPercent: number
}): Grade {
  const results: Record<string, number> = {}
  for (const question of questions) results[question.id] = gradeQuestion(question, answers[question.id] ?? [], partialCredit)
  const points = Object.values(results).reduce((sum, value) => sum + value, 0)
  const maxPoints = questions.length
  const exact = maxPoints === 0 ? 0 : (points / maxPoints) * 100
  const score = Math.round(exact * 10) / 10
  // Compared before rounding, so 59.96 % is not a pass at 60 %.
  return { points: Math.round(points * 1000) / 1000, maxPoints, score, passed: maxPoints > 0 && exact >= passPercent - 1e-9, results }
}
