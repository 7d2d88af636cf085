import { z } from 'zod'
import { SYSTEM_CODES } from '~/utils/vehicle-schema'
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

const TERM = /^[^<>{}"]{1,40}$/
const termList = (label: string) =>
  z
    .preprocess((value) => (typeof value === 'string' ? value.split(/[,，、;；\n]+/) : (value ?? [])), z.array(z.string()))
    .transform((terms) => [...new Set(terms.map((term) => term.trim()).filter(Boolean))])
    .refine((terms) => terms.length <= 20, `at most 20 ${label}`)
    .refine((terms) => terms.every((term) => TERM.test(term)), 'a term has 1 to 40 characters, without < > { } "')

/** A thesaurus group as the vocabulary form sends it (lists separated by commas or 、). */
export const synonymGroupSchema = z
  .object({
    standard: z.string({ required_error: 'the standard term is required' }).trim().min(1, 'the standard term is required').regex(TERM, 'a term has 1 to 40 characters, without < > { } "'),
    colloquial: termList('colloquial terms'),
    english: termList('English terms'),
    systemCode: z.preprocess((value) => (value === '' ? undefined : value), z.enum(SYSTEM_CODES, { errorMap: () => ({ message: 'choose a system' }) }).optional()),
  })
  .refine((group) => group.colloquial.length + group.english.length > 0, { path: ['colloquial'], message: 'give at least one other word for the term' })

export type SynonymGroupInput = z.infer<typeof synonymGroupSchema>

export const vocabularyListSchema = z.object({
  q: z.string().trim().max(40).default(''),
  page: z.coerce.number().int().min(1).max(1000).default(1),
})

/** A click on a search hit, sent by the page as a beacon. */
export const searchClickSchema = z.object({ logId: z.coerce.bigint().positive(), hitId: z.string().min(1).max(40) })
