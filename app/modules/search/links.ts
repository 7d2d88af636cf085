import type { SiteHit } from '../../../search/search-all'

/** Where a search hit opens. */
export const hitUrl = (hit: Pick<SiteHit, 'type' | 'id'>) => (hit.type === 'case' ? `/cases/${hit.id}` : hit.type === 'bulletin' ? `/bulletins/${hit.id}` : `/forum/${hit.id}`)
