import type { GranularFilterableAttribute, Settings } from 'meilisearch'

/** Written for Meilisearch 1.21 (BUNDLED_MEILI_VERSION). */
const bidirectional = (groups: string[][]) => {
  const synonyms: Record<string, string[]> = {}
  for (const group of groups) {
    for (const word of group) synonyms[word] = group.filter((other) => other !== word)
  }
  return synonyms
}

// One form per English word: stemming (english-stems.ts) finds the others, and an inflected form
// listed here would rank a synonym's match level with the word as typed.
export const caseSynonyms = bidirectional([
  ['抖动', '抖', 'shake', 'vibration', 'judder'],
  ['异响', '噪音', 'noise', 'rattle'],
  ['熄火', 'stall'],
  ['怠速', 'idle'],
  ['变速箱', '变速器', 'transmission', 'gearbox'],
  ['打滑', 'slip'],
  ['刹车', '制动', 'brake'],
  ['漏油', 'oil leak'],
  ['冷车', 'cold start'],
  ['空调', 'a/c', 'ac', 'hvac'],
  ['电瓶', '蓄电池', 'battery'],
  ['故障灯', 'mil', 'check engine'],
  ['异味', 'smell', 'odor'],
])

/**
 * The rules every index of the portal shares (cases, bulletins, questions), so one query means
 * the same in each: the workshop's synonyms in both languages, DTCs matched exactly.
 */
export const workshopTextSettings = {
  synonyms: caseSynonyms,
  // A DTC differs from its neighbour by one character: P0171 must never match P0172.
  typoTolerance: { enabled: true, disableOnAttributes: ['dtcs'] },
  // Word proximity within an attribute, not word by word: indexing is several times cheaper and
  // the texts are short enough that "same field" is a good proximity signal.
  proximityPrecision: 'byAttribute',
  pagination: { maxTotalHits: 10000 },
  displayedAttributes: ['*'],
} satisfies Settings

/**
 * `id IN [...]`, for highlighting a deep page by id (federated-search.ts). Equality only: no
 * range structure and no facet search, so indexing is no slower (measured on 100,000 cases).
 */
export const filterById: GranularFilterableAttribute = { attributePatterns: ['id'], features: { facetSearch: false, filter: { equality: true, comparison: false } } }

export const caseIndexSettings: Settings = {
  ...workshopTextSettings,
  searchableAttributes: [
    'dtcs',
    'title',
    'modelZh',
    'modelEn',
    'symptoms',
    'rootCause',
    'fix',
    'diagnosis',
    'parts',
    'externalId',
    // Last: an exact word in the text ranks above a match on its stem only.
    'stemmed',
  ],
  filterableAttributes: [filterById, 'modelId', 'year', 'system', 'dtcs', 'classic', 'language'],
  sortableAttributes: ['approvedAt', 'confirmCount'],
  rankingRules: ['words', 'typo', 'proximity', 'attribute', 'sort', 'exactness', 'confirmCount:desc'],
  typoTolerance: { enabled: true, disableOnAttributes: ['dtcs', 'externalId'] },
  // Counted by frequency: the most common values come back (the page lists the top 12), and
  // Meilisearch counts them from the matching documents instead of walking every value
  // alphabetically (several times cheaper over thousands of matches).
  faceting: { maxValuesPerFacet: 200, sortFacetValuesBy: { '*': 'count' } },
  // Facet values are listed, never searched: skipping that structure makes indexing cheaper.
  facetSearch: false,
}
