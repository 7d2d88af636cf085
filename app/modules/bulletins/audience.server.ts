import type { Prisma, Role } from '~/generated/prisma/client'
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
