import { stemmer } from 'stemmer'

const ENGLISH_WORD = /[a-z]+(?:'[a-z]+)?/gi
const DTC = /^[pbcu][0-3][0-9a-f]{3}$/i

// The workshop's vocabulary is small and repeats: an import stems each word once.
const known = new Map<string, string>()
function stemOf(word: string) {
  const lower = word.toLowerCase()
  let stem = known.get(lower)
  if (stem === undefined) {
    stem = stemmer(lower)
    if (known.size > 100_000) known.clear()
    known.set(lower, stem)
  }
  return stem
}

/** Porter stems of the English words in a text, each once (the index's "stemmed" shadow field). */
export function englishStems(text: string) {
  const stems = new Set<string>()
  for (const [word] of text.matchAll(ENGLISH_WORD)) if (word.length > 2) stems.add(stemOf(word))
  return [...stems].join(' ')
}

/**
 * The query with each English word replaced by its stem (Chinese, numbers and DTCs as typed), or
 * null when stemming changes nothing, so the exact query alone is enough.
 */
export function stemQuery(q: string): string | null {
  let changed = false
  const stemmed = q.replace(ENGLISH_WORD, (word) => {
    if (word.length <= 2 || DTC.test(word)) return word
    const stem = stemOf(word)
    if (stem !== word.toLowerCase()) changed = true
    return stem
  })
  return changed ? stemmed : null
}
