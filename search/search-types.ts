/** The scopes of the portal's search (no imports: the browser bundle uses it). */
export const SEARCH_TYPES = ['all', 'case', 'bulletin', 'question'] as const
export type SearchType = (typeof SEARCH_TYPES)[number]
export type HitType = Exclude<SearchType, 'all'>
