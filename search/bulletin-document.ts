import type { Settings } from 'meilisearch'
import type { Prisma } from '../app/generated/prisma/client'
import { getDb } from '../app/utils/db.server'
import { filterById, workshopTextSettings } from './case-index-settings'
import { englishStems } from './english-stems'

/** Stands for "no limit" in the date fields, so a filter is a plain comparison. */
export const NEVER = 32_503_680_000 // 3000-01-01 in epoch seconds
/** Stands for "anyone" in the audience fields (an empty audience list addresses everyone). */
export const ANYONE = '*'

export const bulletinDocumentSelect = {
  id: true,
  number: true,
  title: true,
  type: true,
  bodyText: true,
  modelIds: true,
  systems: true,
  dtcs: true,
  audienceRoles: true,
  audienceRegions: true,
  audienceStations: true,
  requiresAck: true,
  publishedAt: true,
  expiresAt: true,
  supersededBy: { select: { publishedAt: true } },
} satisfies Prisma.BulletinSelect

type BulletinRow = Prisma.BulletinGetPayload<{ select: typeof bulletinDocumentSelect }>

export type BulletinDocument = {
  id: string
  number: number
  title: string
  type: string
  body: string
  modelIds: string[]
  modelZh: string[]
  modelEn: string[]
  systems: string[]
  dtcs: string[]
  requiresAck: boolean
  publishedAt: number
  expiresAt: number
  /** When a published successor replaces it (NEVER while none does). */
  supersededAt: number
  audienceRoles: string[]
  audienceRegions: string[]
  audienceStations: string[]
  stemmed: string
}

const epoch = (date: Date | null | undefined) => (date ? Math.floor(date.getTime() / 1000) : NEVER)
const orAnyone = (values: string[]) => (values.length > 0 ? values : [ANYONE])

type ModelNames = Map<string, { nameZh: string; nameEn: string }>

export function toBulletinDocument(row: BulletinRow & { publishedAt: Date }, models: ModelNames): BulletinDocument {
  const names = row.modelIds.map((id) => models.get(id)).filter((name) => name !== undefined)
  const body = row.bodyText.slice(0, 8000)
  return {
    id: row.id,
    number: row.number,
    title: row.title,
    type: row.type.toLowerCase(),
    body,
    modelIds: row.modelIds,
    modelZh: names.map((name) => name.nameZh),
    modelEn: names.map((name) => name.nameEn),
    systems: row.systems,
    dtcs: row.dtcs,
    requiresAck: row.requiresAck,
    publishedAt: epoch(row.publishedAt),
    expiresAt: epoch(row.expiresAt),
    supersededAt: epoch(row.supersededBy?.publishedAt),
    audienceRoles: orAnyone(row.audienceRoles),
    audienceRegions: orAnyone(row.audienceRegions),
    audienceStations: orAnyone(row.audienceStations),
    stemmed: englishStems(`${row.title} ${body}`),
  }
}

/** The index's view of these bulletins: published ones as documents, drafts and deleted ones to remove. */
export async function loadBulletinDocuments(ids: string[]) {
  const db = getDb()
  const rows = await db.bulletin.findMany({ where: { id: { in: ids } }, select: bulletinDocumentSelect })
  const published = rows.filter((row): row is BulletinRow & { publishedAt: Date } => row.publishedAt !== null)
  const modelIds = [...new Set(published.flatMap((row) => row.modelIds))]
  const models: ModelNames = new Map(
    modelIds.length > 0
      ? (await db.vehicleModel.findMany({ where: { id: { in: modelIds } }, select: { id: true, nameZh: true, nameEn: true } })).map((model) => [model.id, model])
      : [],
  )
  const kept = new Set(published.map((row) => row.id))
  return { documents: published.map((row) => toBulletinDocument(row, models)), deletedIds: ids.filter((id) => !kept.has(id)) }
}

export const bulletinIndexSettings: Settings = {
  ...workshopTextSettings,
  searchableAttributes: ['dtcs', 'title', 'modelZh', 'modelEn', 'body', 'stemmed'],
  filterableAttributes: [filterById, 'publishedAt', 'expiresAt', 'supersededAt', 'audienceRoles', 'audienceRegions', 'audienceStations', 'modelIds', 'systems', 'dtcs', 'type'],
  sortableAttributes: ['publishedAt'],
  rankingRules: ['words', 'typo', 'proximity', 'attribute', 'sort', 'exactness', 'publishedAt:desc'],
  facetSearch: false,
}
