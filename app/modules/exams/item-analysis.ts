/**
 * Classical item analysis of one exam's questions, from counts the database adds up.
 * - difficulty: the p-value, the share of responses that scored the question in full (a partly
 *   right multiple choice counts as wrong);
 * - discrimination: Kelley's upper–lower index D = p(upper 27 %) − p(lower 27 %), the groups being
 *   the attempts that had the question ranked by their score on the other questions (with the
 *   question itself in the ranking, on a 7–10 question exam even a misleading question looks fine);
 * - flags (Ebel's rules of thumb): too easy above 0.95, too hard below 0.2, poor discrimination
 *   below 0.2, negative when the weaker candidates do better than the stronger ones.
 * Below `MIN_RESPONSES` answers the figures are shown but not judged.
 */

/** Share of a question's responses (by rest score) in each of the upper and lower groups, rounded. */
export const EXTREME_GROUP_SHARE = 0.27
export const MIN_RESPONSES = 30
export const TOO_EASY_ABOVE = 0.95
export const TOO_HARD_BELOW = 0.2
export const POOR_DISCRIMINATION_BELOW = 0.2

export const ITEM_FLAGS = ['too-easy', 'too-hard', 'negative-discrimination', 'poor-discrimination'] as const
export type ItemFlag = (typeof ITEM_FLAGS)[number]

/** Per question: how many attempts answered it and scored it in full, overall and in each extreme group. */
export type ItemCounts = {
  responses: number
  correct: number
  upperResponses: number
  upperCorrect: number
  lowerResponses: number
  lowerCorrect: number
}

export type ItemStatistics = {
  difficulty: number | null
  upperDifficulty: number | null
  lowerDifficulty: number | null
  discrimination: number | null
  /** Enough responses for the flags to mean something. */
  judged: boolean
  flags: ItemFlag[]
}

const share = (part: number, whole: number) => (whole === 0 ? null : part / whole)

export function itemFlags({ difficulty, discrimination }: { difficulty: number | null; discrimination: number | null }): ItemFlag[] {
  const flags: ItemFlag[] = []
  if (difficulty !== null && difficulty > TOO_EASY_ABOVE) flags.push('too-easy')
  if (difficulty !== null && difficulty < TOO_HARD_BELOW) flags.push('too-hard')
  if (discrimination !== null && discrimination < 0) flags.push('negative-discrimination')
  else if (discrimination !== null && discrimination < POOR_DISCRIMINATION_BELOW) flags.push('poor-discrimination')
  return flags
}

export function analyseItem(counts: ItemCounts): ItemStatistics {
  const difficulty = share(counts.correct, counts.responses)
  const upperDifficulty = share(counts.upperCorrect, counts.upperResponses)
  const lowerDifficulty = share(counts.lowerCorrect, counts.lowerResponses)
  const discrimination = upperDifficulty === null || lowerDifficulty === null ? null : upperDifficulty - lowerDifficulty
  const judged = counts.responses >= MIN_RESPONSES
  return { difficulty, upperDifficulty, lowerDifficulty, discrimination, judged, flags: judged ? itemFlags({ difficulty, discrimination }) : [] }
}
