import { z } from 'zod'
import { DAY_MS, isoDay, MAX_RANGE_DAYS, monthsBetween, optionalCalendarDate, utcDay } from '~/utils/calendar-days'
import { Prisma } from '~/generated/prisma/client'
import { getDb } from '~/utils/db.server'
import { getEnv } from '~/utils/env.server'
import { invariantResponse } from '~/utils/permissions.server'
import { analyseItem, EXTREME_GROUP_SHARE, type ItemCounts, type ItemStatistics } from './item-analysis'
import type { Kind } from './levels'

/**
 * Results of finished attempts (submitted or expired) by exam, month, station and region, and the
 * item analysis of one exam. Everything is added up in PostgreSQL, one pass per question: the
 * page costs three queries whatever the number of attempts. An attempt counts where it finished
 * (its month, in the stations' time zone) and at the candidate's current station.
 */

/** Dates are calendar days, inclusive; `examId` null = every exam. */
export type AnalyticsFilters = { from: string; to: string; examId: string | null }


const emptyAsMissing = (value: unknown) => (value === '' ? undefined : value)
const filtersSchema = z.object({ from: optionalCalendarDate, to: optionalCalendarDate, exam: z.preprocess(emptyAsMissing, z.string().max(64).optional()) })

/** The stations' wall clock (the same zone as the assistance SLA). */
export const analyticsTimeZone = () => getEnv().SLA_TIMEZONE

function todayIn(timeZone: string, now: Date) {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-US', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).formatToParts(now).map((part) => [part.type, part.value]),
  )
  return `${parts.year}-${parts.month}-${parts.day}`
}

/** `?from=YYYY-MM-DD&to=YYYY-MM-DD&exam=<id>`; by default the current month and the five before it. Bad values are a 400. */
export function parseAnalyticsFilters(url: URL, now = new Date()): AnalyticsFilters {
  const parsed = filtersSchema.safeParse(Object.fromEntries(url.searchParams))
  invariantResponse(parsed.success, 'Bad analytics parameters', 400)
  const to = parsed.data.to ?? todayIn(analyticsTimeZone(), now)
  const toDay = utcDay(to)
  const from = parsed.data.from ?? isoDay(new Date(Date.UTC(toDay.getUTCFullYear(), toDay.getUTCMonth() - 5, 1)))
  const days = (toDay.getTime() - utcDay(from).getTime()) / DAY_MS
  invariantResponse(days >= 0 && days <= MAX_RANGE_DAYS, 'Bad analytics date range', 400)
  return { from, to, examId: parsed.data.exam ?? null }
}

export const analyticsSearchParams = ({ from, to, examId }: AnalyticsFilters) => new URLSearchParams({ from, to, ...(examId ? { exam: examId } : {}) })

export type PassFigures = { attempts: number; passed: number; passRate: number | null; meanScore: number | null }
export type ExamFigures = PassFigures & { examId: string; title: string; candidates: number }
export type MonthFigures = PassFigures & { month: string }
/** `stationId` null: candidates without a station (trainers, admins, engineers). */
export type StationFigures = PassFigures & { stationId: string | null; code: string | null; name: string | null; region: string | null }
export type RegionFigures = PassFigures & { region: string | null }
export type QuestionFigures = ItemCounts &
  ItemStatistics & { questionId: string; stem: string | null; kind: Kind | null; systemCode: string | null; retired: boolean }

export type AnalyticsReport = {
  filters: AnalyticsFilters
  timeZone: string
  total: PassFigures
  exams: ExamFigures[]
  months: MonthFigures[]
  stations: StationFigures[]
  regions: RegionFigures[]
  /** Only for one chosen exam: questions are drawn per attempt, so across exams they mean little. */
  items: { examId: string; attempts: number; questions: QuestionFigures[] } | null
}

type GroupRow = {
  dimension: 'total' | 'exam' | 'month' | 'station' | 'region'
  exam_id: string | null
  title: string | null
  month: string | null
  station_id: string | null
  station_code: string | null
  station_name: string | null
  region: string | null
  attempts: number
  passed: number
  mean_score: number | null
}

type ItemRow = {
  question_id: string
  attempts: number
  responses: number
  correct: number
  upper_responses: number
  upper_correct: number
  lower_responses: number
  lower_correct: number
  stem: string | null
  kind: Kind | null
  system_code: string | null
  retired: boolean
}

/** `from` 00:00 to the end of `to`, local, as UTC timestamps like the stored columns. */
const rangeStart = (day: string, timeZone: string) => Prisma.sql`((${day}::date::timestamp AT TIME ZONE ${timeZone}) AT TIME ZONE 'UTC')`
const rangeEnd = (day: string, timeZone: string) => Prisma.sql`(((${day}::date + 1)::timestamp AT TIME ZONE ${timeZone}) AT TIME ZONE 'UTC')`

/** The finished attempts `a` of the period (and exam). */
function finishedInPeriod(filters: AnalyticsFilters, timeZone: string, examId = filters.examId) {
  return Prisma.sql`
    a.status IN ('SUBMITTED', 'EXPIRED')
      AND a."finishedAt" >= ${rangeStart(filters.from, timeZone)}
      AND a."finishedAt" < ${rangeEnd(filters.to, timeZone)}
      ${examId ? Prisma.sql`AND a."paperId" = ${examId}` : Prisma.empty}`
}

/** The totals and every group of the four dimensions in one pass (grouping sets). */
function groupsQuery(filters: AnalyticsFilters, timeZone: string) {
  return Prisma.sql`
    WITH finished AS (
      SELECT a."paperId" AS exam_id, p.title, a.passed, a.score,
        to_char((a."finishedAt" AT TIME ZONE 'UTC') AT TIME ZONE ${timeZone}, 'YYYY-MM') AS month,
        s.id AS station_id, s.code AS station_code, s.name AS station_name, s.region
      FROM "ExamAttempt" a
      JOIN "ExamPaper" p ON p.id = a."paperId"
      JOIN "User" u ON u.id = a."userId"
      LEFT JOIN "Station" s ON s.id = u."stationId"
      WHERE ${finishedInPeriod(filters, timeZone)}
    )
    SELECT
      CASE
        WHEN GROUPING(exam_id) = 0 THEN 'exam'
        WHEN GROUPING(month) = 0 THEN 'month'
        WHEN GROUPING(station_id) = 0 THEN 'station'
        WHEN GROUPING(region) = 0 THEN 'region'
        ELSE 'total'
      END AS dimension,
      exam_id, title, month, station_id, station_code, station_name, region,
      count(*)::int AS attempts,
      count(*) FILTER (WHERE passed)::int AS passed,
      avg(score)::float8 AS mean_score
    FROM finished
    GROUP BY GROUPING SETS ((), (exam_id, title), (month), (station_id, station_code, station_name, region), (region))`
}

/** Distinct candidates per exam, apart: a DISTINCT inside the grouping sets made PostgreSQL sort every set (2.5 s at 200k attempts). */
function candidatesQuery(filters: AnalyticsFilters, timeZone: string) {
  return Prisma.sql`
    SELECT exam_id, count(*)::int AS candidates
    FROM (SELECT DISTINCT a."paperId" AS exam_id, a."userId" FROM "ExamAttempt" a WHERE ${finishedInPeriod(filters, timeZone)}) AS pairs
    GROUP BY exam_id`
}

/**
 * Per question of one exam: responses and full-score answers, overall and within its upper and
 * lower 27 %: of the attempts that had the question, those with the highest and the lowest score
 * on the other questions (the rest score; ties broken by id, so the groups never overlap).
 *
 * Rest scores take few distinct values, so responses are counted per (question, rest score) and
 * the groups are made of whole buckets counted from the top and from the bottom; only the one
 * bucket a group cuts through is ordered by id. Ranking every response instead was a sort that
 * spilled to disk (100,000 attempts: 5.4–7.4 s).
 */
function itemsQuery(filters: AnalyticsFilters, timeZone: string, examId: string) {
  return Prisma.sql`
    WITH scoped AS (
      SELECT a.id, a.score, a."maxPoints", a.results
      FROM "ExamAttempt" a
      WHERE ${finishedInPeriod(filters, timeZone, examId)} AND a.results IS NOT NULL AND a."maxPoints" > 0
    ), answers AS MATERIALIZED (
      SELECT scoped.id AS attempt_id, item.key AS question_id, item.value::float8 >= 1 AS correct,
        scoped.score - item.value::float8 * 100 / scoped."maxPoints" AS rest_score
      FROM scoped CROSS JOIN LATERAL jsonb_each_text(scoped.results) AS item
    ), buckets AS (
      SELECT question_id, rest_score, count(*) AS n, count(*) FILTER (WHERE correct) AS n_correct
      FROM answers
      GROUP BY question_id, rest_score
    ), placed AS (
      -- above / below: the responses of the question with a higher / lower rest score.
      SELECT buckets.*,
        sum(n) OVER (PARTITION BY question_id ORDER BY rest_score DESC) - n AS above,
        sum(n) OVER (PARTITION BY question_id ORDER BY rest_score ASC) - n AS below,
        round(${EXTREME_GROUP_SHARE}::numeric * sum(n) OVER (PARTITION BY question_id)) AS group_size
      FROM buckets
    ), whole AS (
      SELECT question_id, sum(n) AS responses, sum(n_correct) AS correct,
        coalesce(sum(n) FILTER (WHERE above + n <= group_size), 0) AS upper_responses,
        coalesce(sum(n_correct) FILTER (WHERE above + n <= group_size), 0) AS upper_correct,
        coalesce(sum(n) FILTER (WHERE below + n <= group_size), 0) AS lower_responses,
        coalesce(sum(n_correct) FILTER (WHERE below + n <= group_size), 0) AS lower_correct
      FROM placed
      GROUP BY question_id
    ), cut AS (
      -- The bucket each group cuts through, and how many of its responses the group takes.
      SELECT question_id, rest_score, 'upper' AS side, group_size - above AS take FROM placed WHERE above < group_size AND above + n > group_size
      UNION ALL
      SELECT question_id, rest_score, 'lower' AS side, group_size - below AS take FROM placed WHERE below < group_size AND below + n > group_size
    ), cut_ranked AS (
      -- Within a rest score the upper group takes the lowest ids and the lower group the highest (ids compared as bytes).
      SELECT cut.question_id, cut.side, cut.take, answers.correct,
        CASE WHEN cut.side = 'upper'
          THEN row_number() OVER (PARTITION BY cut.question_id, cut.side ORDER BY answers.attempt_id COLLATE "C")
          ELSE row_number() OVER (PARTITION BY cut.question_id, cut.side ORDER BY answers.attempt_id COLLATE "C" DESC)
        END AS position
      FROM cut JOIN answers ON answers.question_id = cut.question_id AND answers.rest_score = cut.rest_score
    ), cut_counted AS (
      SELECT question_id,
        count(*) FILTER (WHERE side = 'upper' AND position <= take) AS upper_responses,
        count(*) FILTER (WHERE side = 'upper' AND position <= take AND correct) AS upper_correct,
        count(*) FILTER (WHERE side = 'lower' AND position <= take) AS lower_responses,
        count(*) FILTER (WHERE side = 'lower' AND position <= take AND correct) AS lower_correct
      FROM cut_ranked
      GROUP BY question_id
    ), counted AS (
      SELECT whole.question_id,
        whole.responses::int AS responses,
        whole.correct::int AS correct,
        (whole.upper_responses + coalesce(cut_counted.upper_responses, 0))::int AS upper_responses,
        (whole.upper_correct + coalesce(cut_counted.upper_correct, 0))::int AS upper_correct,
        (whole.lower_responses + coalesce(cut_counted.lower_responses, 0))::int AS lower_responses,
        (whole.lower_correct + coalesce(cut_counted.lower_correct, 0))::int AS lower_correct
      FROM whole LEFT JOIN cut_counted ON cut_counted.question_id = whole.question_id
    )
    SELECT counted.*, (SELECT count(*)::int FROM scoped) AS attempts,
      q.stem, q.kind::text AS kind, q."systemCode" AS system_code, q."retiredAt" IS NOT NULL AS retired
    FROM counted LEFT JOIN "Question" q ON q.id = counted.question_id`
}

function passFigures(row: Pick<GroupRow, 'attempts' | 'passed' | 'mean_score'> | undefined): PassFigures {
  if (!row) return { attempts: 0, passed: 0, passRate: null, meanScore: null }
  return { attempts: row.attempts, passed: row.passed, passRate: row.attempts === 0 ? null : row.passed / row.attempts, meanScore: row.mean_score }
}


const byAttemptsThen =
  <T extends PassFigures>(name: (row: T) => string | null) =>
  (a: T, b: T) => {
    if (a.attempts !== b.attempts) return b.attempts - a.attempts
    const [nameA, nameB] = [name(a), name(b)]
    if (nameA === null || nameB === null) return nameA === null ? (nameB === null ? 0 : 1) : -1
    return nameA.localeCompare(nameB)
  }

/** Flagged questions first, then the least discriminating. */
function worstFirst(a: QuestionFigures, b: QuestionFigures) {
  if (a.flags.length !== b.flags.length) return b.flags.length - a.flags.length
  return (a.discrimination ?? Number.POSITIVE_INFINITY) - (b.discrimination ?? Number.POSITIVE_INFINITY) || a.questionId.localeCompare(b.questionId)
}

function toQuestion(row: ItemRow): QuestionFigures {
  const counts: ItemCounts = {
    responses: row.responses,
    correct: row.correct,
    upperResponses: row.upper_responses,
    upperCorrect: row.upper_correct,
    lowerResponses: row.lower_responses,
    lowerCorrect: row.lower_correct,
  }
  return { questionId: row.question_id, stem: row.stem, kind: row.kind, systemCode: row.system_code, retired: row.retired, ...counts, ...analyseItem(counts) }
}

export async function computeExamAnalytics(filters: AnalyticsFilters): Promise<AnalyticsReport> {
  const timeZone = analyticsTimeZone()
  const db = getDb()
  const [groups, candidateRows, itemRows] = await Promise.all([
    db.$queryRaw<GroupRow[]>(groupsQuery(filters, timeZone)),
    db.$queryRaw<Array<{ exam_id: string; candidates: number }>>(candidatesQuery(filters, timeZone)),
    filters.examId ? db.$queryRaw<ItemRow[]>(itemsQuery(filters, timeZone, filters.examId)) : Promise.resolve(null),
  ])
  const of = <D extends GroupRow['dimension']>(dimension: D) => groups.filter((row) => row.dimension === dimension)
  const monthRows = new Map(of('month').map((row) => [row.month, row]))
  const candidatesOf = new Map(candidateRows.map((row) => [row.exam_id, row.candidates]))
  return {
    filters,
    timeZone,
    total: passFigures(of('total')[0]),
    exams: of('exam')
      .map((row) => ({ examId: row.exam_id!, title: row.title!, candidates: candidatesOf.get(row.exam_id!) ?? 0, ...passFigures(row) }))
      .sort(byAttemptsThen((row) => row.title)),
    months: monthsBetween(filters.from, filters.to).map((month) => ({ month, ...passFigures(monthRows.get(month)) })),
    stations: of('station')
      .map((row) => ({ stationId: row.station_id, code: row.station_code, name: row.station_name, region: row.region, ...passFigures(row) }))
      .sort(byAttemptsThen((row) => row.code)),
    regions: of('region')
      .map((row) => ({ region: row.region, ...passFigures(row) }))
      .sort(byAttemptsThen((row) => row.region)),
    items:
      filters.examId && itemRows
        ? {
            examId: filters.examId,
            attempts: itemRows[0]?.attempts ?? 0,
            questions: itemRows.map(toQuestion).sort(worstFirst),
          }
        : null,
  }
}

/** The exams a trainer can choose from: every paper, newest first. */
export function listAnalyticsExams() {
  return getDb().examPaper.findMany({ orderBy: [{ createdAt: 'desc' }], select: { id: true, title: true } })
}
