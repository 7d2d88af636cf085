import { Prisma } from '~/generated/prisma/client'
import { getDb } from '~/utils/db.server'
import type { SessionUser } from '~/utils/session-user'
import { canManageExams } from './access'
import { CERTIFICATION_LEVELS, KEY_POSITIONS, type Level, type Position } from './levels'

type Viewer = Pick<SessionUser, 'id' | 'role' | 'stationId'>

/** Exam managers see every station; a station manager sees their own; nobody else. */
export const canSeeCoverage = (user: Viewer) => canManageExams(user) || (user.role === 'STATION_MANAGER' && Boolean(user.stationId))

export const COVERAGE_PAGE_SIZE = 50
/** A certificate running out within this many days is shown as a coming gap. */
export const EXPIRING_SOON_DAYS = 90

type StationRow = {
  id: string
  code: string
  name: string
  region: string
  technicians: number
  uncertified: number
  level_counts: number[]
  covered: Position[] | null
}

/**
 * Per station: how many technicians hold each level (their highest valid one), how many hold
 * none, and which key positions have a certified holder there. One SQL statement over
 * stations, members and valid certificates, so it scales with the network, not per person.
 */
const perStation = (now: Date, stationFilter: Prisma.Sql) => Prisma.sql`
  WITH ranks AS (
    SELECT c."userId", max(array_position(${CERTIFICATION_LEVELS as unknown as string[]}::text[], c.level::text)) AS rank
    FROM "Certification" c WHERE c."expiresAt" > ${now} GROUP BY c."userId"
  ),
  covered AS (
    SELECT u."stationId", array_agg(DISTINCT p.position::text) AS positions
    FROM "PositionCertificate" p JOIN "User" u ON u.id = p."userId"
    WHERE p."expiresAt" > ${now} AND u."stationId" IS NOT NULL
    GROUP BY u."stationId"
  )
  SELECT s.id, s.code, s.name, s.region,
    count(u.id) FILTER (WHERE u.role = 'TECHNICIAN')::int AS technicians,
    count(u.id) FILTER (WHERE u.role = 'TECHNICIAN' AND r.rank IS NULL)::int AS uncertified,
    ARRAY[${Prisma.join(CERTIFICATION_LEVELS.map((_, index) => Prisma.sql`count(u.id) FILTER (WHERE r.rank = ${index + 1})::int`))}] AS level_counts,
    cv.positions AS covered
  FROM "Station" s
  LEFT JOIN "User" u ON u."stationId" = s.id
  LEFT JOIN ranks r ON r."userId" = u.id
  LEFT JOIN covered cv ON cv."stationId" = s.id
  WHERE ${stationFilter}
  GROUP BY s.id, cv.positions`

function toStation(row: StationRow) {
  const covered = new Set(row.covered ?? [])
  return {
    id: row.id,
    code: row.code,
    name: row.name,
    region: row.region,
    technicians: row.technicians,
    uncertified: row.uncertified,
    levels: Object.fromEntries(CERTIFICATION_LEVELS.map((level, index) => [level, row.level_counts[index] ?? 0])) as Record<Level, number>,
    covered: KEY_POSITIONS.filter((position) => covered.has(position)),
    missing: KEY_POSITIONS.filter((position) => !covered.has(position)),
  }
}
export type StationCoverage = ReturnType<typeof toStation>

/**
 * The coverage report: a page of stations (all, one region, or with gaps only) and the
 * regions' totals. A station manager gets their own station only.
 */
export async function stationCoverage({
  user,
  region,
  gapsOnly = false,
  page = 1,
  now = new Date(),
}: {
  user: Viewer
  region?: string
  gapsOnly?: boolean
  page?: number
  now?: Date
}) {
  if (!canSeeCoverage(user)) return null
  const own = !canManageExams(user)
  const filter = Prisma.sql`${own ? Prisma.sql`s.id = ${user.stationId}` : Prisma.sql`TRUE`} AND ${region && !own ? Prisma.sql`s.region = ${region}` : Prisma.sql`TRUE`}`
  const db = getDb()
  const gapFilter = gapsOnly ? Prisma.sql`WHERE uncertified > 0 OR coalesce(cardinality(covered), 0) < ${KEY_POSITIONS.length}` : Prisma.empty
  const [rows, totals, regions] = await Promise.all([
    db.$queryRaw<StationRow[]>`SELECT * FROM (${perStation(now, filter)}) stations ${gapFilter} ORDER BY code LIMIT ${COVERAGE_PAGE_SIZE} OFFSET ${(page - 1) * COVERAGE_PAGE_SIZE}`,
    db.$queryRaw<Array<{ stations: number }>>`SELECT count(*)::int AS stations FROM (${perStation(now, filter)}) stations ${gapFilter}`,
    // A station manager's page shows no regions.
    own ? [] : db.$queryRaw<Array<{ region: string; stations: number; fully_covered: number; technicians: number; uncertified: number }>>`
      SELECT region, count(*)::int AS stations,
        count(*) FILTER (WHERE coalesce(cardinality(covered), 0) = ${KEY_POSITIONS.length})::int AS fully_covered,
        sum(technicians)::int AS technicians, sum(uncertified)::int AS uncertified
      FROM (${perStation(now, Prisma.sql`TRUE`)}) stations GROUP BY region ORDER BY region`,
  ])
  const total = totals[0]?.stations ?? 0
  return {
    own,
    stations: rows.map(toStation),
    total,
    page,
    pages: Math.max(1, Math.ceil(total / COVERAGE_PAGE_SIZE)),
    regions: regions.map((row) => ({ region: row.region, stations: row.stations, fullyCovered: row.fully_covered, technicians: row.technicians, uncertified: row.uncertified })),
  }
}

/** One station's members: each one's highest valid level and key positions, with what runs out soon. */
export async function stationMembersCoverage({ user, stationCode, now = new Date() }: { user: Viewer; stationCode: string; now?: Date }) {
  if (!canSeeCoverage(user)) return null
  const station = await getDb().station.findFirst({
    where: { code: stationCode, ...(canManageExams(user) ? {} : { id: user.stationId! }) },
    select: {
      code: true,
      name: true,
      region: true,
      users: {
        where: { role: { in: ['TECHNICIAN', 'STATION_MANAGER'] } },
        orderBy: [{ role: 'asc' }, { name: 'asc' }],
        select: {
          id: true,
          name: true,
          role: true,
          certifications: { where: { expiresAt: { gt: now } }, select: { level: true, expiresAt: true } },
          positionCertificates: { where: { expiresAt: { gt: now } }, orderBy: { position: 'asc' }, select: { position: true, expiresAt: true } },
        },
      },
    },
  })
  if (!station) return null
  const soon = new Date(now.getTime() + EXPIRING_SOON_DAYS * 86_400_000)
  return {
    code: station.code,
    name: station.name,
    region: station.region,
    members: station.users.map((member) => {
      const best = member.certifications.reduce<(typeof member.certifications)[number] | null>(
        (top, row) => (!top || CERTIFICATION_LEVELS.indexOf(row.level) > CERTIFICATION_LEVELS.indexOf(top.level) ? row : top),
        null,
      )
      return {
        id: member.id,
        name: member.name,
        role: member.role,
        level: best ? { level: best.level as Level, expiresAt: best.expiresAt, expiringSoon: best.expiresAt <= soon } : null,
        positions: member.positionCertificates.map((row) => ({ position: row.position as Position, expiresAt: row.expiresAt, expiringSoon: row.expiresAt <= soon })),
      }
    }),
  }
}
