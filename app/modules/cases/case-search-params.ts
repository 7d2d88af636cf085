import { z } from 'zod'
import type { CaseSearchQuery } from '../../../search/search-cases'

const optionalText = z.string().trim().max(64).optional().transform((value) => value || undefined)

/** Query parameters of the search page and `GET /api/cases/search`. */
export const caseSearchParamsSchema = z.object({
  q: z.string().trim().max(200, 'query is too long').default(''),
  model: optionalText,
  year: z.coerce.number().int().min(1900).max(2100).optional().or(z.literal('').transform(() => undefined)),
  system: optionalText,
  dtc: optionalText,
  classic: z
    .enum(['true', 'false', '1', '0', ''])
    .optional()
    .transform((value) => (value === 'true' || value === '1' ? true : value === 'false' || value === '0' ? false : undefined)),
  limit: z.coerce.number().int().min(1).max(100).default(20),
  offset: z.coerce.number().int().min(0).max(10_000).default(0),
})

export type CaseSearchParams = z.infer<typeof caseSearchParamsSchema>

export function parseSearchParams(url: URL) {
  return caseSearchParamsSchema.safeParse(Object.fromEntries(url.searchParams))
}

// The facets listed beside the results (classic is a toggle without a count).
const SEARCH_PAGE_FACETS = ['modelId', 'system', 'year', 'dtcs'] as const

/** The search the case library page runs for its parameters. */
export function searchPageQuery(params: CaseSearchParams): CaseSearchQuery {
  const { model, ...rest } = params
  return { ...rest, modelId: model, facets: SEARCH_PAGE_FACETS }
}
