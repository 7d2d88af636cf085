import { Prisma, type Role } from '~/generated/prisma/client'
import { getDb } from '~/utils/db.server'
import { TtlCache } from '~/utils/ttl-cache.server'
import type { SessionUser } from '~/utils/session-user'
import type { BulletinFilters } from './schema'

/** Those who write bulletins and see every one of them, drafts included. */
export const BULLETIN_EDITORS: Role[] = ['TRAINER', 'ENGINEER', 'ADMIN']
export const isBulletinEditor = (user: Pick<SessionUser, 'role'>) => BULLETIN_EDITORS.includes(user.role as Role)

export type Reader = Pick<SessionUser, 'id' | 'role' | 'stationId'> & { stationCode: string | null; region: string | null }

/** The reader's station and region, which audiences name. */
// A station's code and region, read at most once a minute per station (every bulletin read needs them).
const stationAudience = new TtlCache<{ code: string; region: string } | null>({ ttlMs: 60_000, maxEntries: 20_000 })

export async function readerOf(user: Pick<SessionUser, 'id' | 'role' | 'stationId'>): Promise<Reader> {
  const stationId = user.stationId
  const station = stationId ? await stationAudience.get(stationId, () => getDb().station.findUnique({ where: { id: stationId }, select: { code: true, region: true } })) : null
  return { ...user, stationCode: station?.code ?? null, region: station?.region ?? null }
}

const anyOr = <K extends 'audienceRoles' | 'audienceRegions' | 'audienceStations'>(field: K, value: string | null): Prisma.BulletinWhereInput =>
  value === null ? { [field]: { isEmpty: true } } : { OR: [{ [field]: { isEmpty: true } }, { [field]: { has: value } }] }

/** Published, not expired, not replaced by a published successor, and addressed to this reader. */
export function bulletinsForReaderWhere(reader: Reader, now = new Date()): Prisma.BulletinWhereInput {
  return {
    publishedAt: { lte: now },
    OR: [{ expiresAt: null }, { expiresAt: { gt: now } }],
    AND: [
      { OR: [{ supersededBy: { is: null } }, { supersededBy: { publishedAt: null } }, { supersededBy: { publishedAt: { gt: now } } }] },
      anyOr('audienceRoles', reader.role),
      anyOr('audienceRegions', reader.region),
      anyOr('audienceStations', reader.stationCode),
    ],
  }
}

// As Prisma's isEmpty and has: a NULL list is neither empty nor holds anything.
const isEmptySql = (column: Prisma.Sql) => Prisma.sql`cardinality(${column}) = 0`
const anyOrSql = (column: Prisma.Sql, value: string | null) =>
  value === null ? isEmptySql(column) : Prisma.sql`(${isEmptySql(column)} OR ${value} = ANY(${column}::text[]))`

/** bulletinsForReaderWhere as SQL over the bulletin aliased `b`, for the case page's hot read (a test keeps the two in step). */
export function bulletinsForReaderSql(reader: Reader, now = new Date()) {
  return Prisma.sql`b."publishedAt" <= ${now}::timestamptz AND (b."expiresAt" IS NULL OR b."expiresAt" > ${now}::timestamptz)
    AND NOT EXISTS (SELECT 1 FROM "Bulletin" successor WHERE successor."supersedesId" = b.id AND successor."publishedAt" <= ${now}::timestamptz)
    AND ${anyOrSql(Prisma.raw('b."audienceRoles"'), reader.role)} AND ${anyOrSql(Prisma.raw('b."audienceRegions"'), reader.region)}
    AND ${anyOrSql(Prisma.raw('b."audienceStations"'), reader.stationCode)}`
}

/** applicabilityWhere (without a DTC) as SQL over the bulletin aliased `b` (a test keeps the two in step). */
export function applicabilitySql({ modelId, year, vin, system }: { modelId?: string; year?: number; vin?: string; system?: string }) {
  const conditions = [
    ...(modelId === undefined ? [] : [anyOrSql(Prisma.raw('b."modelIds"'), modelId)]),
    ...(system === undefined ? [] : [anyOrSql(Prisma.raw('b.systems'), system)]),
    ...(year === undefined ? [] : [Prisma.sql`(b."yearFrom" IS NULL OR b."yearFrom" <= ${year}) AND (b."yearTo" IS NULL OR b."yearTo" >= ${year})`]),
    ...(vin === undefined ? [] : [Prisma.sql`(b."vinFrom" IS NULL OR b."vinFrom" <= ${vin}) AND (b."vinTo" IS NULL OR b."vinTo" >= ${vin})`]),
  ]
  return conditions.length === 0 ? Prisma.sql`TRUE` : Prisma.join(conditions, ' AND ')
}

const listed = (field: 'modelIds' | 'systems' | 'dtcs', value: string | undefined): Prisma.BulletinWhereInput[] =>
  value === undefined ? [] : [{ OR: [{ [field]: { isEmpty: true } }, { [field]: { has: value } }] }]

/** Applies to the given vehicle and fault: an empty list or open bound on the bulletin means "any". */
export function applicabilityWhere({ modelId, year, vin, dtc, system }: { modelId?: string; year?: number; vin?: string; dtc?: string; system?: string }): Prisma.BulletinWhereInput {
  return {
    AND: [
      ...listed('modelIds', modelId),
      ...listed('systems', system),
      ...listed('dtcs', dtc),
      ...(year === undefined ? [] : [{ OR: [{ yearFrom: null }, { yearFrom: { lte: year } }] }, { OR: [{ yearTo: null }, { yearTo: { gte: year } }] }]),
      ...(vin === undefined ? [] : [{ OR: [{ vinFrom: null }, { vinFrom: { lte: vin } }] }, { OR: [{ vinTo: null }, { vinTo: { gte: vin } }] }]),
    ],
  }
}

/** The filters of a list or API call, with the model given by name (Chinese or English) or id. */
export async function filtersWhere(filters: BulletinFilters): Promise<Prisma.BulletinWhereInput> {
  let modelId: string | undefined
  if (filters.model) {
    const model = await getDb().vehicleModel.findFirst({
      where: { OR: [{ id: filters.model }, { nameZh: filters.model }, { nameEn: { equals: filters.model, mode: 'insensitive' } }] },
      select: { id: true },
    })
    // A model we do not know: only bulletins for every model apply to it.
    modelId = model?.id ?? '-'
  }
  return applicabilityWhere({ modelId, year: filters.year, vin: filters.vin, dtc: filters.dtc, system: filters.system })
}

/** Attachments of the bulletins this person may read (every bulletin's, for those who write them). */
export async function bulletinAttachmentWhere(user: Pick<SessionUser, 'id' | 'role' | 'stationId'>): Promise<Prisma.AttachmentWhereInput> {
  if (isBulletinEditor(user)) return { bulletinId: { not: null } }
  return { bulletin: bulletinsForReaderWhere(await readerOf(user)) }
}
