import type { LoaderFunctionArgs } from '@remix-run/node'
import { hitUrl } from '~/modules/search/links'
import { parseSiteSearchParams } from '~/modules/search/schema'
import { siteSearch } from '~/modules/search/site-search.server'
import { highlightHtml } from '~/utils/api.server'
import { requireApiUser } from '~/utils/auth.server'
import { fieldErrors } from '~/utils/validation'

/** `GET /api/search?q=&type=all|case|bulletin|question`: one ranked list, each hit one the caller may open. */
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireApiUser(request)
  const parsed = parseSiteSearchParams(new URL(request.url))
  if (!parsed.success) return Response.json({ errors: fieldErrors(parsed.error) }, { status: 400 })
  const result = await siteSearch(user, parsed.data)
  return Response.json({
    hits: result.hits.map(({ titleParts: _titleParts, snippetParts, ...hit }) => ({ ...hit, snippet: highlightHtml(snippetParts), url: hitUrl(hit) })),
    estimatedTotalHits: result.estimatedTotalHits,
    processingTimeMs: result.processingTimeMs,
    degraded: result.degraded,
  })
}
