import type { Prisma } from '~/generated/prisma/client'
import { getDb } from '~/utils/db.server'
import { searchCases, type CaseSearchQuery, type CaseSearchResult } from '../../../search/search-cases'
import { PUBLISHED_STATUSES } from './case-workflow'

export type CaseSearchOutcome = CaseSearchResult & { degraded: boolean }

/**
 * Without Meilisearch the library stays usable: every word must appear in the title, the
 * symptoms or the DTC list (no typo tolerance, no synonyms, no facet counts).
 */
export async function basicCaseSearch(query: CaseSearchQuery): Promise<CaseSearchResult> {
  const started = Date.now()
  const words = query.q.split(/\s+/).filter(Boolean).slice(0, 8)
  const where: Prisma.RepairCaseWhereInput = {
    status: query.classic ? 'CLASSIC' : { in: PUBLISHED_STATUSES },
    mergedIntoId: null,
    ...(query.modelId ? { modelId: query.modelId } : {}),
    ...(query.year ? { year: query.year } : {}),
    ...(query.system ? { systemCode: query.system } : {}),
    ...(query.dtc ? { dtcs: { has: query.dtc.toUpperCase() } } : {}),
    AND: words.map((word) => ({
      OR: [
        { title: { contains: word, mode: 'insensitive' as const } },
        { symptomsText: { contains: word, mode: 'insensitive' as const } },
        { dtcs: { has: word.toUpperCase() } },
      ],
    })),
  }
  const db = getDb()
  const [rows, total] = await Promise.all([
    db.repairCase.findMany({
      where,
      orderBy: { approvedAt: 'desc' },
      skip: query.offset,
      take: query.limit,
      select: {
        id: true,
        externalId: true,
        title: true,
        year: true,
        systemCode: true,
        dtcs: true,
        symptomsText: true,
        status: true,
        confirmCount: true,
        model: { select: { id: true, nameZh: true, nameEn: true } },
      },
    }),
    db.repairCase.count({ where }),
  ])
  return {
    hits: rows.map((row) => ({
      id: row.id,
      externalId: row.externalId,
      title: row.title,
      titleParts: [{ text: row.title, hit: false }],
      modelId: row.model.id,
      modelZh: row.model.nameZh,
      modelEn: row.model.nameEn,
      year: row.year,
      system: row.systemCode,
      dtcs: row.dtcs,
      snippetParts: [{ text: row.symptomsText.slice(0, 160), hit: false }],
      classic: row.status === 'CLASSIC',
      confirmCount: row.confirmCount,
    })),
    estimatedTotalHits: total,
    processingTimeMs: Date.now() - started,
    facets: { modelId: {}, year: {}, system: {}, dtcs: {}, classic: {} },
  }
}

/** Meilisearch first; the database when it is unreachable, flagged so the page can say so. */
export async function searchCasesWithFallback(query: CaseSearchQuery): Promise<CaseSearchOutcome> {
  try {
    return { ...(await searchCases(query)), degraded: false }
  } catch (error) {
    console.warn(`search: Meilisearch unavailable (${(error as Error).message}; ${String((error as Error).cause ?? '')}); using database search`)
    return { ...(await basicCaseSearch(query)), degraded: true }
  }
}
