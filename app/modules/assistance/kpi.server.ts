import { z } from 'zod'
import { DAY_MS, isoDay, MAX_RANGE_DAYS, monthsBetween, optionalCalendarDate, utcDay } from '~/utils/calendar-days'
import { Prisma } from '~/generated/prisma/client'
import type { Role } from '~/generated/prisma/enums'
import type { Locale } from '~/i18n/messages'
import { getDb } from '~/utils/db.server'
import { getEnv } from '~/utils/env.server'
import { invariantResponse, requireRole } from '~/utils/permissions.server'
import type { SessionUser } from '~/utils/session-user'
import { groupLabel, kpiMessages } from './kpi-messages'
import { csvCell, csvDocument } from '~/utils/csv'

/**
 * KPIs of the assistance requests filed in a date range (see `kpiMessages` "kpi.definition.*"):
 * - answered within SLA = claimed with claimedAt <= responseDueAt
 *   / (claimed + unclaimed whose responseDueAt has passed)
 * - closed within SLA = resolvedAt <= resolutionDueAt / (resolved + unresolved whose resolutionDueAt
 *   has passed). "Closed" is the expert's resolution (resolvedAt), not the technician's confirmation
 *   (closedAt): the expert's SLA should not wait on how fast a station clicks "confirm".
 * - first-time fix = CLOSED with firstTimeFix / CLOSED with firstTimeFix answered
 * - medians (percentile_cont 0.5) of hours from createdAt to claimedAt and to resolvedAt.
 */

export const KPI_ROLES: readonly Role[] = ['ENGINEER', 'ADMIN', 'STATION_MANAGER']
export const KPI_DIMENSIONS = ['system', 'expert', 'region', 'month'] as const
export type KpiDimension = (typeof KPI_DIMENSIONS)[number]

/** Whose requests a viewer's KPIs cover: the whole network (stationId null) or one station. */
export type KpiScope = { stationId: string | null }

/** Experts and admins see the network, a station manager their station; anyone else gets 403. */
export function requireKpiScope(user: SessionUser): KpiScope {
  requireRole(user, KPI_ROLES)
  if (user.role !== 'STATION_MANAGER') return { stationId: null }
  invariantResponse(user.stationId, 'Forbidden', 403)
  return { stationId: user.stationId }
}

/** Dates are calendar days (inclusive) in the SLA time zone, where the stations work. */
export type KpiFilters = { from: string; to: string; groupBy: KpiDimension | null }


const emptyAsMissing = (value: unknown) => (value === '' ? undefined : value)
const filtersSchema = z.object({
  from: optionalCalendarDate,
  to: optionalCalendarDate,
  groupBy: z.preprocess(emptyAsMissing, z.enum(KPI_DIMENSIONS).default('system')),
})

export const kpiTimeZone = () => getEnv().SLA_TIMEZONE

function todayIn(timeZone: string, now: Date) {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-US', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).formatToParts(now).map((part) => [part.type, part.value]),
  )
  return `${parts.year}-${parts.month}-${parts.day}`
}

/** Six calendar months: the current one so far and the five before it. */
function defaultFrom(today: string) {
  const date = utcDay(today)
  return isoDay(new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() - 5, 1)))
}

/** `?from=YYYY-MM-DD&to=YYYY-MM-DD&groupBy=system|expert|region|month`; bad values are a 400. */
export function parseKpiFilters(url: URL, now = new Date()): KpiFilters & { groupBy: KpiDimension } {
  const parsed = filtersSchema.safeParse(Object.fromEntries(url.searchParams))
  invariantResponse(parsed.success, 'Bad KPI parameters', 400)
  const to = parsed.data.to ?? todayIn(kpiTimeZone(), now)
  const from = parsed.data.from ?? defaultFrom(to)
  const days = (utcDay(to).getTime() - utcDay(from).getTime()) / DAY_MS
  invariantResponse(days >= 0 && days <= MAX_RANGE_DAYS, 'Bad KPI date range', 400)
  return { from, to, groupBy: parsed.data.groupBy }
}

export const kpiSearchParams = ({ from, to, groupBy }: KpiFilters) => new URLSearchParams({ from, to, ...(groupBy ? { groupBy } : {}) })

export type Share = { met: number; of: number; rate: number | null }
export type KpiShares = {
  requests: number
  answeredWithinSla: Share
  closedWithinSla: Share
  firstTimeFix: Share
}
export type KpiFigures = KpiShares & { medianHoursToClaim: number | null; medianHoursToClose: number | null }
/** `name` is null only for the requests no expert has claimed (grouping by expert). */
export type KpiGroup = KpiFigures & { key: string | null; name: { zh: string; en: string } | null }
export type KpiReport = {
  from: string
  to: string
  timeZone: string
  groupBy: KpiDimension | null
  total: KpiFigures
  groups: KpiGroup[]
  weeks: Array<{ weekStart: string; requests: number }>
  months: Array<KpiShares & { month: string }>
}

type CountsRow = {
  requests: number
  response_counted: number
  response_met: number
  resolution_counted: number
  resolution_met: number
  ftf_counted: number
  ftf_met: number
}
type FiguresRow = CountsRow & {
  is_group: boolean
  group_key: string | null
  group_name_zh: string | null
  group_name_en: string | null
  median_hours_to_claim: number | null
  median_hours_to_close: number | null
}
type SeriesRow = CountsRow & { is_week: boolean; week: string | null; month: string | null }

type Measure = { scope: KpiScope; filters: KpiFilters; timeZone: string; now: Date }

/** Stored timestamps are UTC; weeks and months are those of the clock on the stations' wall. */
const localCreatedAt = (timeZone: string) => Prisma.sql`((r."createdAt" AT TIME ZONE 'UTC') AT TIME ZONE ${timeZone})`

function dimensionColumns(groupBy: KpiDimension | null, timeZone: string) {
  switch (groupBy) {
    case 'system':
      return { key: Prisma.sql`r."systemCode"`, nameZh: Prisma.sql`vs."nameZh"`, nameEn: Prisma.sql`vs."nameEn"`, join: Prisma.sql`JOIN "VehicleSystem" vs ON vs.code = r."systemCode"` }
    case 'expert':
      return { key: Prisma.sql`r."assigneeId"`, nameZh: Prisma.sql`u.name`, nameEn: Prisma.sql`u.name`, join: Prisma.sql`LEFT JOIN "User" u ON u.id = r."assigneeId"` }
    case 'region':
      return { key: Prisma.sql`s.region`, nameZh: Prisma.sql`s.region`, nameEn: Prisma.sql`s.region`, join: Prisma.sql`JOIN "Station" s ON s.id = r."stationId"` }
    case 'month': {
      const month = Prisma.sql`to_char(${localCreatedAt(timeZone)}, 'YYYY-MM')`
      return { key: month, nameZh: month, nameEn: month, join: Prisma.empty }
    }
    case null:
      return { key: Prisma.sql`NULL::text`, nameZh: Prisma.sql`NULL::text`, nameEn: Prisma.sql`NULL::text`, join: Prisma.empty }
  }
}

/** `from` 00:00 to the end of `to`, local, as UTC timestamps: constants, so the createdAt index serves the range. */
const rangeStart = (day: string, timeZone: string) => Prisma.sql`((${day}::date::timestamp AT TIME ZONE ${timeZone}) AT TIME ZONE 'UTC')`
const rangeEnd = (day: string, timeZone: string) => Prisma.sql`(((${day}::date + 1)::timestamp AT TIME ZONE ${timeZone}) AT TIME ZONE 'UTC')`

function requestsInScope({ scope, filters, timeZone }: Measure, join: Prisma.Sql = Prisma.empty) {
  const stationFilter = scope.stationId ? Prisma.sql`AND r."stationId" = ${scope.stationId}` : Prisma.empty
  return Prisma.sql`
    FROM "AssistanceRequest" r
    ${join}
    WHERE r."createdAt" >= ${rangeStart(filters.from, timeZone)}
      AND r."createdAt" < ${rangeEnd(filters.to, timeZone)}
      ${stationFilter}`
}

/** Per request: does it count towards each share, and did it meet it. */
function outcomeColumns(now: Date) {
  // An ISO string cast to a plain timestamp keeps its UTC digits, like the stored columns.
  const nowUtc = Prisma.sql`${now.toISOString()}::timestamp`
  return Prisma.sql`
    (r."claimedAt" IS NOT NULL OR r."responseDueAt" < ${nowUtc}) AS response_counted,
    (r."claimedAt" <= r."responseDueAt") AS response_met,
    (r."resolvedAt" IS NOT NULL OR r."resolutionDueAt" < ${nowUtc}) AS resolution_counted,
    (r."resolvedAt" <= r."resolutionDueAt") AS resolution_met,
    (r.status = 'CLOSED' AND r."firstTimeFix" IS NOT NULL) AS ftf_counted,
    (r.status = 'CLOSED' AND r."firstTimeFix") AS ftf_met`
}

const COUNTS = Prisma.sql`
  count(*)::int AS requests,
  count(*) FILTER (WHERE response_counted)::int AS response_counted,
  count(*) FILTER (WHERE response_met)::int AS response_met,
  count(*) FILTER (WHERE resolution_counted)::int AS resolution_counted,
  count(*) FILTER (WHERE resolution_met)::int AS resolution_met,
  count(*) FILTER (WHERE ftf_counted)::int AS ftf_counted,
  count(*) FILTER (WHERE ftf_met)::int AS ftf_met`

/** The totals and each group, with the medians: one sorted pass (a rollup over the group key). */
function figuresQuery(measure: Measure) {
  const dimension = dimensionColumns(measure.filters.groupBy, measure.timeZone)
  return Prisma.sql`
    WITH measured AS (
      SELECT
        ${dimension.key} AS group_key,
        ${dimension.nameZh} AS group_name_zh,
        ${dimension.nameEn} AS group_name_en,
        ${outcomeColumns(measure.now)},
        date_part('epoch', r."claimedAt" - r."createdAt") / 3600 AS hours_to_claim,
        date_part('epoch', r."resolvedAt" - r."createdAt") / 3600 AS hours_to_close
      ${requestsInScope(measure, dimension.join)}
    )
    SELECT
      GROUPING(group_key) = 0 AS is_group,
      group_key, group_name_zh, group_name_en,
      ${COUNTS},
      percentile_cont(0.5) WITHIN GROUP (ORDER BY hours_to_claim) AS median_hours_to_claim,
      percentile_cont(0.5) WITHIN GROUP (ORDER BY hours_to_close) AS median_hours_to_close
    FROM measured
    GROUP BY GROUPING SETS ((), (group_key, group_name_zh, group_name_en))`
}

/**
 * Weeks and months need no medians, so PostgreSQL can hash them instead of sorting every request
 * again. `OFFSET 0` keeps the subquery from being inlined: the time-zone conversion then runs once
 * per request instead of once for the week and again for the month (half the time at 250k rows).
 */
function seriesQuery(measure: Measure) {
  return Prisma.sql`
    SELECT
      GROUPING(week) = 0 AS is_week,
      to_char(week, 'YYYY-MM-DD') AS week,
      to_char(month, 'YYYY-MM') AS month,
      ${COUNTS}
    FROM (
      SELECT date_trunc('week', local_created) AS week, date_trunc('month', local_created) AS month, localised.*
      FROM (
        SELECT ${localCreatedAt(measure.timeZone)} AS local_created, ${outcomeColumns(measure.now)}
        ${requestsInScope(measure)}
        OFFSET 0
      ) AS localised
    ) AS measured
    GROUP BY GROUPING SETS ((week), (month))`
}

const share = (met: number, of: number): Share => ({ met, of, rate: of === 0 ? null : met / of })

const sharesOf = (row: CountsRow): KpiShares => ({
  requests: row.requests,
  answeredWithinSla: share(row.response_met, row.response_counted),
  closedWithinSla: share(row.resolution_met, row.resolution_counted),
  firstTimeFix: share(row.ftf_met, row.ftf_counted),
})

const NO_REQUESTS: CountsRow = { requests: 0, response_counted: 0, response_met: 0, resolution_counted: 0, resolution_met: 0, ftf_counted: 0, ftf_met: 0 }

function figuresOf(row: FiguresRow | undefined): KpiFigures {
  if (!row) return { ...sharesOf(NO_REQUESTS), medianHoursToClaim: null, medianHoursToClose: null }
  return { ...sharesOf(row), medianHoursToClaim: row.median_hours_to_claim, medianHoursToClose: row.median_hours_to_close }
}

/** Monday of every week that touches the range, so weeks without requests show as zero. */
function weekStartsOf(from: string, to: string) {
  const first = utcDay(from)
  first.setUTCDate(first.getUTCDate() - ((first.getUTCDay() + 6) % 7))
  const weeks: string[] = []
  for (const day = first; day <= utcDay(to); day.setUTCDate(day.getUTCDate() + 7)) weeks.push(isoDay(day))
  return weeks
}


/** Months in order; otherwise most requests first, then by name, the unclaimed last among equals. */
function compareGroups(groupBy: KpiDimension | null) {
  return (a: KpiGroup, b: KpiGroup) => {
    if (groupBy === 'month') return (a.key ?? '').localeCompare(b.key ?? '')
    if (a.requests !== b.requests) return b.requests - a.requests
    if (!a.name || !b.name) return a.name ? -1 : b.name ? 1 : 0
    return a.name.en.localeCompare(b.name.en) || (a.key ?? '').localeCompare(b.key ?? '')
  }
}

function toGroup(row: FiguresRow): KpiGroup {
  const name = row.group_name_zh === null ? null : { zh: row.group_name_zh, en: row.group_name_en ?? row.group_name_zh }
  return { key: row.group_key, name, ...figuresOf(row) }
}

export async function computeKpis({ scope, filters, now = new Date() }: { scope: KpiScope; filters: KpiFilters; now?: Date }): Promise<KpiReport> {
  const measure = { scope, filters, timeZone: kpiTimeZone(), now }
  const db = getDb()
  const [figures, series] = await Promise.all([db.$queryRaw<FiguresRow[]>(figuresQuery(measure)), db.$queryRaw<SeriesRow[]>(seriesQuery(measure))])
  const weekCounts = new Map(series.filter((row) => row.is_week).map((row) => [row.week, row.requests]))
  const monthCounts = new Map(series.filter((row) => !row.is_week).map((row) => [row.month, row]))
  return {
    ...filters,
    timeZone: measure.timeZone,
    total: figuresOf(figures.find((row) => !row.is_group)),
    groups: filters.groupBy ? figures.filter((row) => row.is_group).map(toGroup).sort(compareGroups(filters.groupBy)) : [],
    weeks: weekStartsOf(filters.from, filters.to).map((weekStart) => ({ weekStart, requests: weekCounts.get(weekStart) ?? 0 })),
    months: monthsBetween(filters.from, filters.to).map((month) => ({ month, ...sharesOf(monthCounts.get(month) ?? NO_REQUESTS) })),
  }
}

export const KPI_CSV_COLUMNS = ['group', 'requests', 'answeredWithinSla', 'closedWithinSla', 'firstTimeFixRate', 'medianHoursToClaim', 'medianHoursToClose'] as const

const csvNumber = (value: number | null, decimals: number) => (value === null ? '' : String(Number(value.toFixed(decimals))))

function csvRow(label: string, figures: KpiFigures) {
  return [
    csvCell(label),
    String(figures.requests),
    csvNumber(figures.answeredWithinSla.rate, 4),
    csvNumber(figures.closedWithinSla.rate, 4),
    csvNumber(figures.firstTimeFix.rate, 4),
    csvNumber(figures.medianHoursToClaim, 2),
    csvNumber(figures.medianHoursToClose, 2),
  ].join(',')
}

/** Shares as fractions (0.75), hours with two decimals, empty where nothing was counted. */
export function kpiCsv(report: KpiReport, locale: Locale) {
  const rows = report.groupBy
    ? report.groups.map((group) => csvRow(groupLabel(group, locale), group))
    : [csvRow(kpiMessages[locale]['kpi.all'], report.total)]
  return csvDocument([KPI_CSV_COLUMNS.join(','), ...rows])
}
