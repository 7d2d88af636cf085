import { z } from 'zod'
import { SEARCH_TYPES } from '../../../search/search-types'

/** Query parameters of `GET /api/search` (the search page adds its case filters to these). */
export const siteSearchParamsSchema = z.object({
  q: z.string().trim().max(200, 'query is too long').default(''),
  type: z.enum(SEARCH_TYPES).default('all'),
  limit: z.coerce.number().int().min(1).max(100).default(20),
  offset: z.coerce.number().int().min(0).max(10_000).default(0),
})

export type SiteSearchParams = z.infer<typeof siteSearchParamsSchema>

export const parseSiteSearchParams = (url: URL) => siteSearchParamsSchema.safeParse(Object.fromEntries(url.searchParams))
