import type { Prisma } from '~/generated/prisma/client'
import { notifyUsers } from '~/modules/notifications/notification.server'
import { getDb } from '~/utils/db.server'
import { publish } from '~/utils/realtime.server'
import type { SessionUser } from '~/utils/session-user'
import { fieldErrors } from '~/utils/validation'
import { INSPECTION_EVENTS, inspectionRoom } from './rooms'
import type { InspectionAction } from './schema'
import { scheduleSchema, templateInputSchema, type TemplateInput } from './schema'
import { scoreInspection, type Outcome } from './scoring'
import { nextActionStatus, photoStillMissing, verifyNeedsSnapshot, type ActionSide } from './workflow'

type Caller = Pick<SessionUser, 'id' | 'role' | 'stationId'>

/** Who runs inspections: the engineers (the regional managers' role here) and admins. */
export const mayInspect = (user: Pick<SessionUser, 'role'>) => user.role === 'ENGINEER' || user.role === 'ADMIN'
const STATION_ROLES = ['TECHNICIAN', 'STATION_MANAGER'] as const
export const isStationStaff = (user: Caller): user is Caller & { stationId: string } =>
  (STATION_ROLES as readonly string[]).includes(user.role) && Boolean(user.stationId)

/** Which inspections a user sees: an admin all, an inspector those they run, a station its own. */
export function inspectionVisibilityWhere(user: Caller): Prisma.InspectionWhereInput {
  if (user.role === 'ADMIN') return {}
  if (user.role === 'ENGINEER') return { inspectorId: user.id }
  if (isStationStaff(user)) return { stationId: user.stationId }
  return { id: { in: [] } }
}

/** For the file route: evidence and proof are readable by whoever sees their inspection. */
export const inspectionAttachmentWhere = (user: Caller): Prisma.AttachmentWhereInput => ({ inspection: inspectionVisibilityWhere(user) })

function sideOf(user: Caller, inspection: { inspectorId: string; stationId: string }): ActionSide | null {
  if (inspection.inspectorId === user.id || user.role === 'ADMIN') return 'inspector'
  if (isStationStaff(user) && user.stationId === inspection.stationId) return 'station'
  return null
}

// ---------------------------------------------------------------------------------------------
// Templates

/** Writes a checklist as a new version of its key; inspections made before keep the old one. */
export async function publishTemplateVersion(raw: TemplateInput) {
  const input = templateInputSchema.parse(raw)
  return getDb().$transaction(async (db) => {
    // Two editors publishing at once take turns, so each gets its own version number.
    await db.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`checklist:${input.key}`}))`
    const latest = await db.checklistTemplate.findFirst({ where: { key: input.key }, orderBy: { version: 'desc' }, select: { version: true } })
    return db.checklistTemplate.create({
      data: {
        key: input.key,
        version: (latest?.version ?? 0) + 1,
        nameZh: input.nameZh,
        nameEn: input.nameEn,
        sections: {
          create: input.sections.map((section, sectionIndex) => ({
            position: sectionIndex + 1,
            titleZh: section.titleZh,
            titleEn: section.titleEn,
            items: { create: section.items.map((item, itemIndex) => ({ position: itemIndex + 1, ...item })) },
          })),
        },
      },
      select: { id: true, key: true, version: true },
    })
  })
}

/** The newest version of each checklist, with its size, for the schedule form. */
export async function listCurrentTemplates() {
  const templates = await getDb().checklistTemplate.findMany({
    orderBy: [{ key: 'asc' }, { version: 'desc' }],
    distinct: ['key'],
    select: { id: true, key: true, version: true, nameZh: true, nameEn: true, sections: { select: { _count: { select: { items: true } } } } },
  })
  return templates.map(({ sections, ...template }) => ({ ...template, sections: sections.length, items: sections.reduce((sum, section) => sum + section._count.items, 0) }))
}

// ---------------------------------------------------------------------------------------------
// Scheduling and lists

export type ScheduleOutcome = { ok: true; id: string } | { ok: false; reason: 'forbidden' } | { ok: false; reason: 'invalid-input'; errors: Record<string, string> }

export async function scheduleInspection({ user, input }: { user: SessionUser; input: unknown }): Promise<ScheduleOutcome> {
  if (!mayInspect(user)) return { ok: false, reason: 'forbidden' }
  const parsed = scheduleSchema.safeParse(input)
  if (!parsed.success) return { ok: false, reason: 'invalid-input', errors: fieldErrors(parsed.error) }
  const { stationId, templateId, scheduledAt } = parsed.data
  const db = getDb()
  const [station, template] = await Promise.all([
    db.station.findUnique({ where: { id: stationId }, select: { id: true, name: true } }),
    db.checklistTemplate.findUnique({ where: { id: templateId }, select: { id: true, nameZh: true, nameEn: true } }),
  ])
  const errors: Record<string, string> = {}
  if (!station) errors.stationId = 'choose a station'
  if (!template) errors.templateId = 'choose a checklist'
  if (scheduledAt.getTime() < Date.now() - 60 * 60 * 1000) errors.scheduledAt = 'choose a time from now on'
  if (!station || !template || errors.scheduledAt) return { ok: false, reason: 'invalid-input', errors }
  const inspection = await db.inspection.create({
    data: { stationId, templateId, inspectorId: user.id, scheduledAt },
    select: { id: true, number: true },
  })
  const managers = await db.user.findMany({ where: { stationId, role: 'STATION_MANAGER' }, select: { id: true } })
  const when = scheduledAt.toISOString().slice(0, 16).replace('T', ' ')
  await notifyUsers([user.id, ...managers.map((manager) => manager.id)], {
    kind: 'inspection',
    title: `远程巡检 #${inspection.number}：${template.nameZh} · ${station.name} · ${when} UTC / Inspection #${inspection.number}: ${template.nameEn}`,
    link: `/inspections/${inspection.id}`,
  })
  return { ok: true, id: inspection.id }
}

/** What a checklist's checkpoint says and weighs, as the inspection page and the editor read it. */
export const checkpointFields = { textZh: true, textEn: true, guidanceZh: true, guidanceEn: true, weight: true, requiresPhoto: true } as const

export const INSPECTION_PAGE_SIZE = 30

const inspectionRowSelect = {
  id: true,
  number: true,
  scheduledAt: true,
  status: true,
  score: true,
  station: { select: { id: true, name: true, code: true } },
  inspector: { select: { id: true, name: true } },
  template: { select: { nameZh: true, nameEn: true, version: true } },
  _count: { select: { actions: { where: { status: { not: 'VERIFIED' } } } } },
} as const satisfies Prisma.InspectionSelect

/** One page of the inspections the caller sees, latest scheduled first. */
export async function listInspections({ user, page = 1 }: { user: Caller; page?: number }) {
  const db = getDb()
  const where = inspectionVisibilityWhere(user)
  const [rows, total] = await Promise.all([
    db.inspection.findMany({ where, orderBy: [{ scheduledAt: 'desc' }, { id: 'desc' }], skip: (page - 1) * INSPECTION_PAGE_SIZE, take: INSPECTION_PAGE_SIZE, select: inspectionRowSelect }),
    db.inspection.count({ where }),
  ])
  return { rows, total, page, pages: Math.max(1, Math.ceil(total / INSPECTION_PAGE_SIZE)) }
}

export function listStationsToInspect() {
  return getDb().station.findMany({ orderBy: { code: 'asc' }, select: { id: true, code: true, name: true, region: true } })
}

// ---------------------------------------------------------------------------------------------
// One inspection

export async function getInspection({ user, inspectionId }: { user: Caller; inspectionId: string }) {
  const db = getDb()
  const inspection = await db.inspection.findFirst({
    where: { id: inspectionId, ...inspectionVisibilityWhere(user) },
    select: {
      id: true,
      number: true,
      status: true,
      scheduledAt: true,
      startedAt: true,
      finishedAt: true,
      score: true,
      inspectorSignature: true,
      inspectorSignedAt: true,
      stationSignature: true,
      stationSignedAt: true,
      stationId: true,
      inspectorId: true,
      station: { select: { id: true, name: true, code: true, region: true } },
      inspector: { select: { id: true, name: true } },
      template: {
        select: {
          id: true,
          key: true,
          version: true,
          nameZh: true,
          nameEn: true,
          sections: {
            orderBy: { position: 'asc' },
            select: {
              id: true,
              position: true,
              titleZh: true,
              titleEn: true,
              items: {
                orderBy: { position: 'asc' },
                select: { id: true, position: true, ...checkpointFields },
              },
            },
          },
        },
      },
      results: { select: { itemId: true, outcome: true, note: true, evidenceIds: true } },
      attachments: { select: { id: true, fileName: true, mimeType: true, annotations: true } },
      actions: {
        orderBy: { createdAt: 'asc' },
        select: {
          id: true,
          itemId: true,
          status: true,
          dueAt: true,
          requiredProof: true,
          proofNote: true,
          proofIds: true,
          proofAt: true,
          verifiedAt: true,
          reviewNote: true,
          owner: { select: { id: true, name: true } },
        },
      },
    },
  })
  if (!inspection) return null
  const side = sideOf(user, inspection)
  const staff = side === 'inspector' ? await db.user.findMany({ where: { stationId: inspection.stationId, role: { in: [...STATION_ROLES] } }, orderBy: { name: 'asc' }, select: { id: true, name: true, role: true } }) : []
  const outcomes = new Map(inspection.results.map((result) => [result.itemId, result.outcome as Outcome]))
  const score = scoreInspection(inspection.template.sections, outcomes)
  const results = new Map(inspection.results.map((result) => [result.itemId, result]))
  const photosMissing = inspection.template.sections.flatMap((section) => section.items).filter((item) => photoStillMissing(item, results.get(item.id))).length
  return { ...inspection, side, staff, liveScore: score, photosMissing, canSignForStation: side === 'station' && user.role === 'STATION_MANAGER' }
}

// ---------------------------------------------------------------------------------------------
// What happens during and after an inspection

export type ActionOutcome =
  | { ok: true }
  | { ok: false; reason: 'not-found' | 'forbidden' | 'invalid-state' }
  | { ok: false; reason: 'invalid-input'; errors: Record<string, string> }

const invalid = (errors: Record<string, string>): ActionOutcome => ({ ok: false, reason: 'invalid-input', errors })
const forbidden: ActionOutcome = { ok: false, reason: 'forbidden' }
const invalidState: ActionOutcome = { ok: false, reason: 'invalid-state' }

/**
 * Files the caller uploaded (or that are already the inspection's) become the inspection's, so
 * both sides may open them; anything else is refused.
 */
async function claimFiles(db: Prisma.TransactionClient, user: Caller, inspectionId: string, ids: string[]) {
  if (ids.length === 0) return true
  const { count } = await db.attachment.updateMany({
    where: { id: { in: ids }, OR: [{ uploaderId: user.id, caseId: null, assistanceRequestId: null, assistanceMessageId: null, bulletinId: null }, { inspectionId }] },
    data: { inspectionId },
  })
  return count === new Set(ids).size
}

export async function attachInspectionFile({ user, inspectionId, attachmentId }: { user: Caller; inspectionId: string; attachmentId: string }) {
  const inspection = await getDb().inspection.findFirst({ where: { id: inspectionId, ...inspectionVisibilityWhere(user) }, select: { inspectorId: true, stationId: true } })
  if (!inspection || !sideOf(user, inspection)) return false
  return claimFiles(getDb(), user, inspectionId, [attachmentId])
}

const changed = (inspectionId: string) => publish(inspectionRoom(inspectionId), INSPECTION_EVENTS.changed, { id: inspectionId })

export async function performInspectionAction({ user, inspectionId, action }: { user: Caller; inspectionId: string; action: InspectionAction }): Promise<ActionOutcome> {
  const db = getDb()
  const inspection = await db.inspection.findFirst({
    where: { id: inspectionId, ...inspectionVisibilityWhere(user) },
    select: { id: true, number: true, status: true, inspectorId: true, stationId: true, templateId: true, inspectorSignedAt: true, stationSignedAt: true },
  })
  if (!inspection) return { ok: false, reason: 'not-found' }
  const side = sideOf(user, inspection)
  if (!side) return forbidden
  const outcome = await perform(user, side, inspection, action)
  if (outcome.ok) changed(inspectionId)
  return outcome
}

type Loaded = { id: string; number: number; status: string; inspectorId: string; stationId: string; templateId: string; inspectorSignedAt: Date | null; stationSignedAt: Date | null }

const itemOf = (templateId: string, itemId: string) =>
  getDb().checklistItem.findFirst({ where: { id: itemId, section: { templateId } }, select: { id: true, textZh: true, textEn: true } })

async function perform(user: Caller, side: ActionSide, inspection: Loaded, action: InspectionAction): Promise<ActionOutcome> {
  const db = getDb()
  switch (action.intent) {
    case 'start': {
      if (side !== 'inspector') return forbidden
      const { count } = await db.inspection.updateMany({ where: { id: inspection.id, status: 'SCHEDULED' }, data: { status: 'IN_PROGRESS', startedAt: new Date() } })
      return count === 1 ? { ok: true } : invalidState
    }
    case 'score': {
      if (side !== 'inspector') return forbidden
      if (inspection.status !== 'IN_PROGRESS') return invalidState
      if (!(await itemOf(inspection.templateId, action.itemId))) return invalid({ itemId: 'choose an item' })
      await db.inspectionResult.upsert({
        where: { inspectionId_itemId: { inspectionId: inspection.id, itemId: action.itemId } },
        create: { inspectionId: inspection.id, itemId: action.itemId, outcome: action.outcome, note: action.note, scoredById: user.id },
        update: { outcome: action.outcome, note: action.note, scoredById: user.id },
      })
      return { ok: true }
    }
    case 'note': {
      if (side !== 'inspector') return forbidden
      if (inspection.status !== 'IN_PROGRESS') return invalidState
      const { count } = await db.inspectionResult.updateMany({ where: { inspectionId: inspection.id, itemId: action.itemId }, data: { note: action.note } })
      return count === 1 ? { ok: true } : invalid({ itemId: 'score the item first' })
    }
    case 'evidence': {
      if (inspection.status !== 'IN_PROGRESS') return invalidState
      return db.$transaction(async (tx) => {
        const result = await tx.inspectionResult.findUnique({ where: { inspectionId_itemId: { inspectionId: inspection.id, itemId: action.itemId } }, select: { id: true } })
        if (!result) return invalid({ itemId: 'score the item first' })
        if (!(await claimFiles(tx, user, inspection.id, [action.attachmentId]))) return invalid({ attachmentId: 'a file is required' })
        await tx.inspectionResult.update({ where: { id: result.id }, data: { evidenceIds: { push: action.attachmentId } } })
        return { ok: true } as const
      })
    }
    case 'sign':
      return sign(user, side, inspection, action.signature)
    case 'raise-action': {
      if (side !== 'inspector') return forbidden
      if (inspection.status === 'SCHEDULED') return invalidState
      const result = await db.inspectionResult.findUnique({ where: { inspectionId_itemId: { inspectionId: inspection.id, itemId: action.itemId } }, select: { outcome: true } })
      if (result?.outcome !== 'FAIL') return invalid({ itemId: 'only a failed item becomes an action' })
      const owner = await db.user.findFirst({ where: { id: action.ownerId, stationId: inspection.stationId, role: { in: [...STATION_ROLES] } }, select: { id: true } })
      if (!owner) return invalid({ ownerId: 'choose an owner at the station' })
      if (action.dueAt.getTime() < Date.now() - 24 * 60 * 60 * 1000) return invalid({ dueAt: 'the due date is in the future' })
      const existing = await db.correctiveAction.findUnique({ where: { inspectionId_itemId: { inspectionId: inspection.id, itemId: action.itemId } }, select: { id: true } })
      if (existing) return invalid({ itemId: 'this item already has an action' })
      await db.correctiveAction.create({
        data: { inspectionId: inspection.id, itemId: action.itemId, ownerId: owner.id, dueAt: action.dueAt, requiredProof: action.requiredProof },
      })
      await notifyUsers([owner.id], {
        kind: 'inspection',
        title: `巡检 #${inspection.number} 整改项：${action.requiredProof} / Corrective action of inspection #${inspection.number}`,
        link: `/inspections/${inspection.id}`,
      })
      return { ok: true }
    }
    case 'submit-proof':
    case 'verify':
    case 'reopen':
      return stepAction(user, side, inspection, action)
  }
}

async function sign(user: Caller, side: ActionSide, inspection: Loaded, signature: string): Promise<ActionOutcome> {
  if (side === 'station' && user.role !== 'STATION_MANAGER') return forbidden
  if (inspection.status !== 'IN_PROGRESS') return invalidState
  const db = getDb()
  return db.$transaction(async (tx) => {
    const [items, results, photosMissing] = await Promise.all([
      tx.checklistItem.count({ where: { section: { templateId: inspection.templateId } } }),
      tx.inspectionResult.count({ where: { inspectionId: inspection.id } }),
      tx.inspectionResult.count({ where: { inspectionId: inspection.id, outcome: { not: 'NA' }, evidenceIds: { isEmpty: true }, item: { requiresPhoto: true } } }),
    ])
    if (results < items) return invalid({ signature: 'score every item before signing' })
    if (photosMissing > 0) return invalid({ signature: 'every item that needs a photo has one before signing' })
    const now = new Date()
    const data = side === 'inspector' ? { inspectorSignature: signature, inspectorSignedAt: now } : { stationSignature: signature, stationSignedAt: now, stationSignerId: user.id }
    const signed = await tx.inspection.updateMany({
      where: { id: inspection.id, status: 'IN_PROGRESS', ...(side === 'inspector' ? { inspectorSignedAt: null } : { stationSignedAt: null }) },
      data,
    })
    if (signed.count !== 1) return invalidState
    // Both signatures: the inspection is over and its score is kept.
    const both = await tx.inspection.findUnique({ where: { id: inspection.id }, select: { inspectorSignedAt: true, stationSignedAt: true } })
    if (both?.inspectorSignedAt && both.stationSignedAt) {
      const full = await tx.checklistSection.findMany({ where: { templateId: inspection.templateId }, select: { id: true, items: { select: { id: true, weight: true } } } })
      const outcomes = await tx.inspectionResult.findMany({ where: { inspectionId: inspection.id }, select: { itemId: true, outcome: true } })
      const score = scoreInspection(full, new Map(outcomes.map((result) => [result.itemId, result.outcome as Outcome])))
      await tx.inspection.update({ where: { id: inspection.id }, data: { status: 'FINISHED', finishedAt: now, score: score.total } })
    }
    return { ok: true } as const
  })
}

async function stepAction(
  user: Caller,
  side: ActionSide,
  inspection: Loaded,
  action: Extract<InspectionAction, { intent: 'submit-proof' | 'verify' | 'reopen' }>,
): Promise<ActionOutcome> {
  const db = getDb()
  const current = await db.correctiveAction.findFirst({
    where: { id: action.actionId, inspectionId: inspection.id },
    select: { id: true, status: true, ownerId: true, requiredProof: true },
  })
  if (!current) return { ok: false, reason: 'not-found' }
  if (action.intent === 'submit-proof' && side === 'station' && current.ownerId !== user.id && user.role !== 'STATION_MANAGER') return forbidden
  const next = nextActionStatus(current.status, action.intent, side)
  if (!next) return side === (action.intent === 'submit-proof' ? 'station' : 'inspector') ? invalidState : forbidden
  const proofIds = action.intent === 'reopen' ? [] : action.proofIds
  if (action.intent === 'verify' && verifyNeedsSnapshot(current.status) && proofIds.length === 0) return invalid({ proofIds: 'take a fresh snapshot to verify during the call' })
  const now = new Date()
  const outcome = await db.$transaction(async (tx) => {
    if (!(await claimFiles(tx, user, inspection.id, proofIds))) return invalid({ proofIds: 'a file is required' })
    const data: Prisma.CorrectiveActionUpdateManyMutationInput =
      action.intent === 'submit-proof'
        ? { status: next, proofNote: action.note, proofIds: { push: proofIds }, proofAt: now }
        : action.intent === 'verify'
          ? { status: next, verifiedAt: now, reviewNote: action.note, ...(proofIds.length > 0 ? { proofIds: { push: proofIds }, proofAt: now } : {}) }
          : { status: next, reviewNote: action.note }
    const { count } = await tx.correctiveAction.updateMany({ where: { id: current.id, status: current.status }, data })
    return count === 1 ? ({ ok: true } as const) : invalidState
  })
  if (!outcome.ok) return outcome
  const to = action.intent === 'submit-proof' ? [inspection.inspectorId] : [current.ownerId]
  const what = { 'submit-proof': ['已提交整改证明', 'proof submitted'], verify: ['整改已验证', 'verified'], reopen: ['整改被退回', 'reopened'] }[action.intent]
  await notifyUsers(to, {
    kind: 'inspection',
    title: `巡检 #${inspection.number} ${what[0]}：${current.requiredProof} / Inspection #${inspection.number}: ${what[1]}`,
    link: `/inspections/${inspection.id}`,
  })
  return outcome
}

/**
 * Overdue actions (past due and not verified) are escalated once: their owner, the station's
 * managers and the inspector are told. Returns how many actions were escalated.
 */
export async function escalateOverdueActions(now = new Date()) {
  const db = getDb()
  const overdue = await db.correctiveAction.findMany({
    where: { dueAt: { lt: now }, status: { not: 'VERIFIED' }, escalatedAt: null },
    select: { id: true, ownerId: true, requiredProof: true, inspection: { select: { id: true, number: true, inspectorId: true, stationId: true } } },
    take: 500,
  })
  let escalated = 0
  for (const action of overdue) {
    const { count } = await db.correctiveAction.updateMany({ where: { id: action.id, escalatedAt: null }, data: { escalatedAt: now } })
    if (count !== 1) continue
    escalated += 1
    const managers = await db.user.findMany({ where: { stationId: action.inspection.stationId, role: 'STATION_MANAGER' }, select: { id: true } })
    await notifyUsers([action.ownerId, action.inspection.inspectorId, ...managers.map((manager) => manager.id)], {
      kind: 'inspection',
      title: `巡检 #${action.inspection.number} 整改项已逾期：${action.requiredProof} / Overdue corrective action of inspection #${action.inspection.number}`,
      link: `/inspections/${action.inspection.id}`,
    })
  }
  return escalated
}

export type InspectionView = NonNullable<Awaited<ReturnType<typeof getInspection>>>
