import type { LoaderFunctionArgs } from '@remix-run/node'
import { findVehicleModelByName, getCatalogue } from '~/modules/catalogue/catalogue.server'
import { searchCasesWithFallback } from '~/modules/cases/case-search.server'
import { highlightHtml } from '~/utils/api.server'
import { requireApiUser } from '~/utils/auth.server'
import { fieldErrors } from '~/utils/validation'
import { parseSearchParams } from '~/modules/cases/case-search-params'

const facetList = (values: Record<string, number>, label: (value: string) => string = (value) => value) =>
  Object.entries(values)
    .sort((a, b) => b[1] - a[1])
    .map(([value, count]) => ({ value, label: label(value), count }))

/** `GET /api/cases/search`: the search page's results as JSON; `model` takes an id or a name in either language. */
export async function loader({ request }: LoaderFunctionArgs) {
  await requireApiUser(request)
  const parsed = parseSearchParams(new URL(request.url))
  if (!parsed.success) return Response.json({ errors: fieldErrors(parsed.error) }, { status: 400 })
  const { model, ...params } = parsed.data
  const modelId = model ? (await findVehicleModelByName(model))?.id ?? '__unknown_model__' : undefined
  const [result, catalogue] = await Promise.all([searchCasesWithFallback({ ...params, modelId }), getCatalogue()])
  const modelLabel = (id: string) => {
    const entry = catalogue.models.find((candidate) => candidate.id === id)
    return entry ? `${entry.nameZh} / ${entry.nameEn}` : id
  }
  return Response.json({
    hits: result.hits.map((hit) => ({
      id: hit.id,
      externalId: hit.externalId,
      title: hit.title,
      model: hit.modelZh,
      modelEn: hit.modelEn,
      modelId: hit.modelId,
      year: hit.year,
      system: hit.system,
      dtcs: hit.dtcs,
      snippet: highlightHtml(hit.snippetParts),
      classic: hit.classic,
    })),
    estimatedTotalHits: result.estimatedTotalHits,
    processingTimeMs: result.processingTimeMs,
    facets: {
      model: facetList(result.facets.modelId, modelLabel),
      year: facetList(result.facets.year),
      system: facetList(result.facets.system),
      dtc: facetList(result.facets.dtcs),
      classic: facetList(result.facets.classic),
    },
    degraded: result.degraded,
  })
}
