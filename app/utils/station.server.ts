import { Prisma } from '~/generated/prisma/client'
import { getDb } from './db.server'

/** A unique index said no (station code, user email): the caller turns it into a field error. */
export function isUniqueViolation(error: unknown) {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002'
}

/** One page of stations by code, each with the number of its users. */
export async function listStations({ skip = 0, take = 50 }: { skip?: number; take?: number } = {}) {
  const [stations, total] = await Promise.all([
    getDb().station.findMany({
      orderBy: { code: 'asc' },
      skip,
      take,
      select: { id: true, code: true, name: true, region: true, _count: { select: { users: true } } },
    }),
    getDb().station.count(),
  ])
  return {
    stations: stations.map(({ _count, ...station }) => ({ ...station, userCount: _count.users })),
    total,
  }
}

/** Creates a station; a code that is already taken is an outcome, not an exception. */
export async function createStation({ code, name, region }: { code: string; name: string; region: string }) {
  try {
    const station = await getDb().station.create({
      data: { code, name, region },
      select: { id: true, code: true, name: true, region: true },
    })
    return { ok: true as const, station }
  } catch (error) {
    if (isUniqueViolation(error)) return { ok: false as const, reason: 'duplicate-code' as const }
    throw error
  }
}

/** Every station for a `<select>`, by code. */
export function listStationOptions() {
  return getDb().station.findMany({ orderBy: { code: 'asc' }, select: { id: true, code: true, name: true } })
}

export async function stationExists(stationId: string) {
  return (await getDb().station.count({ where: { id: stationId } })) > 0
}

/** The regions stations are in (audiences and reports group by them). */
export async function listRegions() {
  const rows = await getDb().station.findMany({ distinct: ['region'], select: { region: true }, orderBy: { region: 'asc' } })
  return rows.map((row) => row.region)
}
