import { beforeAll, describe, expect, test } from 'vitest'
import type { AssistanceStatus } from '../../app/generated/prisma/enums'
import { renderKpiCharts } from '../../app/modules/assistance/kpi-charts.server'
import { computeKpis, kpiCsv, parseKpiFilters, type KpiDimension, type KpiFilters, type KpiReport } from '../../app/modules/assistance/kpi.server'
import { loader as csvLoader } from '../../app/routes/assistance.kpi[.]csv'
import { loader as pageLoader } from '../../app/routes/assistance.kpi'
import { getDb } from '../../app/utils/db.server'
import type { SessionUser } from '../../app/utils/session-user'
import { createUser } from '../../app/utils/user.server'
import { createStation, createTestUser, ensureVehicleModels, sessionCookieFor } from '../factories'
import { callRoute, routeArgs } from '../route-calls'

// The stations work on Asia/Shanghai time (UTC+8, the default SLA_TIMEZONE): the range
// 2025-03-01..2025-04-30 runs from 2025-02-28T16:00Z to 2025-04-30T16:00Z.
const RANGE = { from: '2025-03-01', to: '2025-04-30' }
// Just after the last request in range was filed: it is neither claimed nor overdue yet.
const NOW = new Date('2025-04-30T16:00:00Z')
const HOUR = 3_600_000

let east: { id: string; name: string }
let north: { id: string; name: string }
let eastTech: SessionUser
let northTech: SessionUser
let eastManager: SessionUser
let admin: SessionUser
let expertViewer: SessionUser
let trainer: SessionUser
let wang: SessionUser
let li: SessionUser
let modelId: string

type Fixture = {
  station: { id: string }
  system: 'engine' | 'transmission'
  expert?: SessionUser
  createdAt: string
  status: AssistanceStatus
  claimedAfter?: number
  resolvedAfter?: number
  closedAfter?: number
  firstTimeFix?: boolean
}

/** A request with chosen timestamps (hours after filing) and the default SLA: respond in 2 h, resolve in 3 days. */
function insertRequest({ station, system, expert, createdAt, status, claimedAfter, resolvedAfter, closedAfter, firstTimeFix }: Fixture) {
  const created = new Date(createdAt)
  const after = (hours: number) => new Date(created.getTime() + hours * HOUR)
  const optionalAfter = (hours: number | undefined) => (hours === undefined ? null : after(hours))
  return getDb().assistanceRequest.create({
    data: {
      requesterId: station === east ? eastTech.id : northTech.id,
      stationId: station.id,
      modelId,
      year: 2022,
      systemCode: system,
      dtcs: ['P0300'],
      symptoms: 'KPI fixture',
      status,
      assigneeId: expert?.id ?? null,
      firstTimeFix: firstTimeFix ?? null,
      createdAt: created,
      claimedAt: optionalAfter(claimedAfter),
      resolvedAt: optionalAfter(resolvedAfter),
      closedAt: optionalAfter(closedAfter),
      responseDueAt: after(2),
      resolutionDueAt: after(72),
    },
  })
}

beforeAll(async () => {
  east = await createStation({ region: 'East' })
  north = await createStation({ region: 'North' })
  eastTech = await createTestUser({ stationId: east.id })
  northTech = await createTestUser({ stationId: north.id })
  eastManager = await createTestUser({ role: 'STATION_MANAGER', stationId: east.id })
  admin = await createTestUser({ role: 'ADMIN' })
  expertViewer = await createTestUser({ role: 'ENGINEER' })
  trainer = await createTestUser({ role: 'TRAINER' })
  wang = await createUser({ email: 'wang@test.local', name: 'Wang, "Lao" Wu', password: 'test-password', role: 'ENGINEER' })
  li = await createUser({ email: 'li@test.local', name: 'Li Na', password: 'test-password', role: 'ENGINEER' })
  modelId = (await ensureVehicleModels())[0].id

  const closed = 'CLOSED' as const
  // In range. Local filing time in brackets; "claim/resolve" in hours after filing.
  // [Sat 03-01 01:00] North engine, Li: claim 1, resolve 20, first-time fix.
  await insertRequest({ station: north, system: 'engine', expert: li, createdAt: '2025-02-28T17:00:00Z', status: closed, claimedAfter: 1, resolvedAfter: 20, closedAfter: 21, firstTimeFix: true })
  // [Mon 03-03] East engine, Wang: claim 1, resolve 24, first-time fix.
  await insertRequest({ station: east, system: 'engine', expert: wang, createdAt: '2025-03-03T02:00:00Z', status: closed, claimedAfter: 1, resolvedAfter: 24, closedAfter: 30, firstTimeFix: true })
  // [Tue 03-04] East engine, Wang: claimed late (3 h), resolved late (96 h), not fixed the first time.
  await insertRequest({ station: east, system: 'engine', expert: wang, createdAt: '2025-03-04T02:00:00Z', status: closed, claimedAfter: 3, resolvedAfter: 96, closedAfter: 100, firstTimeFix: false })
  // [Mon 03-10 01:00, still Sunday in UTC] North transmission, Li: claimed right at the deadline, resolved, not yet confirmed.
  await insertRequest({ station: north, system: 'transmission', expert: li, createdAt: '2025-03-09T17:00:00Z', status: 'RESOLVED', claimedAfter: 2, resolvedAfter: 48 })
  // [Tue 04-01] North transmission: never claimed, both deadlines long past.
  await insertRequest({ station: north, system: 'transmission', createdAt: '2025-04-01T02:00:00Z', status: 'OPEN' })
  // [Wed 04-02] East engine, Li: claim 0.5, resolve 10, first-time fix.
  await insertRequest({ station: east, system: 'engine', expert: li, createdAt: '2025-04-02T02:00:00Z', status: closed, claimedAfter: 0.5, resolvedAfter: 10, closedAfter: 12, firstTimeFix: true })
  // [Tue 04-15] North engine, Wang: claim 1.5, never resolved, resolution deadline past.
  await insertRequest({ station: north, system: 'engine', expert: wang, createdAt: '2025-04-15T02:00:00Z', status: 'CLAIMED', claimedAfter: 1.5 })
  // [Wed 04-30 23:00] North transmission: filed an hour before NOW, not due yet.
  await insertRequest({ station: north, system: 'transmission', createdAt: '2025-04-30T15:00:00Z', status: 'OPEN' })
  // Out of range: 02-28 23:00 and 05-01 00:30 local.
  await insertRequest({ station: east, system: 'engine', expert: wang, createdAt: '2025-02-28T15:00:00Z', status: closed, claimedAfter: 1, resolvedAfter: 5, closedAfter: 6, firstTimeFix: true })
  await insertRequest({ station: east, system: 'engine', expert: wang, createdAt: '2025-04-30T16:30:00Z', status: 'CLAIMED', claimedAfter: 1 })
})

const network = { stationId: null }
const kpis = (groupBy: KpiDimension | null, filters: Partial<KpiFilters> = {}, scope: { stationId: string | null } = network) =>
  computeKpis({ scope, filters: { ...RANGE, groupBy, ...filters }, now: NOW })

const share = (met: number, of: number) => ({ met, of, rate: met / of })
const noShare = { met: 0, of: 0, rate: null }
const figures = (report: KpiReport, key: string | null) => {
  const group = report.groups.find((entry) => entry.key === key)
  if (!group) throw new Error(`no group ${key}`)
  const { key: _key, name: _name, ...rest } = group
  return rest
}

describe('KPI computation', () => {
  test('headline figures of the whole network', async () => {
    const report = await kpis(null)
    expect(report.total).toEqual({
      requests: 8,
      answeredWithinSla: share(5, 7),
      closedWithinSla: share(4, 7),
      firstTimeFix: share(3, 4),
      medianHoursToClaim: 1.25,
      medianHoursToClose: 24,
    })
    expect(report.groups).toEqual([])
    expect(report.timeZone).toBe('Asia/Shanghai')
  })

  test('requests per local week, Monday first, empty weeks included', async () => {
    const report = await kpis(null)
    expect(report.weeks).toEqual([
      { weekStart: '2025-02-24', requests: 1 },
      { weekStart: '2025-03-03', requests: 2 },
      { weekStart: '2025-03-10', requests: 1 },
      { weekStart: '2025-03-17', requests: 0 },
      { weekStart: '2025-03-24', requests: 0 },
      { weekStart: '2025-03-31', requests: 2 },
      { weekStart: '2025-04-07', requests: 0 },
      { weekStart: '2025-04-14', requests: 1 },
      { weekStart: '2025-04-21', requests: 0 },
      { weekStart: '2025-04-28', requests: 1 },
    ])
  })

  test('the SLA shares per month', async () => {
    const report = await kpis(null)
    expect(report.months.map(({ month, requests, answeredWithinSla, closedWithinSla }) => ({ month, requests, answeredWithinSla, closedWithinSla }))).toEqual([
      { month: '2025-03', requests: 4, answeredWithinSla: share(3, 4), closedWithinSla: share(3, 4) },
      { month: '2025-04', requests: 4, answeredWithinSla: share(2, 3), closedWithinSla: share(1, 3) },
    ])
  })

  test('grouped by system', async () => {
    const report = await kpis('system')
    expect(report.groups.map((group) => [group.key, group.name])).toEqual([
      ['engine', { zh: '发动机', en: 'Engine' }],
      ['transmission', { zh: '变速箱', en: 'Transmission' }],
    ])
    expect(figures(report, 'engine')).toEqual({ requests: 5, answeredWithinSla: share(4, 5), closedWithinSla: share(3, 5), firstTimeFix: share(3, 4), medianHoursToClaim: 1, medianHoursToClose: 22 })
    expect(figures(report, 'transmission')).toEqual({ requests: 3, answeredWithinSla: share(1, 2), closedWithinSla: share(1, 2), firstTimeFix: noShare, medianHoursToClaim: 2, medianHoursToClose: 48 })
  })

  test('grouped by expert: the unclaimed requests form their own nameless group, last among equals', async () => {
    const report = await kpis('expert')
    expect(report.groups.map((group) => group.name?.en ?? null)).toEqual(['Li Na', 'Wang, "Lao" Wu', null])
    expect(figures(report, wang.id)).toEqual({ requests: 3, answeredWithinSla: share(2, 3), closedWithinSla: share(1, 3), firstTimeFix: share(1, 2), medianHoursToClaim: 1.5, medianHoursToClose: 60 })
    expect(figures(report, li.id)).toEqual({ requests: 3, answeredWithinSla: share(3, 3), closedWithinSla: share(3, 3), firstTimeFix: share(2, 2), medianHoursToClaim: 1, medianHoursToClose: 20 })
    expect(figures(report, null)).toEqual({ requests: 2, answeredWithinSla: share(0, 1), closedWithinSla: share(0, 1), firstTimeFix: noShare, medianHoursToClaim: null, medianHoursToClose: null })
  })

  test('grouped by region', async () => {
    const report = await kpis('region')
    expect(report.groups.map((group) => group.key)).toEqual(['North', 'East'])
    expect(figures(report, 'East')).toEqual({ requests: 3, answeredWithinSla: share(2, 3), closedWithinSla: share(2, 3), firstTimeFix: share(2, 3), medianHoursToClaim: 1, medianHoursToClose: 24 })
    expect(figures(report, 'North')).toEqual({ requests: 5, answeredWithinSla: share(3, 4), closedWithinSla: share(2, 4), firstTimeFix: share(1, 1), medianHoursToClaim: 1.5, medianHoursToClose: 34 })
  })

  test('grouped by month, in calendar order', async () => {
    const report = await kpis('month')
    expect(report.groups.map((group) => group.key)).toEqual(['2025-03', '2025-04'])
    expect(figures(report, '2025-03')).toEqual({ requests: 4, answeredWithinSla: share(3, 4), closedWithinSla: share(3, 4), firstTimeFix: share(2, 3), medianHoursToClaim: 1.5, medianHoursToClose: 36 })
    expect(figures(report, '2025-04')).toEqual({ requests: 4, answeredWithinSla: share(2, 3), closedWithinSla: share(1, 3), firstTimeFix: share(1, 1), medianHoursToClaim: 1, medianHoursToClose: 10 })
  })

  test('a station scope counts only that station', async () => {
    const report = await kpis('system', {}, { stationId: east.id })
    expect(report.total).toEqual({ requests: 3, answeredWithinSla: share(2, 3), closedWithinSla: share(2, 3), firstTimeFix: share(2, 3), medianHoursToClaim: 1, medianHoursToClose: 24 })
    expect(report.groups.map((group) => group.key)).toEqual(['engine'])
  })

  test('a range without requests', async () => {
    const report = await kpis('system', { from: '2024-01-01', to: '2024-01-14' })
    expect(report.total).toEqual({ requests: 0, answeredWithinSla: noShare, closedWithinSla: noShare, firstTimeFix: noShare, medianHoursToClaim: null, medianHoursToClose: null })
    expect(report.groups).toEqual([])
    expect(report.weeks).toEqual([
      { weekStart: '2024-01-01', requests: 0 },
      { weekStart: '2024-01-08', requests: 0 },
    ])
  })
})

describe('filters from the URL', () => {
  const parse = (query: string, now?: Date) => parseKpiFilters(new URL(`http://test/assistance/kpi${query}`), now)
  const status = (run: () => unknown) => {
    try {
      run()
      return 200
    } catch (thrown) {
      return (thrown as Response).status
    }
  }

  test('default: the six calendar months up to today on the stations’ clock, by system', () => {
    // 17:00 UTC on 30 April is already 1 May in Shanghai.
    expect(parse('', new Date('2025-04-30T17:00:00Z'))).toEqual({ from: '2024-12-01', to: '2025-05-01', groupBy: 'system' })
    expect(parse('?from=&to=2025-04-30&groupBy=')).toEqual({ from: '2024-11-01', to: '2025-04-30', groupBy: 'system' })
  })

  test('bad dates, reversed ranges and unknown dimensions are a 400', () => {
    expect(status(() => parse('?from=2025-02-30&to=2025-03-01'))).toBe(400)
    expect(status(() => parse('?from=2025-04-01&to=2025-03-01'))).toBe(400)
    expect(status(() => parse('?groupBy=station'))).toBe(400)
    expect(status(() => parse('?from=2025-03-01&to=2025-04-30&groupBy=month'))).toBe(200)
  })
})

describe('the KPI page and its CSV', () => {
  const query = '?from=2025-03-01&to=2025-04-30&groupBy=expert'
  const signedIn = async (path: string, user: SessionUser) => new Request(`http://test${path}`, { headers: { Cookie: await sessionCookieFor(user.id) } })
  const page = async (user: SessionUser, search = query) => pageLoader(routeArgs(await signedIn(`/assistance/kpi${search}`, user)))
  const csv = async (user: SessionUser, search = query) => callRoute(async () => csvLoader(routeArgs(await signedIn(`/assistance/kpi.csv${search}`, user))))

  test('experts and admins see the whole network; the page links the CSV with the same filters', async () => {
    for (const user of [admin, expertViewer]) {
      const data = await page(user)
      expect(data.stationName).toBeNull()
      expect(data.report.total.requests).toBe(8)
      expect(data.csvHref).toBe('/assistance/kpi.csv?from=2025-03-01&to=2025-04-30&groupBy=expert')
    }
  })

  test('a station manager sees only their station', async () => {
    const data = await page(eastManager, '?from=2025-03-01&to=2025-04-30&groupBy=region')
    expect(data.stationName).toBe(east.name)
    expect(data.report.total.requests).toBe(3)
    expect(data.report.groups.map((group) => group.key)).toEqual(['East'])
    const rows = (await (await csv(eastManager, '?from=2025-03-01&to=2025-04-30&groupBy=region')).text()).split('\r\n')
    expect(rows.slice(1)).toEqual(['East,3,0.6667,0.6667,0.6667,1,24', ''])
  })

  test('technicians and trainers get 403 from both; anonymous visitors are sent to sign in', async () => {
    for (const user of [eastTech, trainer]) {
      expect((await callRoute(() => page(user))).status).toBe(403)
      expect((await csv(user)).status).toBe(403)
    }
    const anonymous = await callRoute(async () => csvLoader(routeArgs(new Request(`http://test/assistance/kpi.csv${query}`))))
    expect(anonymous.status).toBe(302)
    expect(anonymous.headers.get('Location')).toBe(`/login?redirectTo=${encodeURIComponent(`/assistance/kpi.csv${query}`)}`)
  })

  test('CSV: UTF-8 with a byte-order mark, a header, one quoted row per group', async () => {
    const response = await csv(admin)
    expect(response.status).toBe(200)
    expect(response.headers.get('Content-Type')).toBe('text/csv; charset=utf-8')
    expect(response.headers.get('Content-Disposition')).toContain('attachment; filename="assistance-kpi-2025-03-01_2025-04-30-expert.csv"')
    const bytes = new Uint8Array(await response.arrayBuffer())
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
    // The route runs on the real clock, so by now the last request is overdue too.
    expect(new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes)).toBe(
      '\uFEFF' +
        [
          'group,requests,answeredWithinSla,closedWithinSla,firstTimeFixRate,medianHoursToClaim,medianHoursToClose',
          'Li Na,3,1,1,1,1,20',
          '"Wang, ""Lao"" Wu",3,0.6667,0.3333,0.5,1.5,60',
          '未认领,2,0,0,,,',
          '',
        ].join('\r\n'),
    )
  })

  test('CSV: a name that Excel would run as a formula stays text', async () => {
    const report = await kpis('region')
    const [first] = report.groups
    const csvText = kpiCsv({ ...report, groups: [{ ...first, name: { zh: '=HYPERLINK("x")', en: '=HYPERLINK("x")' } }] }, 'en')
    expect(csvText.split('\r\n')[1]).toBe(`"'=HYPERLINK(""x"")",5,0.75,0.5,1,1.5,34`)
  })

  test('empty range: no charts, nothing to export', async () => {
    const data = await page(admin, '?from=2024-01-01&to=2024-01-31&groupBy=system')
    expect(data.report.total.requests).toBe(0)
    expect(data.charts).toBeNull()
  })
})

describe('charts', () => {
  test('server-side SVG with the series and the group names, text escaped', async () => {
    const charts = renderKpiCharts(await kpis('expert'), 'en')
    for (const svg of [charts.weeklyRequests, charts.slaByMonth, charts.firstTimeFixByGroup, charts.mediansByGroup]) expect(svg).toMatch(/^<svg[\s>]/)
    expect(charts.weeklyRequests).toContain('>Requests<')
    expect(charts.slaByMonth).toContain('>Answered within SLA<')
    expect(charts.slaByMonth).toContain('>Closed within SLA<')
    expect(charts.firstTimeFixByGroup).toContain('>First-time fix<')
    expect(charts.mediansByGroup).toContain('>Hours to claim<')
    expect(charts.mediansByGroup).toContain('>Hours to close<')
    expect(charts.mediansByGroup).toContain('>Li Na<')
    expect(charts.mediansByGroup).toContain('Wang, &quot;Lao&quot; Wu')
    expect(charts.chartedGroupCount).toBe(3)
  })

  test('labels in Chinese by default, and markup in a name stays text', async () => {
    const report = await kpis('system')
    const charts = renderKpiCharts({ ...report, groups: [{ ...report.groups[0], name: { zh: '<script>alert(1)</script>', en: 'x' } }] }, 'zh')
    expect(charts.weeklyRequests).toContain('>请求数<')
    expect(charts.firstTimeFixByGroup).toContain('&lt;script&gt;')
    expect(charts.firstTimeFixByGroup).not.toContain('<script')
  })
})
