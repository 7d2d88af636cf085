import { Prisma } from '~/generated/prisma/client'
import { csvCell, csvDocument } from '~/utils/csv'
import { getDb } from '~/utils/db.server'

/** The users a bulletin is addressed to (`b` is the bulletin, `u` the user, `s` their station). */
export const addressedTo = Prisma.sql`
  (cardinality(b."audienceRoles") = 0 OR u.role = ANY(b."audienceRoles"))
  AND (cardinality(b."audienceRegions") = 0 OR s.region = ANY(b."audienceRegions"))
  AND (cardinality(b."audienceStations") = 0 OR s.code = ANY(b."audienceStations"))`

export async function audienceUserIds(bulletinId: string) {
  const rows = await getDb().$queryRaw<Array<{ id: string }>>`
    SELECT u.id FROM "User" u LEFT JOIN "Station" s ON s.id = u."stationId" JOIN "Bulletin" b ON b.id = ${bulletinId}
    WHERE ${addressedTo}`
  return rows.map((row) => row.id)
}

export type ReceiptRow = { code: string | null; name: string | null; region: string | null; addressed: number; read: number; acknowledged: number }

/** Who it is addressed to and how many have read and acknowledged it, per station (one query). */
export async function receiptsByStation(bulletinId: string) {
  return getDb().$queryRaw<ReceiptRow[]>`
    SELECT s.code, s.name, s.region, count(*)::int AS addressed, count(r."userId")::int AS read, count(r."acknowledgedAt")::int AS acknowledged
    FROM "User" u
    LEFT JOIN "Station" s ON s.id = u."stationId"
    JOIN "Bulletin" b ON b.id = ${bulletinId}
    LEFT JOIN "BulletinRead" r ON r."bulletinId" = b.id AND r."userId" = u.id
    WHERE ${addressedTo}
    GROUP BY s.code, s.name, s.region
    ORDER BY s.region NULLS LAST, s.code NULLS LAST`
}

const sum = (rows: ReceiptRow[]) => rows.reduce((total, row) => ({ addressed: total.addressed + row.addressed, read: total.read + row.read, acknowledged: total.acknowledged + row.acknowledged }), { addressed: 0, read: 0, acknowledged: 0 })

/** The dashboard: totals, regions, stations. People without a station (factory staff) form their own row. */
export async function bulletinReceipts(bulletinId: string) {
  const stations = await receiptsByStation(bulletinId)
  const regions = [...new Set(stations.map((row) => row.region))].map((region) => ({ region, ...sum(stations.filter((row) => row.region === region)) }))
  return { totals: sum(stations), regions, stations }
}

export function receiptsCsv(rows: ReceiptRow[], headings: string[]) {
  const lines = [headings, ...rows.map((row) => [row.region, row.code, row.name, row.addressed, row.read, row.acknowledged, row.addressed ? `${Math.round((100 * row.acknowledged) / row.addressed)}%` : ''])]
  return csvDocument(lines.map((line) => line.map(csvCell).join(',')))
}
