import { getDb } from '../app/utils/db.server'
import { caseSynonyms } from './case-index-settings'

type Group = { standard: string; colloquial: string[]; english: string[] }

/** Every word of every group finds the others; words already listed keep what they had. */
export function synonymsFrom(groups: Group[], base: Record<string, string[]> = caseSynonyms) {
  const synonyms = new Map<string, Set<string>>(Object.entries(base).map(([word, others]) => [word, new Set(others)]))
  for (const group of groups) {
    const words = [...new Set([group.standard, ...group.colloquial, ...group.english].map((word) => word.trim().toLowerCase()).filter(Boolean))]
    for (const word of words) {
      const others = synonyms.get(word) ?? new Set<string>()
      for (const other of words) if (other !== word) others.add(other)
      synonyms.set(word, others)
    }
  }
  return Object.fromEntries([...synonyms].map(([word, others]) => [word, [...others]]))
}

/** The built-in synonyms and the curators' thesaurus, as Meilisearch takes them. */
export async function loadSynonyms() {
  // In a fixed order: the map's fingerprint (thesaurus-rewrites.ts) must not depend on the scan.
  const groups = await getDb().searchSynonymGroup.findMany({ orderBy: { id: 'asc' }, select: { standard: true, colloquial: true, english: true } })
  return synonymsFrom(groups)
}
