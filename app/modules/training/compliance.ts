import { monthSchema } from './schema'

/** The factory asks every station for four in-house sessions a month. */
export const SESSIONS_PER_MONTH = 4

export type StationMonth = { stationId: string; code: string; name: string; region: string; reportId: string | null; sessions: number; submitted: boolean }
export type StationCompliance = StationMonth & { compliant: boolean }
export type RegionCompliance = { region: string; stations: number; submitted: number; compliant: number; sessions: number; percent: number }

const percent = (part: number, whole: number) => (whole === 0 ? 0 : Math.round((part / whole) * 100))

/** A station complies when its report is submitted with at least the required sessions. */
export function summariseCompliance(rows: StationMonth[]) {
  const stations: StationCompliance[] = rows.map((row) => ({ ...row, compliant: row.submitted && row.sessions >= SESSIONS_PER_MONTH }))
  const byRegion = new Map<string, RegionCompliance>()
  for (const station of stations) {
    const region = byRegion.get(station.region) ?? { region: station.region, stations: 0, submitted: 0, compliant: 0, sessions: 0, percent: 0 }
    region.stations += 1
    region.submitted += station.submitted ? 1 : 0
    region.compliant += station.compliant ? 1 : 0
    region.sessions += station.sessions
    byRegion.set(station.region, region)
  }
  const regions = [...byRegion.values()].sort((a, b) => a.region.localeCompare(b.region)).map((region) => ({ ...region, percent: percent(region.compliant, region.stations) }))
  const compliant = stations.filter((station) => station.compliant).length
  const total = { stations: stations.length, submitted: stations.filter((station) => station.submitted).length, compliant, sessions: stations.reduce((sum, station) => sum + station.sessions, 0), percent: percent(compliant, stations.length) }
  return { stations, regions, total }
}

const csvCell = (value: string | number) => (/[",\n\r]/.test(String(value)) ? `"${String(value).replace(/"/g, '""')}"` : String(value))

/** The per-station table as CSV (a BOM first, so spreadsheet programs read the Chinese names). */
export function complianceCsv(month: string, stations: StationCompliance[]) {
  const lines = [['month', 'region', 'station_code', 'station_name', 'sessions', 'target', 'submitted', 'compliant']]
  for (const station of stations) lines.push([month, station.region, station.code, station.name, String(station.sessions), String(SESSIONS_PER_MONTH), station.submitted ? 'yes' : 'no', station.compliant ? 'yes' : 'no'])
  return '\ufeff' + lines.map((line) => line.map(csvCell).join(',')).join('\r\n') + '\r\n'
}

/** `YYYY-MM` of a date, in UTC (months are the factory's calendar months). */
export const monthOf = (date: Date) => date.toISOString().slice(0, 7)

export function previousMonth(month: string, back = 1) {
  const [year, monthNumber] = month.split('-').map(Number)
  return monthOf(new Date(Date.UTC(year, monthNumber - 1 - back, 1)))
}

/** The month asked for (`?month=YYYY-MM`), else the current one. */
export function requestedMonth(request: Request, now = new Date()) {
  const asked = monthSchema.safeParse(new URL(request.url).searchParams.get('month'))
  return asked.success ? asked.data : monthOf(now)
}
