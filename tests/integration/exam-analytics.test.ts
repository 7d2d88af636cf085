import { beforeAll, describe, expect, test } from 'vitest'
import { parseCsv } from '../../app/modules/exams/csv'
import { computeExamAnalytics, type AnalyticsReport } from '../../app/modules/exams/analytics.server'
import { loader as analyticsPage } from '../../app/routes/exams.analytics'
import { loader as analyticsCsvRoute } from '../../app/routes/exams.analytics[.]csv'
import type { SessionUser } from '../../app/utils/session-user'
import { createQuestions, publishedPaper, scoreOf, singleChoice, writeGradedAttempt as writeAttempt } from '../exam-factories'
import { createStation, createTestUser, sessionCookieFor } from '../factories'
import { callRoute, routeArgs } from '../route-calls'

/**
 * Attempts are written as the grading leaves them (results, score, passed), so every expected
 * figure below can be worked out by hand. Paper "item" has four questions and 40 attempts:
 *   i 0–3:   q1 q2 q4 right  (75 %)        q1 everybody right      -> p 1.00, too easy
 *   i 4–19:  q1 q2 right     (50 %)        q2 right for i < 20     -> p 0.50, discriminates
 *   i 20–29: q1 right        (25 %)        q3 right only for i ≥ 30 -> the weak get it right: negative D
 *   i 30–39: q1 q3 right     (50 %)        q4 right for i < 4      -> p 0.10, too hard
 * Pass mark 50 %: 30 of 40 pass. Candidates: i % 4 -> station A (North), B (North), C (South), none.
 */

const ITEM_ATTEMPTS = 40
const SHANGHAI_NOON_MARCH = new Date('2026-03-15T04:00:00Z')
const SHANGHAI_NOON_APRIL = new Date('2026-04-10T04:00:00Z')
// 2026-05-01 01:00 in Shanghai: May on the stations' clock, still April in UTC.
const EARLY_MAY_SHANGHAI = new Date('2026-04-30T17:00:00Z')
const PERIOD = { from: '2026-03-01', to: '2026-05-31' }

let trainer: SessionUser
let technician: SessionUser
let candidates: SessionUser[]
let questionIds: string[]
let itemPaperId: string
let otherPaperId: string
const stationOf = new Map<string, { code: string; region: string } | null>()

const correctPattern = (i: number) => [1, i < 20 ? 1 : 0, i >= 30 ? 1 : 0, i < 4 ? 1 : 0]

beforeAll(async () => {
  const stations = [
    await createStation({ code: 'A01', name: 'Station A', region: 'North' }),
    await createStation({ code: 'B02', name: 'Station B', region: 'North' }),
    await createStation({ code: 'C03', name: 'Station C', region: 'South' }),
  ]
  trainer = await createTestUser({ role: 'TRAINER' })
  technician = await createTestUser({ stationId: stations[0].id })
  candidates = [
    await createTestUser({ stationId: stations[0].id }),
    await createTestUser({ stationId: stations[1].id }),
    await createTestUser({ stationId: stations[2].id }),
    await createTestUser({ role: 'ENGINEER' }),
  ]
  candidates.forEach((user, index) => stationOf.set(user.id, index < 3 ? { code: stations[index].code, region: ['North', 'North', 'South'][index] } : null))
  questionIds = await createQuestions(trainer, [singleChoice({ stem: 'Too easy?' }), singleChoice({ stem: 'Good one?' }), singleChoice({ stem: 'Misleading?' }), singleChoice({ stem: 'Too hard?' })])
  itemPaperId = await publishedPaper(trainer, { title: 'Item paper', fixed: questionIds })
  otherPaperId = await publishedPaper(trainer, { title: 'Other paper', fixed: [questionIds[0]] })

  for (let i = 0; i < ITEM_ATTEMPTS; i += 1) {
    const results = Object.fromEntries(correctPattern(i).map((value, index) => [questionIds[index], value]))
    await writeAttempt({ id: `item-${String(i).padStart(2, '0')}`, paperId: itemPaperId, user: candidates[i % 4], finishedAt: i < 20 ? SHANGHAI_NOON_MARCH : SHANGHAI_NOON_APRIL, results, status: i === 7 ? 'EXPIRED' : 'SUBMITTED' })
  }
  const one = (points: number) => ({ [questionIds[0]]: points })
  await writeAttempt({ id: 'other-may', paperId: otherPaperId, user: candidates[2], finishedAt: EARLY_MAY_SHANGHAI, results: one(1) })
  await writeAttempt({ id: 'other-march', paperId: otherPaperId, user: candidates[0], finishedAt: new Date('2026-03-20T04:00:00Z'), results: one(0) })
  // Neither counts: one before the period, one still running.
  await writeAttempt({ id: 'other-february', paperId: otherPaperId, user: candidates[1], finishedAt: new Date('2026-02-27T04:00:00Z'), results: one(1) })
  await writeAttempt({ id: 'other-running', paperId: otherPaperId, user: candidates[1], finishedAt: SHANGHAI_NOON_APRIL, results: one(1), status: 'IN_PROGRESS' })
})

/** What the item paper's attempts add up to for the candidates matching `where`, worked out here in plain code. */
function expectedItemFigures(where: (i: number) => boolean) {
  const indices = Array.from({ length: ITEM_ATTEMPTS }, (_, i) => i).filter(where)
  const scores = indices.map((i) => scoreOf(correctPattern(i)))
  const passed = scores.filter((score) => score >= 50).length
  return { attempts: indices.length, passed, scores }
}

const mean = (values: number[]) => values.reduce((sum, value) => sum + value, 0) / values.length

describe('pass rates', () => {
  let report: AnalyticsReport
  beforeAll(async () => {
    report = await computeExamAnalytics({ ...PERIOD, examId: null })
  })

  test('by exam: finished attempts of the period only, with their candidates', () => {
    expect(report.exams.map(({ title, attempts, passed, candidates: people }) => ({ title, attempts, passed, people }))).toEqual([
      { title: 'Item paper', attempts: 40, passed: 30, people: 4 },
      { title: 'Other paper', attempts: 2, passed: 1, people: 2 },
    ])
    expect(report.exams[0].passRate).toBe(0.75)
    expect(report.exams[0].meanScore).toBeCloseTo(mean(expectedItemFigures(() => true).scores))
    expect(report.total).toMatchObject({ attempts: 42, passed: 31 })
  })

  test('by month, on the stations’ clock (Asia/Shanghai); months without attempts are there, empty', async () => {
    const march = expectedItemFigures((i) => i < 20)
    const april = expectedItemFigures((i) => i >= 20)
    expect(report.months.map(({ month, attempts, passed }) => ({ month, attempts, passed }))).toEqual([
      { month: '2026-03', attempts: march.attempts + 1, passed: march.passed },
      { month: '2026-04', attempts: april.attempts, passed: april.passed },
      { month: '2026-05', attempts: 1, passed: 1 },
    ])
    expect(report.months.map((month) => month.passRate)).toEqual([20 / 21, 10 / 20, 1])
    const empty = (await computeExamAnalytics({ from: '2026-06-01', to: '2026-07-31', examId: null })).months
    expect(empty).toEqual([
      { month: '2026-06', attempts: 0, passed: 0, passRate: null, meanScore: null },
      { month: '2026-07', attempts: 0, passed: 0, passRate: null, meanScore: null },
    ])
  })

  test('by station and by region; candidates without a station are a group of their own', () => {
    const station = (index: number) => expectedItemFigures((i) => i % 4 === index)
    const [a, b, c, none] = [0, 1, 2, 3].map(station)
    const figures = report.stations.map(({ code, region, attempts, passed }) => ({ code, region, attempts, passed }))
    expect(figures).toEqual(
      expect.arrayContaining([
        { code: 'A01', region: 'North', attempts: a.attempts + 1, passed: a.passed },
        { code: 'B02', region: 'North', attempts: b.attempts, passed: b.passed },
        { code: 'C03', region: 'South', attempts: c.attempts + 1, passed: c.passed + 1 },
        { code: null, region: null, attempts: none.attempts, passed: none.passed },
      ]),
    )
    expect(figures).toHaveLength(4)
    expect(report.regions.map(({ region, attempts, passed }) => ({ region, attempts, passed }))).toEqual([
      { region: 'North', attempts: a.attempts + b.attempts + 1, passed: a.passed + b.passed },
      { region: 'South', attempts: c.attempts + 1, passed: c.passed + 1 },
      { region: null, attempts: none.attempts, passed: none.passed },
    ])
  })

  test('the exam filter narrows every table', async () => {
    const other = await computeExamAnalytics({ ...PERIOD, examId: otherPaperId })
    expect(other.exams.map((row) => row.title)).toEqual(['Other paper'])
    expect(other.total).toMatchObject({ attempts: 2, passed: 1, passRate: 0.5, meanScore: 50 })
    expect(other.regions.map(({ region, attempts }) => ({ region, attempts }))).toEqual([
      { region: 'North', attempts: 1 },
      { region: 'South', attempts: 1 },
    ])
  })
})

describe('question analysis', () => {
  test('difficulty, upper and lower 27 % by the score on the other questions, discrimination and flags', async () => {
    const report = await computeExamAnalytics({ ...PERIOD, examId: itemPaperId })
    expect(report.items?.attempts).toBe(40)
    const byStem = Object.fromEntries((report.items?.questions ?? []).map((question) => [question.stem!, question]))
    // 27 % of 40 responses = 10.8 -> groups of 11.
    for (const question of Object.values(byStem)) expect(question).toMatchObject({ responses: 40, upperResponses: 11, lowerResponses: 11, judged: true })

    // Everybody right: no difference between the groups.
    expect(byStem['Too easy?']).toMatchObject({ correct: 40, difficulty: 1, upperCorrect: 11, lowerCorrect: 11, discrimination: 0, flags: ['too-easy', 'poor-discrimination'] })
    // Rest scores: i < 4 have 50 (q1 + q4), 4–19 25, 20–39 25 or 50 (q1 + q3). Upper 11 = i 0–3 and 30–36 (50, by id):
    // q2 right for 4 of them; lower 11 = the rest score 25 group from the highest id down: i 29–20 and 19, q2 right for 1.
    expect(byStem['Good one?']).toMatchObject({ correct: 20, difficulty: 0.5, upperCorrect: 4, lowerCorrect: 1 })
    expect(byStem['Good one?'].discrimination).toBeCloseTo(3 / 11)
    expect(byStem['Good one?'].flags).toEqual([])
    // q3 (right for i ≥ 30): rest scores 25 for i ≥ 30, 75 / 50 for i < 20, 25 for 20–29. Upper 11: i 0–10, none right;
    // lower 11: rest 25 from the highest id down: i 39–29, ten of them right.
    expect(byStem['Misleading?']).toMatchObject({ correct: 10, difficulty: 0.25, upperCorrect: 0, lowerCorrect: 10 })
    expect(byStem['Misleading?'].discrimination).toBeCloseTo(-10 / 11)
    expect(byStem['Misleading?'].flags).toEqual(['negative-discrimination'])
    // q4 (right for i < 4): rest scores 50 for i 0–19 and 30–39: upper 11 = i 0–10, four right; lower = i 29–20 and 39, none.
    expect(byStem['Too hard?']).toMatchObject({ correct: 4, difficulty: 0.1, upperCorrect: 4, lowerCorrect: 0 })
    expect(byStem['Too hard?'].flags).toEqual(['too-hard'])
    // Flagged questions first, the least discriminating before the others.
    expect(report.items?.questions.map((question) => question.stem)).toEqual(['Too easy?', 'Misleading?', 'Too hard?', 'Good one?'])
  })

  test('a question answered fewer than 30 times is shown but not judged', async () => {
    const report = await computeExamAnalytics({ ...PERIOD, examId: otherPaperId })
    expect(report.items?.questions).toEqual([expect.objectContaining({ questionId: questionIds[0], responses: 2, correct: 1, difficulty: 0.5, judged: false, flags: [] })])
  })
})

describe('page and CSV', () => {
  const signedIn = async (path: string, user: SessionUser) => new Request(`http://test${path}`, { headers: { Cookie: await sessionCookieFor(user.id) } })
  const query = `?from=${PERIOD.from}&to=${PERIOD.to}`
  const csv = async (user: SessionUser, search: string) => callRoute(async () => analyticsCsvRoute(routeArgs(await signedIn(`/exams/analytics.csv${search}`, user))))

  test('a trainer gets the report with its charts and a CSV link per table', async () => {
    const data = (await analyticsPage(routeArgs(await signedIn(`/exams/analytics${query}&exam=${itemPaperId}`, trainer)))) as Awaited<ReturnType<typeof analyticsPage>>
    expect(data.report.total.attempts).toBe(40)
    for (const svg of [data.charts?.byExam, data.charts?.byMonth, data.charts?.byStation, data.charts?.byRegion]) expect(svg).toMatch(/^<svg[\s\S]*<\/svg>$/)
    expect(data.csvHrefs.questions).toBe(`/exams/analytics.csv?from=2026-03-01&to=2026-05-31&exam=${itemPaperId}&table=questions`)
    expect(data.exams.map((exam) => exam.title)).toEqual(expect.arrayContaining(['Item paper', 'Other paper']))
    const empty = (await analyticsPage(routeArgs(await signedIn('/exams/analytics?from=2020-01-01&to=2020-02-01', trainer)))) as Awaited<ReturnType<typeof analyticsPage>>
    expect(empty.charts).toBeNull()
  })

  test('a technician gets 403 from the page and the CSV; bad parameters are a 400', async () => {
    expect((await callRoute(async () => analyticsPage(routeArgs(await signedIn('/exams/analytics', technician))))).status).toBe(403)
    expect((await csv(technician, `${query}&table=exams`)).status).toBe(403)
    expect((await csv(trainer, `${query}&table=everything`)).status).toBe(400)
    expect((await csv(trainer, `${query}&table=questions`)).status).toBe(400)
    expect((await csv(trainer, '?from=2026-13-01&table=exams')).status).toBe(400)
  })

  test('each table as a UTF-8 CSV with a byte-order mark; shares as fractions, negative numbers kept', async () => {
    const stations = await csv(trainer, `${query}&table=stations`)
    expect(stations.headers.get('Content-Type')).toBe('text/csv; charset=utf-8')
    expect(stations.headers.get('Content-Disposition')).toBe('attachment; filename="exam-analytics-stations-2026-03-01_2026-05-31.csv"')
    const bytes = Buffer.from(await stations.arrayBuffer())
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
    const rows = parseCsv(bytes.toString('utf8'))
    expect(rows[0]).toEqual(['stationCode', 'station', 'region', 'attempts', 'passed', 'passRate', 'meanScore'])
    const a = expectedItemFigures((i) => i % 4 === 0)
    expect(rows.find((row) => row[0] === 'A01')).toEqual(['A01', 'Station A', 'North', String(a.attempts + 1), String(a.passed), String(Number((a.passed / (a.attempts + 1)).toFixed(4))), String(Number(mean([...a.scores, 0]).toFixed(1)))])
    // Chinese is the default language: the group without a station is named in it.
    expect(rows.find((row) => row[0] === '')?.slice(0, 3)).toEqual(['', '无服务站', ''])

    const questions = parseCsv(await (await csv(trainer, `${query}&exam=${itemPaperId}&table=questions`)).text())
    expect(questions[0]).toEqual(['questionId', 'question', 'kind', 'system', 'responses', 'correct', 'difficulty', 'upperCorrectShare', 'lowerCorrectShare', 'discrimination', 'flags'])
    const misleading = questions.find((row) => row[1].startsWith('Misleading?'))
    expect(misleading).toEqual([questionIds[2], expect.stringMatching(/^Misleading\?/), 'single', 'engine', '40', '10', '0.25', '0', '0.9091', '-0.9091', 'negative-discrimination'])

    const months = parseCsv(await (await csv(trainer, `${query}&table=months`)).text())
    expect(months.slice(1).map((row) => row.slice(0, 3))).toEqual([
      ['2026-03', '21', '20'],
      ['2026-04', '20', '10'],
      ['2026-05', '1', '1'],
    ])
  })
})
