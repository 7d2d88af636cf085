import { beforeAll, describe, expect, test } from 'vitest'
import { generateDemoRequests, type DemoRequestInput } from '../../app/modules/assistance/demo/request-generator'
import { seedDemoAssistanceRequests, seedDemoStationsAndUsers } from '../../app/runtime/seed.server'
import { getDb } from '../../app/utils/db.server'

const EXPERT_EMAILS = ['expert@gtac.test', 'expert2@gtac.test', 'expert3@gtac.test']

const requestFields = {
  id: true,
  status: true,
  systemCode: true,
  createdAt: true,
  claimedAt: true,
  resolvedAt: true,
  closedAt: true,
  responseDueAt: true,
  assignee: { select: { email: true, expertProfile: { select: { systems: true } } } },
} as const

let requests: Awaited<ReturnType<typeof loadRequests>>
const seedLog: string[] = []
// The seed's clock runs between these two instants.
let seededAt: Date
let seededBy: Date

const loadRequests = () => getDb().assistanceRequest.findMany({ orderBy: { createdAt: 'asc' }, select: requestFields })
const withStatus = (status: string) => requests.filter((request) => request.status === status)

beforeAll(async () => {
  await seedDemoStationsAndUsers()
  seededAt = new Date()
  await seedDemoAssistanceRequests((line) => seedLog.push(line))
  seededBy = new Date()
  requests = await loadRequests()
})

describe('demo experts', () => {
  test('three engineer accounts, each with its own declared systems, offline to begin with', async () => {
    const experts = await getDb().user.findMany({
      where: { email: { in: EXPERT_EMAILS } },
      select: { email: true, role: true, expertProfile: { select: { systems: true, available: true } } },
    })
    expect(experts.map((expert) => expert.email).sort()).toEqual([...EXPERT_EMAILS].sort())
    for (const expert of experts) {
      expect(expert.role).toBe('ENGINEER')
      expect(expert.expertProfile?.systems.length).toBeGreaterThan(0)
      expect(expert.expertProfile?.available).toBe(false)
    }
    const declared = experts.map((expert) => [...expert.expertProfile!.systems].sort().join(','))
    expect(new Set(declared).size).toBe(3)
  })
})

describe('demo assistance requests', () => {
  test('are written and logged', () => {
    expect(requests.length).toBeGreaterThanOrEqual(150)
    expect(seedLog).toContain(`Demo data: ${requests.length} assistance requests`)
  })

  test('cover every status of the workflow', () => {
    for (const status of ['OPEN', 'CLAIMED', 'ONSITE', 'RESOLVED', 'CLOSED']) expect(withStatus(status).length, status).toBeGreaterThan(0)
    expect(withStatus('OPEN').length).toBeGreaterThanOrEqual(6)
  })

  test('the queue holds overdue requests and fresh ones in expert@’s systems', async () => {
    const open = withStatus('OPEN')
    expect(open.some((request) => request.responseDueAt < seededAt)).toBe(true)
    expect(open.some((request) => request.responseDueAt > seededAt)).toBe(true)
    const expert = await getDb().expertProfile.findFirstOrThrow({ where: { user: { email: 'expert@gtac.test' } }, select: { systems: true } })
    const halfAnHourBefore = new Date(seededAt.getTime() - 30 * 60_000)
    const freshForExpert = open.filter((request) => request.createdAt >= halfAnHourBefore && expert.systems.includes(request.systemCode))
    expect(freshForExpert.length).toBeGreaterThanOrEqual(2)
  })

  test('spread over at least four months', () => {
    const months = new Set(requests.map((request) => request.createdAt.toISOString().slice(0, 7)))
    expect(months.size).toBeGreaterThanOrEqual(4)
  })

  test('every request in hand is held by an expert who declared its system', () => {
    for (const request of requests.filter((candidate) => candidate.status !== 'OPEN')) {
      expect(request.assignee?.expertProfile?.systems, `#${request.id} ${request.systemCode}`).toContain(request.systemCode)
    }
    expect(withStatus('OPEN').every((request) => request.assignee === null)).toBe(true)
  })

  test('timestamps follow the workflow', () => {
    for (const request of requests) {
      const steps = [request.createdAt, request.claimedAt, request.resolvedAt, request.closedAt].filter((step): step is Date => step !== null)
      const sorted = [...steps].sort((a, b) => a.getTime() - b.getTime())
      expect(steps, request.id).toEqual(sorted)
      expect(steps.at(-1)!.getTime()).toBeLessThanOrEqual(seededBy.getTime())
    }
    for (const request of withStatus('CLOSED')) expect(request.closedAt, request.id).not.toBeNull()
    for (const request of withStatus('CLAIMED')) expect([request.claimedAt !== null, request.resolvedAt]).toEqual([true, null])
  })

  test('each request page has its activity, conversation and visits', async () => {
    const db = getDb()
    const [events, messageCounts, onsite] = await Promise.all([
      db.assistanceEvent.findMany({ orderBy: { id: 'asc' }, select: { requestId: true, kind: true, createdAt: true } }),
      db.assistanceMessage.groupBy({ by: ['requestId'], _count: true }),
      db.assistanceRequest.findMany({ where: { status: 'ONSITE' }, select: { visits: { select: { id: true } } } }),
    ])
    const eventsOf = (id: string) => events.filter((event) => event.requestId === id)
    for (const request of requests) {
      const kinds = eventsOf(request.id).map((event) => event.kind)
      expect(kinds[0], request.id).toBe('created')
      if (request.claimedAt) expect(kinds, request.id).toContain('claimed')
      if (request.status === 'CLOSED') expect(kinds.at(-1), request.id).toBe('confirmed')
      const times = eventsOf(request.id).map((event) => event.createdAt.getTime())
      expect(times, request.id).toEqual([...times].sort((a, b) => a - b))
    }
    const messaged = new Map(messageCounts.map((row) => [row.requestId, row._count]))
    for (const request of requests.filter((candidate) => candidate.status !== 'OPEN')) {
      expect(messaged.get(request.id), request.id).toBeGreaterThanOrEqual(1)
      expect(messaged.get(request.id), request.id).toBeLessThanOrEqual(4)
    }
    expect(onsite.every((request) => request.visits.length === 1)).toBe(true)
  })
})

describe('the request generator', () => {
  const input: DemoRequestInput = {
    requesters: [
      { id: 'tech', stationId: 'bj' },
      { id: 'tech2', stationId: 'sh' },
    ],
    experts: [
      { id: 'expert', systems: ['engine', 'transmission', 'ev'] },
      { id: 'expert2', systems: ['electrical', 'body', 'hvac'] },
      { id: 'expert3', systems: ['chassis', 'engine'] },
    ],
    models: [
      { id: 'boyue', nameZh: '博越', yearFrom: 2016, yearTo: 2026 },
      { id: 'geometry', nameZh: '几何A', yearFrom: 2019, yearTo: 2025 },
    ],
    policy: { responseHours: 2, resolutionDays: 3 },
    now: new Date('2025-06-15T04:00:00Z'),
    liveQueueSystems: ['engine', 'transmission', 'ev'],
  }

  test('gives the same requests for the same seed, and others for another seed', () => {
    const first = generateDemoRequests({ ...input, seed: 7 })
    expect(generateDemoRequests({ ...input, seed: 7 })).toEqual(first)
    expect(generateDemoRequests({ ...input, seed: 8 })).not.toEqual(first)
  })

  test('has about 15% of vehicles off the road and mostly Chinese text', () => {
    const generated = generateDemoRequests(input)
    const share = (matches: (request: (typeof generated)[number]) => boolean) => generated.filter(matches).length / generated.length
    expect(share((request) => request.urgency === 'VOR')).toBeGreaterThan(0.05)
    expect(share((request) => request.urgency === 'VOR')).toBeLessThan(0.3)
    expect(share((request) => /[\u4e00-\u9fff]/.test(request.symptoms))).toBeGreaterThan(0.6)
  })

  test('fits the vehicle to the system: no engine faults on a pure EV', () => {
    const generated = generateDemoRequests(input)
    const engineOnEv = generated.filter((request) => request.modelId === 'geometry' && ['engine', 'transmission'].includes(request.systemCode))
    expect(engineOnEv).toEqual([])
  })
})
