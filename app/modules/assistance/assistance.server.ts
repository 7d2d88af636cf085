import { Prisma } from '~/generated/prisma/client'
import { confirmCaseFix } from '~/modules/cases/case.server'
import type { AssistanceStatus } from '~/generated/prisma/enums'
import { getAsyncCommitSql } from '~/utils/async-commit-sql.server'
import { prepared } from '~/utils/pg-pool.server'
import { getDb } from '~/utils/db.server'
import { publish, userRoom } from '~/utils/realtime.server'
import type { SessionUser } from '~/utils/session-user'
import { ASSISTANCE_EVENTS, expertsOfSystemRoom, queueRoom, requestRoom, stationRoom, type RequestChangedEvent, type RequestCreatedEvent, type RequestMessageEvent } from './rooms'
import type { NewRequestInput } from './schema'
import { dueDates } from './sla'
import { getSlaPolicy } from './sla-policy.server'

export type Viewer = Pick<SessionUser, 'id' | 'role' | 'stationId'>

export const REQUESTER_ROLES = ['TECHNICIAN', 'STATION_MANAGER'] as const
export const canRequest = (user: Pick<SessionUser, 'role' | 'stationId'>) =>
  (REQUESTER_ROLES as readonly string[]).includes(user.role) && Boolean(user.stationId)

/**
 * Who sees a request: its station (technicians and managers), experts the open queue and the
 * requests they hold or have worked on, admins all.
 */
export function requestVisibilityWhere(user: Viewer): Prisma.AssistanceRequestWhereInput {
  if (user.role === 'ADMIN') return {}
  if (user.role === 'ENGINEER') {
    return { OR: [{ status: 'OPEN' }, { assigneeId: user.id }, { events: { some: { actorId: user.id } } }] }
  }
  if ((REQUESTER_ROLES as readonly string[]).includes(user.role) && user.stationId) return { stationId: user.stationId }
  return { requesterId: user.id }
}

/** requestVisibilityWhere as SQL over the request aliased `r`, for the chat's insert (a test keeps the two in step). */
export function requestVisibilitySql(user: Viewer): Prisma.Sql {
  if (user.role === 'ADMIN') return Prisma.sql`TRUE`
  if (user.role === 'ENGINEER') {
    return Prisma.sql`(r.status = 'OPEN' OR r."assigneeId" = ${user.id}
      OR EXISTS (SELECT 1 FROM "AssistanceEvent" e WHERE e."requestId" = r.id AND e."actorId" = ${user.id}))`
  }
  if ((REQUESTER_ROLES as readonly string[]).includes(user.role) && user.stationId) return Prisma.sql`r."stationId" = ${user.stationId}`
  return Prisma.sql`r."requesterId" = ${user.id}`
}

export class RequestInputError extends Error {
  constructor(readonly errors: Record<string, string>) {
    super('invalid request')
  }
}

/** Files uploaded by the requester beforehand (through /api/attachments) become the request's. */
async function linkRequestFiles(tx: Prisma.TransactionClient, { requestId, userId, attachmentIds, messageId }: { requestId: string; userId: string; attachmentIds: string[]; messageId?: string }) {
  if (attachmentIds.length === 0) return
  const linked = await tx.attachment.updateMany({
    where: { id: { in: attachmentIds }, uploaderId: userId, caseId: null, assistanceRequestId: null },
    data: { assistanceRequestId: requestId, assistanceMessageId: messageId ?? null },
  })
  if (linked.count !== attachmentIds.length) throw new RequestInputError({ attachmentIds: 'a file is unknown or already used elsewhere' })
}

export async function createRequest({
  user,
  input,
  attachmentIds = [],
  now = new Date(),
}: {
  user: Pick<SessionUser, 'id' | 'role' | 'stationId'>
  input: NewRequestInput
  attachmentIds?: string[]
  now?: Date
}) {
  if (!canRequest(user)) throw new RequestInputError({ _form: 'only technicians and station managers of a station file requests' })
  const db = getDb()
  const model = await db.vehicleModel.findUnique({ where: { id: input.modelId }, select: { id: true, nameZh: true, nameEn: true } })
  if (!model) throw new RequestInputError({ modelId: 'unknown model' })
  const due = dueDates(now, getSlaPolicy())
  const created = await db.$transaction(async (tx) => {
    const request = await tx.assistanceRequest.create({
      data: {
        requesterId: user.id,
        stationId: user.stationId!,
        modelId: model.id,
        year: input.year,
        vin: input.vin ?? null,
        mileageKm: input.mileageKm ?? null,
        systemCode: input.systemCode,
        dtcs: input.dtcs,
        symptoms: input.symptoms,
        tried: input.tried ?? null,
        readings: input.readings ?? null,
        urgency: input.urgency,
        createdAt: now,
        ...due,
      },
      select: { id: true, number: true, systemCode: true, urgency: true, stationId: true, symptoms: true },
    })
    await linkRequestFiles(tx, { requestId: request.id, userId: user.id, attachmentIds })
    await tx.assistanceEvent.create({ data: { requestId: request.id, actorId: user.id, kind: 'created', createdAt: now } })
    return request
  })
  const announcement: RequestCreatedEvent = {
    id: created.id,
    number: created.number,
    systemCode: created.systemCode,
    urgency: created.urgency,
    model: `${model.nameZh} / ${model.nameEn}`,
    symptoms: created.symptoms.slice(0, 140),
  }
  publish(expertsOfSystemRoom(created.systemCode), ASSISTANCE_EVENTS.created, announcement)
  announceChange({ id: created.id, status: 'OPEN', systemCode: created.systemCode, stationId: created.stationId })
  return created
}

/** Tells every page that shows this request (its own, its queue, its station's list) to refresh. */
export function announceChange({ id, status, systemCode, stationId, assigneeId }: RequestChangedEvent & { stationId: string; assigneeId?: string | null }) {
  const rooms = [requestRoom(id), queueRoom(systemCode), stationRoom(stationId)]
  publish(rooms, ASSISTANCE_EVENTS.changed, { id, status, systemCode } satisfies RequestChangedEvent)
  if (assigneeId) publish(userRoom(assigneeId), ASSISTANCE_EVENTS.changed, { id, status, systemCode })
}

const personSelect = { select: { id: true, name: true } } as const

/** The vehicle, the fault and the expert's conclusion: what a request page and a drafted case both show. */
export const vehicleAndFaultSelect = {
  year: true,
  vin: true,
  mileageKm: true,
  systemCode: true,
  dtcs: true,
  symptoms: true,
  tried: true,
  readings: true,
  cause: true,
  fix: true,
} as const

const requestDetailSelect = {
  id: true,
  number: true,
  status: true,
  urgency: true,
  ...vehicleAndFaultSelect,
  firstTimeFix: true,
  reopenCount: true,
  caseId: true,
  createdAt: true,
  claimedAt: true,
  resolvedAt: true,
  closedAt: true,
  responseDueAt: true,
  resolutionDueAt: true,
  requesterId: true,
  stationId: true,
  assigneeId: true,
  model: { select: { id: true, nameZh: true, nameEn: true } },
  system: { select: { code: true, nameZh: true, nameEn: true } },
  station: { select: { id: true, code: true, name: true, region: true } },
  requester: personSelect,
  assignee: personSelect,
  attachments: { where: { assistanceMessageId: null }, orderBy: { createdAt: 'asc' }, select: { id: true, fileName: true, mimeType: true, sizeBytes: true } },
  visits: { orderBy: { createdAt: 'asc' }, select: { id: true, scheduledAt: true, visitedAt: true, outcome: true, expert: personSelect } },
} satisfies Prisma.AssistanceRequestSelect

export async function getRequest({ user, requestId }: { user: Viewer; requestId: string }) {
  return getDb().assistanceRequest.findFirst({ where: { id: requestId, ...requestVisibilityWhere(user) }, select: requestDetailSelect })
}
export type RequestDetail = NonNullable<Awaited<ReturnType<typeof getRequest>>>

/** The queue is per system: "very urgent" (vehicle off the road) first, then oldest first. */
export async function queuePosition(request: { id: string; status: AssistanceStatus; systemCode: string; urgency: 'VOR' | 'NORMAL'; createdAt: Date }) {
  if (request.status !== 'OPEN') return null
  const ahead = await getDb().assistanceRequest.count({
    where: {
      status: 'OPEN',
      systemCode: request.systemCode,
      id: { not: request.id },
      OR:
        request.urgency === 'VOR'
          ? [{ urgency: 'VOR', createdAt: { lt: request.createdAt } }]
          : [{ urgency: 'VOR' }, { urgency: 'NORMAL', createdAt: { lt: request.createdAt } }],
    },
  })
  return ahead + 1
}

export type RequestListFilter = 'queue' | 'mine' | 'all'
const PAGE_SIZE = 25

export async function listRequests({
  user,
  filter,
  status,
  systemCodes,
  page = 1,
}: {
  user: Viewer
  filter: RequestListFilter
  status?: AssistanceStatus
  systemCodes?: string[]
  page?: number
}) {
  const where: Prisma.AssistanceRequestWhereInput[] = [requestVisibilityWhere(user)]
  if (filter === 'queue') where.push({ status: 'OPEN' })
  if (filter === 'mine') where.push(user.role === 'ENGINEER' ? { assigneeId: user.id } : { requesterId: user.id })
  if (status) where.push({ status })
  if (systemCodes && systemCodes.length > 0) where.push({ systemCode: { in: systemCodes } })
  const db = getDb()
  const [total, rows] = await Promise.all([
    db.assistanceRequest.count({ where: { AND: where } }),
    db.assistanceRequest.findMany({
      where: { AND: where },
      orderBy: filter === 'queue' ? [{ urgency: 'asc' }, { createdAt: 'asc' }] : [{ createdAt: 'desc' }],
      skip: (page - 1) * PAGE_SIZE,
      take: PAGE_SIZE,
      select: {
        id: true,
        number: true,
        status: true,
        urgency: true,
        systemCode: true,
        dtcs: true,
        symptoms: true,
        createdAt: true,
        claimedAt: true,
        resolvedAt: true,
        closedAt: true,
        responseDueAt: true,
        resolutionDueAt: true,
        model: { select: { nameZh: true, nameEn: true } },
        station: { select: { name: true } },
        assignee: personSelect,
      },
    }),
  ])
  return { total, rows, page, pages: Math.max(1, Math.ceil(total / PAGE_SIZE)) }
}

const messageSelect = {
  id: true,
  body: true,
  createdAt: true,
  author: personSelect,
  attachments: { select: { id: true, fileName: true, mimeType: true, sizeBytes: true, annotations: true } },
} as const satisfies Prisma.AssistanceMessageSelect

export type ThreadMessage = Prisma.AssistanceMessageGetPayload<{ select: typeof messageSelect }>

/** How many of a thread's latest messages its page shows. */
export const THREAD_LENGTH = 500

/** The thread's latest THREAD_LENGTH messages, oldest first, and how many earlier ones are left out. */
export async function listMessages({ requestId }: { requestId: string }) {
  const db = getDb()
  const [latest, total] = await Promise.all([
    db.assistanceMessage.findMany({ where: { requestId }, orderBy: [{ createdAt: 'desc' }, { id: 'desc' }], take: THREAD_LENGTH, select: messageSelect }),
    db.assistanceMessage.count({ where: { requestId } }),
  ])
  return { messages: latest.reverse(), earlier: total - latest.length }
}

export function listActivity({ requestId }: { requestId: string }) {
  return getDb().assistanceEvent.findMany({
    where: { requestId },
    orderBy: { id: 'asc' },
    take: 500,
    select: { id: true, kind: true, data: true, createdAt: true, actor: personSelect },
  })
}

/**
 * A message on the request (works without a live call; the call's chat uses the same thread),
 * from the page's form or its socket. Once committed, the message itself goes to the request's
 * page, which appends it: a message changes nothing else, so no page reloads for it.
 */
export async function addMessage({
  user,
  requestId,
  body,
  attachmentIds = [],
}: {
  user: Viewer & Pick<SessionUser, 'name'>
  requestId: string
  body: string
  attachmentIds?: string[]
}) {
  const message = attachmentIds.length === 0 ? await insertTextMessage({ user, requestId, body }) : await insertMessageWithFiles({ user, requestId, body, attachmentIds })
  if (message) publish(requestRoom(requestId), ASSISTANCE_EVENTS.message, { requestId, message } satisfies RequestMessageEvent)
  return message
}

/**
 * A text message, the live chat's: the visibility check and the insert are one statement, with
 * an asynchronous commit (see getAsyncCommitSql). Through Prisma it was two statements and a
 * durable commit, ~5 ms against socket.io's ~1 ms for the broadcast itself.
 */
async function insertTextMessage({ user, requestId, body }: { user: Viewer & Pick<SessionUser, 'name'>; requestId: string; body: string }): Promise<ThreadMessage | null> {
  const insert = Prisma.sql`
    INSERT INTO "AssistanceMessage" (id, "requestId", "authorId", body, "createdAt")
    SELECT ${crypto.randomUUID()}, r.id, ${user.id}, ${body}, now() AT TIME ZONE 'UTC'
    FROM "AssistanceRequest" r WHERE r.id = ${requestId} AND ${requestVisibilitySql(user)}
    RETURNING id, body, "createdAt" AT TIME ZONE 'UTC' AS "createdAt"`
  const { rows } = await getAsyncCommitSql().query<{ id: string; body: string; createdAt: Date }>(prepared(insert))
  return rows[0] ? { ...rows[0], author: { id: user.id, name: user.name }, attachments: [] } : null
}

/** Files are linked in the same transaction as their message. */
async function insertMessageWithFiles({ user, requestId, body, attachmentIds }: { user: Viewer; requestId: string; body: string; attachmentIds: string[] }) {
  const db = getDb()
  const request = await db.assistanceRequest.findFirst({ where: { id: requestId, ...requestVisibilityWhere(user) }, select: { id: true } })
  if (!request) return null
  return db.$transaction(async (tx) => {
    const created = await tx.assistanceMessage.create({ data: { requestId, authorId: user.id, body }, select: { id: true } })
    await linkRequestFiles(tx, { requestId, userId: user.id, attachmentIds, messageId: created.id })
    return tx.assistanceMessage.findUniqueOrThrow({ where: { id: created.id }, select: messageSelect })
  })
}

/** The ISO-8601 shape of `GET /api/assistance/:id`. */
export function toApiRequest(request: RequestDetail) {
  return {
    id: request.id,
    number: request.number,
    status: request.status.toLowerCase(),
    urgency: request.urgency.toLowerCase(),
    model: request.model.nameEn,
    modelZh: request.model.nameZh,
    year: request.year,
    vin: request.vin,
    mileageKm: request.mileageKm,
    system: request.systemCode,
    dtcs: request.dtcs,
    symptoms: request.symptoms,
    tried: request.tried,
    readings: request.readings,
    station: request.station.code,
    requester: request.requester,
    assignee: request.assignee,
    cause: request.cause,
    fix: request.fix,
    firstTimeFix: request.firstTimeFix,
    caseId: request.caseId,
    createdAt: request.createdAt.toISOString(),
    claimedAt: request.claimedAt?.toISOString() ?? null,
    resolvedAt: request.resolvedAt?.toISOString() ?? null,
    closedAt: request.closedAt?.toISOString() ?? null,
    responseDueAt: request.responseDueAt.toISOString(),
    resolutionDueAt: request.resolutionDueAt.toISOString(),
  }
}

/** A file shared during the call (a frozen frame) becomes a file of the request, readable by everyone in it. */
export async function attachRequestFile({ user, requestId, attachmentId }: { user: Viewer; requestId: string; attachmentId: string }) {
  const request = await getDb().assistanceRequest.findFirst({ where: { id: requestId, ...requestVisibilityWhere(user) }, select: { id: true } })
  if (!request) return null
  await getDb().$transaction((tx) => linkRequestFiles(tx, { requestId, userId: user.id, attachmentIds: [attachmentId] }))
  return request
}

/** "This case solved it": no request is filed; the case gets a confirmed fix and the KPIs a deflection. */
export async function recordDeflection({ user, caseId }: { user: Viewer; caseId: string }) {
  const confirmed = await confirmCaseFix({ user, caseId })
  if (!confirmed.ok) return false
  await getDb().caseDeflection.create({ data: { caseId, userId: user.id, stationId: user.stationId } })
  return true
}

/** Requests filed since a date, as fault reports for field-issue detection. */
export async function requestFaultReports({ since }: { since: Date }) {
  const requests = await getDb().assistanceRequest.findMany({
    where: { createdAt: { gte: since } },
    select: { id: true, number: true, modelId: true, systemCode: true, dtcs: true, stationId: true, createdAt: true, symptoms: true },
  })
  return requests.map(({ id, number, symptoms, ...fault }) => ({ ...fault, kind: 'request' as const, id, title: `#${number}`, text: symptoms, link: `/assistance/${id}` }))
}

/** Per expert: the requests they brought to a close. */
export async function solvedRequestCounts(expertIds?: string[]) {
  const rows = await getDb().assistanceRequest.groupBy({
    by: ['assigneeId'],
    where: { status: 'CLOSED', assigneeId: expertIds ? { in: expertIds } : { not: null } },
    _count: { _all: true },
  })
  return rows.map((row) => ({ userId: row.assigneeId!, solved: row._count._all }))
}

/** The requests a person filed or handled, newest first (their member center). */
export function listRequestsOfPerson({ userId, take = 20 }: { userId: string; take?: number }) {
  return getDb().assistanceRequest.findMany({
    where: { OR: [{ requesterId: userId }, { assigneeId: userId }] },
    orderBy: { createdAt: 'desc' },
    take,
    select: { id: true, number: true, status: true, createdAt: true, symptoms: true },
  })
}
