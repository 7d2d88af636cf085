import { plainTextToDoc } from '~/editor/rich-text.server'
import type { Prisma } from '~/generated/prisma/client'
import { insertCase } from '~/modules/cases/case.server'
import { getDb } from '~/utils/db.server'
import { notifyUsers } from '~/modules/notifications/notification.server'
import { publish, userRoom } from '~/utils/realtime.server'
import type { SessionUser } from '~/utils/session-user'
import { announceChange, requestVisibilityWhere, vehicleAndFaultSelect, type Viewer } from './assistance.server'
import { ASSISTANCE_EVENTS } from './rooms'
import { localDateTimeToInstant, type RequestAction } from './schema'
import { fromStatuses, mayAct, type RequestActionName, type RequestActor } from './workflow'

export type ActionOutcome =
  | { ok: true; caseId?: string }
  | { ok: false; reason: 'not-found' | 'forbidden' | 'conflict' | 'invalid-state' | 'invalid-input'; errors?: Record<string, string>; holder?: { id: string; name: string } | null }

type Tx = Prisma.TransactionClient

const stateSelect = {
  id: true,
  status: true,
  systemCode: true,
  stationId: true,
  assigneeId: true,
  requesterId: true,
  reopenCount: true,
  caseId: true,
  assignee: { select: { id: true, name: true } },
} as const

type RequestState = Prisma.AssistanceRequestGetPayload<{ select: typeof stateSelect }>

export function actorFor(user: Viewer, request: { assigneeId: string | null; stationId: string }): RequestActor {
  return {
    role: user.role,
    isAssignee: request.assigneeId === user.id,
    isStationMember: (user.role === 'TECHNICIAN' || user.role === 'STATION_MANAGER') && user.stationId === request.stationId,
  }
}

/**
 * Runs one state change: the row is locked (FOR UPDATE) so two nodes or two clicks cannot both
 * apply it; the status and the actor are checked against the locked row; the change and its
 * activity entry commit together; then every page that shows the request is told.
 */
async function transition(
  user: Viewer,
  requestId: string,
  action: RequestActionName,
  apply: (tx: Tx, request: RequestState) => Promise<ActionOutcome | void>,
): Promise<ActionOutcome> {
  const outcome = await getDb().$transaction(async (tx) => {
    // Any expert may try to claim: one who lost the race learns who holds it (409), not "not found".
    const scope = action === 'claim' && user.role === 'ENGINEER' ? {} : requestVisibilityWhere(user)
    const visible = await tx.assistanceRequest.findFirst({ where: { id: requestId, ...scope }, select: { id: true } })
    if (!visible) return { ok: false, reason: 'not-found' } as const
    await tx.$queryRaw`select id from "AssistanceRequest" where id = ${requestId} for update`
    const request = await tx.assistanceRequest.findUniqueOrThrow({ where: { id: requestId }, select: stateSelect })
    if (!mayAct(action, actorFor(user, request))) return { ok: false, reason: 'forbidden' } as const
    if (!fromStatuses(action).includes(request.status)) {
      if (action === 'claim' && request.assigneeId) {
        return request.assigneeId === user.id ? ({ ok: true } as const) : ({ ok: false, reason: 'conflict', holder: request.assignee } as const)
      }
      return { ok: false, reason: 'invalid-state' } as const
    }
    return (await apply(tx, request)) ?? ({ ok: true } as const)
  })
  if (outcome.ok) {
    const after = await getDb().assistanceRequest.findUnique({ where: { id: requestId }, select: { id: true, number: true, status: true, systemCode: true, stationId: true, assigneeId: true, requesterId: true } })
    if (after) announceChange(after)
    if (after?.assigneeId && action === 'transfer') publish(userRoom(after.assigneeId), ASSISTANCE_EVENTS.assigned, { id: requestId })
    if (after) await notifyOthers(user, after, action)
  }
  return outcome
}

const NOTIFIED_ACTIONS: Partial<Record<RequestActionName, string>> = {
  claim: '已被专家接手 / was claimed by an expert',
  transfer: '已转交 / was transferred',
  escalate: '将安排上门 / an on-site visit is planned',
  resolve: '专家已给出结论 / the expert has resolved it',
  reopen: '已被重新打开 / was reopened',
}

/** The requester and the expert holding it hear of a change someone else made (in the bell). */
async function notifyOthers(user: Viewer, request: { id: string; number: number; requesterId: string; assigneeId: string | null }, action: RequestActionName) {
  const what = NOTIFIED_ACTIONS[action]
  if (!what) return
  const people = [request.requesterId, request.assigneeId].filter((id): id is string => Boolean(id) && id !== user.id)
  await notifyUsers(people, { kind: 'assistance', title: `#${request.number} ${what}`, link: `/assistance/${request.id}` })
}

const logEvent = (tx: Tx, requestId: string, actorId: string, kind: string, data?: Prisma.InputJsonValue) =>
  tx.assistanceEvent.create({ data: { requestId, actorId, kind, data } })

export function claimRequest({ user, requestId, now = new Date() }: { user: Viewer; requestId: string; now?: Date }) {
  return transition(user, requestId, 'claim', async (tx, request) => {
    await tx.assistanceRequest.update({ where: { id: request.id }, data: { status: 'CLAIMED', assigneeId: user.id, claimedAt: now } })
    await logEvent(tx, request.id, user.id, 'claimed')
  })
}

async function transferRequest(tx: Tx, user: Viewer, request: RequestState, toExpertId: string, note?: string): Promise<ActionOutcome | void> {
  const target = await tx.user.findFirst({ where: { id: toExpertId, role: 'ENGINEER' }, select: { id: true, name: true } })
  if (!target) return { ok: false, reason: 'invalid-input', errors: { toExpertId: 'choose an expert' } }
  if (target.id === request.assigneeId) return { ok: false, reason: 'invalid-input', errors: { toExpertId: 'already holds this request' } }
  await tx.assistanceRequest.update({ where: { id: request.id }, data: { assigneeId: target.id } })
  await logEvent(tx, request.id, user.id, 'transferred', { from: request.assignee?.name ?? null, to: target.name, note: note ?? null })
}

async function escalateOnsite(tx: Tx, user: Viewer, request: RequestState, scheduledAt: Date, note?: string) {
  await tx.onsiteVisit.create({ data: { requestId: request.id, expertId: request.assigneeId ?? user.id, scheduledAt } })
  await tx.assistanceRequest.update({ where: { id: request.id }, data: { status: 'ONSITE' } })
  await logEvent(tx, request.id, user.id, 'escalated', { scheduledAt: scheduledAt.toISOString(), note: note ?? null })
}

async function recordVisitOutcome(tx: Tx, user: Viewer, request: RequestState, visitId: string, outcome: string): Promise<ActionOutcome | void> {
  const updated = await tx.onsiteVisit.updateMany({ where: { id: visitId, requestId: request.id }, data: { outcome, visitedAt: new Date() } })
  if (updated.count === 0) return { ok: false, reason: 'invalid-input', errors: { visitId: 'unknown visit' } }
  await logEvent(tx, request.id, user.id, 'visited', { outcome })
}

/** The expert's conclusion, drafted as a repair case for the library; linked both ways. */
async function draftCase(tx: Tx, user: Viewer & Pick<SessionUser, 'stationId'>, request: RequestState): Promise<ActionOutcome> {
  const full = await tx.assistanceRequest.findUniqueOrThrow({
    where: { id: request.id },
    select: {
      number: true,
      modelId: true,
      ...vehicleAndFaultSelect,
      model: { select: { nameZh: true } },
      messages: { orderBy: { createdAt: 'asc' }, select: { body: true, author: { select: { name: true } } } },
      attachments: { select: { id: true } },
    },
  })
  const diagnosis = [
    full.tried && `已尝试 / Tried: ${full.tried}`,
    full.readings && `数据 / Readings: ${full.readings}`,
    ...full.messages.filter((message) => message.body).map((message) => `${message.author.name}: ${message.body}`),
  ].filter(Boolean) as string[]
  const isChinese = /[\u4e00-\u9fff]/.test(full.symptoms)
  const created = await insertCase(tx, {
    author: user,
    stationId: request.stationId,
    content: {
      title: `${full.model.nameZh} ${full.dtcs.join(' ')} ${full.symptoms.replace(/\s+/g, ' ').slice(0, 60)}`.trim().slice(0, 200),
      modelId: full.modelId,
      year: full.year,
      vin: full.vin,
      mileageKm: full.mileageKm,
      systemCode: full.systemCode,
      dtcs: full.dtcs,
      symptoms: plainTextToDoc(full.symptoms),
      diagnosis: plainTextToDoc(diagnosis.join('\n') || `远程支援 #${full.number}`),
      rootCause: plainTextToDoc(full.cause ?? ''),
      fix: plainTextToDoc(full.fix ?? ''),
      parts: [],
      language: isChinese ? 'zh' : 'en',
    },
  })
  await tx.attachment.updateMany({ where: { id: { in: full.attachments.map((file) => file.id) }, caseId: null }, data: { caseId: created.id } })
  await tx.assistanceRequest.update({ where: { id: request.id }, data: { caseId: created.id } })
  await logEvent(tx, request.id, user.id, 'case-drafted', { caseId: created.id })
  return { ok: true, caseId: created.id }
}

/** One entry point for the request page's buttons (and the API's claim). */
export function performRequestAction({ user, requestId, action, now = new Date() }: { user: Viewer & Pick<SessionUser, 'stationId'>; requestId: string; action: RequestAction; now?: Date }) {
  switch (action.intent) {
    case 'claim':
      return claimRequest({ user, requestId, now })
    case 'transfer':
      return transition(user, requestId, 'transfer', (tx, request) => transferRequest(tx, user, request, action.toExpertId, action.note))
    case 'escalate':
      return transition(user, requestId, 'escalate', (tx, request) =>
        escalateOnsite(tx, user, request, localDateTimeToInstant(action.scheduledAt, action.tzOffset), action.note),
      )
    case 'visit-outcome':
      return transition(user, requestId, 'visit-outcome', (tx, request) => recordVisitOutcome(tx, user, request, action.visitId, action.outcome))
    case 'resolve':
      return transition(user, requestId, 'resolve', async (tx, request) => {
        await tx.assistanceRequest.update({ where: { id: request.id }, data: { status: 'RESOLVED', cause: action.cause, fix: action.fix, resolvedAt: now } })
        await logEvent(tx, request.id, user.id, 'resolved')
      })
    case 'confirm':
      return transition(user, requestId, 'confirm', async (tx, request) => {
        // A request that had to be reopened was not fixed the first time, whatever is ticked now.
        const firstTimeFix = action.firstTimeFix === 'yes' && request.reopenCount === 0
        await tx.assistanceRequest.update({ where: { id: request.id }, data: { status: 'CLOSED', closedAt: now, firstTimeFix } })
        await logEvent(tx, request.id, user.id, 'confirmed', { firstTimeFix })
      })
    case 'reopen':
      return transition(user, requestId, 'reopen', async (tx, request) => {
        await tx.assistanceRequest.update({
          where: { id: request.id },
          data: { status: request.assigneeId ? 'CLAIMED' : 'OPEN', resolvedAt: null, closedAt: null, firstTimeFix: null, reopenCount: { increment: 1 } },
        })
        await logEvent(tx, request.id, user.id, 'reopened', { reason: action.reason })
      })
    case 'draft-case':
      return transition(user, requestId, 'draft-case', async (tx, request) => (request.caseId ? { ok: true, caseId: request.caseId } : draftCase(tx, user, request)))
  }
}
