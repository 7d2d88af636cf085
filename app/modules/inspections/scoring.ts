export type Outcome = 'PASS' | 'FAIL' | 'NA'

export type ScoredSection = { id: string; items: Array<{ id: string; weight: number }> }

export type SectionScore = {
  id: string
  /** 0-100, or null while nothing in it counts (all N/A or unscored). */
  score: number | null
  earned: number
  possible: number
  scored: number
  total: number
  failed: number
}

export type InspectionScore = { total: number | null; earned: number; possible: number; scored: number; items: number; sections: SectionScore[] }

const percent = (earned: number, possible: number) => (possible === 0 ? null : Math.round((earned / possible) * 1000) / 10)

/**
 * A checklist's score: a passed item earns its weight, a failed one earns nothing, and N/A or
 * not yet scored items leave the denominator, so the live score during a call is the score of
 * what has been seen so far. The total weighs items, not sections.
 */
export function scoreInspection(sections: ScoredSection[], outcomes: ReadonlyMap<string, Outcome>): InspectionScore {
  const sectionScores = sections.map((section) => {
    let earned = 0
    let possible = 0
    let scored = 0
    let failed = 0
    for (const item of section.items) {
      const outcome = outcomes.get(item.id)
      if (!outcome) continue
      scored += 1
      if (outcome === 'NA') continue
      possible += item.weight
      if (outcome === 'PASS') earned += item.weight
      else failed += 1
    }
    return { id: section.id, score: percent(earned, possible), earned, possible, scored, total: section.items.length, failed }
  })
  const earned = sectionScores.reduce((sum, section) => sum + section.earned, 0)
  const possible = sectionScores.reduce((sum, section) => sum + section.possible, 0)
  return {
    total: percent(earned, possible),
    earned,
    possible,
    scored: sectionScores.reduce((sum, section) => sum + section.scored, 0),
    items: sectionScores.reduce((sum, section) => sum + section.total, 0),
    sections: sectionScores,
  }
}
