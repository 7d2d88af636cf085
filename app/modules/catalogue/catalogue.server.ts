import { getDb } from '~/utils/db.server'
import { TtlCache } from '~/utils/ttl-cache.server'

export function listVehicleModels() {
  return getDb().vehicleModel.findMany({
    orderBy: { nameEn: 'asc' },
    select: { id: true, nameZh: true, nameEn: true, yearFrom: true, yearTo: true },
  })
}

export function listVehicleSystems() {
  return getDb().vehicleSystem.findMany({ orderBy: { code: 'asc' }, select: { code: true, nameZh: true, nameEn: true } })
}

type DtcDescription = { code: string; descriptionZh: string; descriptionEn: string }
// The whole DTC table, read at most once a minute: every case page describes its codes.
const dtcTable = new TtlCache<Map<string, DtcDescription>>({ ttlMs: 60_000, maxEntries: 1 })

export async function describeDtcs(codes: string[]) {
  if (codes.length === 0) return []
  const table = await dtcTable.get('all', async () => {
    const rows = await getDb().dtcCode.findMany({ select: { code: true, descriptionZh: true, descriptionEn: true } })
    return new Map(rows.map((row) => [row.code, row]))
  })
  return codes.flatMap((code) => table.get(code) ?? [])
}

export type ModelResolution = { id: string; created: boolean; name: string }

/**
 * Finds a model by its Chinese or English name; creates it (or fills in the missing name)
 * when the import brings names the catalogue does not have yet.
 */
export async function resolveVehicleModel({
  name,
  nameZh,
  nameEn,
  year,
}: {
  name: string
  nameZh?: string
  nameEn?: string
  year: number
}): Promise<ModelResolution> {
  const db = getDb()
  const candidates = [name, nameZh, nameEn].filter((value): value is string => Boolean(value))
  const existing = await db.vehicleModel.findFirst({
    where: {
      OR: candidates.flatMap((candidate) => [
        { nameZh: { equals: candidate, mode: 'insensitive' as const } },
        { nameEn: { equals: candidate, mode: 'insensitive' as const } },
      ]),
    },
    select: { id: true, nameZh: true, nameEn: true, yearFrom: true, yearTo: true },
  })
  if (existing) {
    if (year < existing.yearFrom || year > existing.yearTo) {
      await db.vehicleModel.update({
        where: { id: existing.id },
        data: { yearFrom: Math.min(existing.yearFrom, year), yearTo: Math.max(existing.yearTo, year) },
      })
    }
    return { id: existing.id, created: false, name: existing.nameEn }
  }
  const isChinese = /[\u4e00-\u9fff]/.test(name)
  const created = await db.vehicleModel.create({
    data: {
      nameZh: nameZh ?? name,
      nameEn: nameEn ?? (isChinese ? `${name}` : name),
      yearFrom: year,
      yearTo: year,
    },
    select: { id: true, nameEn: true },
  })
  return { id: created.id, created: true, name: created.nameEn }
}

let cachedCatalogue: { expiresAt: number; value: Promise<Catalogue> } | undefined

export type Catalogue = {
  models: Awaited<ReturnType<typeof listVehicleModels>>
  systems: Awaited<ReturnType<typeof listVehicleSystems>>
}

/** Models and systems change rarely and label every search page: keep them for a few seconds. */
export function getCatalogue(): Promise<Catalogue> {
  if (!cachedCatalogue || cachedCatalogue.expiresAt < Date.now()) {
    const value = Promise.all([listVehicleModels(), listVehicleSystems()]).then(([models, systems]) => ({ models, systems }))
    cachedCatalogue = { expiresAt: Date.now() + 10_000, value }
    value.catch(() => (cachedCatalogue = undefined))
  }
  return cachedCatalogue.value
}

export async function findVehicleModelByName(name: string) {
  return getDb().vehicleModel.findFirst({
    where: { OR: [{ id: name }, { nameZh: { equals: name, mode: 'insensitive' } }, { nameEn: { equals: name, mode: 'insensitive' } }] },
    select: { id: true },
  })
}
