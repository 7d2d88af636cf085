/** Edit distance, for Latin words (a typo or two). */
function levenshtein(a: string, b: string) {
  const previous = Array.from({ length: b.length + 1 }, (_, index) => index)
  for (let i = 1; i <= a.length; i++) {
    let diagonal = previous[0]
    previous[0] = i
    for (let j = 1; j <= b.length; j++) {
      const above = previous[j]
      previous[j] = Math.min(previous[j] + 1, previous[j - 1] + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1))
      diagonal = above
    }
  }
  return previous[b.length]
}

/** Shared characters, for Chinese (no spaces between words): Dice coefficient of the character sets. */
function sharedCharacters(a: string, b: string) {
  const left = new Set(a)
  const right = new Set(b)
  let shared = 0
  for (const char of left) if (right.has(char)) shared++
  return (2 * shared) / (left.size + right.size)
}

const CJK = /[\u3400-\u9fff]/

/** How close a known term is to what was typed: 0 (unrelated) to 1 (the same). */
export function closeness(typed: string, term: string) {
  const a = typed.trim().toLowerCase()
  const b = term.toLowerCase()
  if (!a || !b) return 0
  if (CJK.test(a) || CJK.test(b)) return sharedCharacters(a, b)
  return 1 - levenshtein(a, b) / Math.max(a.length, b.length)
}

/** The known terms closest to a query that found nothing (at most `take`, only reasonably close ones). */
export function closestTerms(typed: string, terms: Iterable<string>, take = 3) {
  const scored: Array<{ term: string; score: number }> = []
  for (const term of new Set(terms)) {
    if (term.toLowerCase() === typed.trim().toLowerCase()) continue
    const score = closeness(typed, term)
    if (score >= 0.5) scored.push({ term, score })
  }
  return scored.sort((a, b) => b.score - a.score || a.term.length - b.term.length).slice(0, take).map((entry) => entry.term)
}
