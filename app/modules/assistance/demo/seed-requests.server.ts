import crypto from 'node:crypto'
import { getDb } from '~/utils/db.server'
import { getSlaPolicy } from '../sla-policy.server'
import { generateDemoRequests, type DemoRequest } from './request-generator'

/** Station users file the requests; experts with a profile handle those in their systems. */
async function loadDemoParticipants() {
  const db = getDb()
  const [requesters, experts, models] = await Promise.all([
    db.user.findMany({
      where: { role: { in: ['TECHNICIAN', 'STATION_MANAGER'] }, stationId: { not: null } },
      orderBy: { email: 'asc' },
      select: { id: true, stationId: true },
    }),
    db.expertProfile.findMany({ where: { user: { role: 'ENGINEER' } }, orderBy: { user: { email: 'asc' } }, select: { userId: true, systems: true } }),
    db.vehicleModel.findMany({ orderBy: { nameEn: 'asc' }, select: { id: true, nameZh: true, yearFrom: true, yearTo: true } }),
  ])
  return {
    requesters: requesters.map((user) => ({ id: user.id, stationId: user.stationId! })),
    experts: experts.map((profile) => ({ id: profile.userId, systems: profile.systems })),
    models,
  }
}

const byCreatedAt = (a: { createdAt: Date }, b: { createdAt: Date }) => a.createdAt.getTime() - b.createdAt.getTime()

/** One transaction of bulk inserts; events go in time order because the activity log sorts by id. */
function insertRequests(requests: DemoRequest[]) {
  const db = getDb()
  const rows = requests.map((request) => ({ id: crypto.randomUUID(), request }))
  const childrenOf = <T>(pick: (request: DemoRequest) => T[]) => rows.flatMap(({ id, request }) => pick(request).map((child) => ({ ...child, requestId: id })))
  return db.$transaction([
    db.assistanceRequest.createMany({ data: rows.map(({ id, request: { events: _events, messages: _messages, visits: _visits, ...fields } }) => ({ id, ...fields })) }),
    db.onsiteVisit.createMany({ data: childrenOf((request) => request.visits) }),
    db.assistanceEvent.createMany({ data: childrenOf((request) => request.events).sort(byCreatedAt) }),
    db.assistanceMessage.createMany({ data: childrenOf((request) => request.messages).sort(byCreatedAt) }),
  ])
}

/** Writes the demo requests (see generateDemoRequests) and returns how many. */
export async function seedDemoRequests({ liveQueueSystems, now = new Date() }: { liveQueueSystems: string[]; now?: Date }) {
  const participants = await loadDemoParticipants()
  const requests = generateDemoRequests({ ...participants, liveQueueSystems, policy: getSlaPolicy(), now })
  await insertRequests(requests)
  return requests.length
}
