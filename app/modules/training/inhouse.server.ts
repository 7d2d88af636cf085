import type { Prisma } from '~/generated/prisma/client'
import { deleteAttachment } from '~/modules/files/attachment.server'
import { notifyUsers } from '~/modules/notifications/notification.server'
import { getDb } from '~/utils/db.server'
import type { SessionUser } from '~/utils/session-user'
import { canManageTraining } from './access'
import { summariseCompliance } from './compliance'
import type { Outcome } from './manage.server'
import type { PlanInput, SessionInput } from './schema'

type Caller = Pick<SessionUser, 'id' | 'role' | 'stationId'>

const isStationManager = (user: Caller): user is Caller & { stationId: string } => user.role === 'STATION_MANAGER' && Boolean(user.stationId)

/** Trainers and admins see every station's report; a station manager his own station's. */
export function reportVisibleWhere(user: Caller): Prisma.StationTrainingReportWhereInput {
  if (canManageTraining(user)) return {}
  if (isStationManager(user)) return { stationId: user.stationId, plan: { publishedAt: { not: null } } }
  return { id: { in: [] } }
}

/** Session photos: seen with the report, and by those who attended the session. */
export function sessionPhotoVisibleWhere(user: Caller): Prisma.AttachmentWhereInput {
  // Spelled out for trainers: an empty nested filter (`report: {}`) matches nothing here.
  if (canManageTraining(user)) return { trainingSessionId: { not: null } }
  return { trainingSession: { OR: [{ report: reportVisibleWhere(user) }, { attendees: { some: { userId: user.id } } }] } }
}

const planVisibleWhere = (user: Caller): Prisma.TrainingPlanWhereInput => (canManageTraining(user) ? {} : { publishedAt: { not: null } })

// ---------------------------------------------------------------------------------------------
// Plans

export async function listPlans({ user }: { user: Caller }) {
  const plans = await getDb().trainingPlan.findMany({
    where: planVisibleWhere(user),
    orderBy: { month: 'desc' },
    select: {
      id: true,
      month: true,
      title: true,
      publishedAt: true,
      examPaper: { select: { id: true, title: true } },
      reports: { where: reportVisibleWhere(user), select: { id: true, stationId: true, status: true, _count: { select: { sessions: true } } } },
    },
  })
  return plans.map(({ reports, ...plan }) => ({
    ...plan,
    submitted: reports.filter((report) => report.status === 'SUBMITTED').length,
    mine: isStationManager(user) ? (reports.find((report) => report.stationId === user.stationId) ?? null) : null,
  }))
}

/**
 * A plan as its reader sees it: trainers every station's report, a station manager his own,
 * and anyone at a station the sessions of it that they attended.
 */
export async function getPlan({ user, planId }: { user: Caller; planId: string }) {
  const db = getDb()
  const plan = await db.trainingPlan.findFirst({
    where: { id: planId, ...planVisibleWhere(user) },
    select: {
      id: true,
      month: true,
      title: true,
      content: true,
      publishedAt: true,
      examPaperId: true,
      examPaper: { select: { id: true, title: true } },
      reports: {
        where: reportVisibleWhere(user),
        orderBy: { station: { code: 'asc' } },
        select: { id: true, status: true, submittedAt: true, returnNote: true, station: { select: { id: true, code: true, name: true, region: true } }, _count: { select: { sessions: true } } },
      },
    },
  })
  if (!plan) return null
  const attended = await db.trainingSession.findMany({
    where: { report: { planId }, attendees: { some: { userId: user.id } } },
    orderBy: { heldOn: 'asc' },
    select: { id: true, heldOn: true, topic: true, trainerName: true, photos: { select: { id: true, fileName: true } } },
  })
  return { plan, attended, canManage: canManageTraining(user), canReport: isStationManager(user) && Boolean(plan.publishedAt) }
}

/** The published exams a plan may name as its follow-up (read here: exams depends on training, not the other way). */
export const listFollowUpExams = () => getDb().examPaper.findMany({ where: { publishedAt: { not: null } }, orderBy: { title: 'asc' }, select: { id: true, title: true } })

async function planErrors(input: PlanInput, planId?: string) {
  const db = getDb()
  const errors: Record<string, string> = {}
  const sameMonth = await db.trainingPlan.findUnique({ where: { month: input.month }, select: { id: true } })
  if (sameMonth && sameMonth.id !== planId) errors.month = 'invalid.monthTaken'
  if (input.examPaperId && !(await db.examPaper.findFirst({ where: { id: input.examPaperId, publishedAt: { not: null } }, select: { id: true } }))) errors.examPaperId = 'invalid.examPaper'
  return errors
}

export async function savePlan({ user, input, planId }: { user: Caller; input: PlanInput; planId?: string }): Promise<Outcome> {
  if (!canManageTraining(user)) return { ok: false, reason: 'forbidden' }
  const db = getDb()
  const existing = planId ? await db.trainingPlan.findUnique({ where: { id: planId }, select: { month: true, _count: { select: { reports: true } } } }) : null
  if (planId && !existing) return { ok: false, reason: 'not-found' }
  const errors = await planErrors(input, planId)
  // Stations' reports belong to the month they were written for.
  if (existing && existing.month !== input.month && existing._count.reports > 0) errors.month = 'invalid.monthLocked'
  if (Object.keys(errors).length > 0) return { ok: false, reason: 'invalid', errors }
  const data = { month: input.month, title: input.title, content: input.content, examPaperId: input.examPaperId ?? null }
  try {
    if (!planId) return { ok: true, ...(await db.trainingPlan.create({ data: { ...data, createdById: user.id }, select: { id: true } })) }
    await db.trainingPlan.update({ where: { id: planId }, data, select: { id: true } })
    return { ok: true, id: planId }
  } catch (error) {
    // Two trainers creating the same month at once: the unique index decides.
    if ((error as { code?: string }).code === 'P2002') return { ok: false, reason: 'invalid', errors: { month: 'invalid.monthTaken' } }
    throw error
  }
}

/** Publishing shows the plan to the stations and tells every station manager. */
export async function publishPlan({ user, planId, now = new Date() }: { user: Caller; planId: string; now?: Date }): Promise<Outcome<{ id: string; notified: number }>> {
  if (!canManageTraining(user)) return { ok: false, reason: 'forbidden' }
  const db = getDb()
  const published = await db.trainingPlan.updateMany({ where: { id: planId, publishedAt: null }, data: { publishedAt: now } })
  if (published.count === 0) {
    const exists = await db.trainingPlan.count({ where: { id: planId } })
    return exists ? { ok: true, id: planId, notified: 0 } : { ok: false, reason: 'not-found' }
  }
  const plan = await db.trainingPlan.findUniqueOrThrow({ where: { id: planId }, select: { month: true, title: true } })
  const managers = await db.user.findMany({ where: { role: 'STATION_MANAGER', stationId: { not: null } }, select: { id: true } })
  const notified = await notifyUsers(managers.map((manager) => manager.id), { kind: 'training', title: `${plan.month} ${plan.title}`, link: `/training/plans/${planId}` })
  return { ok: true, id: planId, notified }
}

/**
 * Withdrawing a published plan hides it from the stations again (a wrong month or content caught
 * after publishing); refused once a station has opened its report, which belongs to that plan.
 */
export async function unpublishPlan({ user, planId }: { user: Caller; planId: string }): Promise<Outcome> {
  if (!canManageTraining(user)) return { ok: false, reason: 'forbidden' }
  const db = getDb()
  const withdrawn = await db.trainingPlan.updateMany({ where: { id: planId, publishedAt: { not: null }, reports: { none: {} } }, data: { publishedAt: null } })
  if (withdrawn.count === 1) return { ok: true, id: planId }
  const plan = await db.trainingPlan.findUnique({ where: { id: planId }, select: { publishedAt: true } })
  if (!plan) return { ok: false, reason: 'not-found' }
  return plan.publishedAt ? { ok: false, reason: 'invalid', errors: { _form: 'invalid.planHasReports' } } : { ok: true, id: planId }
}

// ---------------------------------------------------------------------------------------------
// Station reports

/** A station manager's report for a published plan, made on first use. */
export async function openReport({ user, planId }: { user: Caller; planId: string }): Promise<Outcome> {
  if (!isStationManager(user)) return { ok: false, reason: 'forbidden' }
  const db = getDb()
  const plan = await db.trainingPlan.findFirst({ where: { id: planId, publishedAt: { not: null } }, select: { id: true } })
  if (!plan) return { ok: false, reason: 'not-found' }
  const report = await db.stationTrainingReport.upsert({
    where: { planId_stationId: { planId, stationId: user.stationId } },
    create: { planId, stationId: user.stationId },
    update: {},
    select: { id: true },
  })
  return { ok: true, id: report.id }
}

export async function getReport({ user, reportId }: { user: Caller; reportId: string }) {
  const db = getDb()
  const report = await db.stationTrainingReport.findFirst({
    where: { id: reportId, ...reportVisibleWhere(user) },
    select: {
      id: true,
      status: true,
      submittedAt: true,
      submittedBy: { select: { name: true } },
      returnNote: true,
      returnedAt: true,
      plan: { select: { id: true, month: true, title: true, content: true, examPaper: { select: { id: true, title: true } } } },
      station: { select: { id: true, code: true, name: true, region: true } },
      sessions: {
        orderBy: [{ heldOn: 'asc' }, { createdAt: 'asc' }],
        select: {
          id: true,
          heldOn: true,
          topic: true,
          trainerName: true,
          notes: true,
          attendees: { orderBy: { user: { name: 'asc' } }, select: { user: { select: { id: true, name: true } } } },
          photos: { orderBy: { createdAt: 'asc' }, select: { id: true, fileName: true } },
        },
      },
    },
  })
  if (!report) return null
  const canEdit = report.status === 'DRAFT' && isStationManager(user) && user.stationId === report.station.id
  const staff = canEdit ? await db.user.findMany({ where: { stationId: report.station.id }, orderBy: { name: 'asc' }, select: { id: true, name: true, role: true } }) : []
  return { report, staff, canEdit, canReturn: report.status === 'SUBMITTED' && canManageTraining(user) }
}

/** The report when this user may change it now: his station's, not yet submitted. */
async function editableReport(user: Caller, reportId: string, db: Prisma.TransactionClient = getDb()) {
  if (!isStationManager(user)) return null
  return db.stationTrainingReport.findFirst({ where: { id: reportId, stationId: user.stationId, status: 'DRAFT' }, select: { id: true, stationId: true, plan: { select: { month: true } } } })
}

async function forbiddenOrMissing(user: Caller, reportId: string): Promise<Outcome<never>> {
  const visible = await getDb().stationTrainingReport.findFirst({ where: { id: reportId, ...reportVisibleWhere(user) }, select: { status: true } })
  if (!visible) return { ok: false, reason: 'not-found' }
  if (visible.status === 'SUBMITTED' && isStationManager(user)) return { ok: false, reason: 'invalid', errors: { _form: 'invalid.submitted' } }
  return { ok: false, reason: 'forbidden' }
}

/**
 * Logs a session: its date within the plan's month, attendees from the report's station, and the
 * photos this user just uploaded. All or nothing; photos of a refused session are removed.
 */
export async function addSession({ user, reportId, input, photoIds = [] }: { user: Caller; reportId: string; input: SessionInput; photoIds?: string[] }): Promise<Outcome> {
  const refuse = async (outcome: Outcome) => {
    for (const photoId of photoIds) await deleteAttachment(photoId)
    return outcome
  }
  const db = getDb()
  const report = await editableReport(user, reportId)
  if (!report) return refuse(await forbiddenOrMissing(user, reportId))
  const errors: Record<string, string> = {}
  if (!input.heldOn.startsWith(`${report.plan.month}-`) || Number.isNaN(Date.parse(`${input.heldOn}T00:00:00Z`))) errors.heldOn = 'invalid.heldOnMonth'
  const attendees = [...new Set(input.attendees)]
  const staff = await db.user.count({ where: { id: { in: attendees }, stationId: report.stationId } })
  if (staff !== attendees.length) errors.attendees = 'invalid.attendeeStation'
  if (Object.keys(errors).length > 0) return refuse({ ok: false, reason: 'invalid', errors })
  try {
    const session = await db.$transaction(async (tx) => {
      // Submitted meanwhile (another tab): nothing is written.
      if (!(await editableReport(user, reportId, tx))) throw new ReportClosedError()
      const created = await tx.trainingSession.create({
        data: { reportId, heldOn: new Date(`${input.heldOn}T00:00:00Z`), topic: input.topic, trainerName: input.trainerName, notes: input.notes ?? null, createdById: user.id, attendees: { create: attendees.map((userId) => ({ userId })) } },
        select: { id: true },
      })
      if (photoIds.length > 0) {
        const linked = await tx.attachment.updateMany({
          where: { id: { in: photoIds }, uploaderId: user.id, trainingSessionId: null, caseId: null, bulletinId: null, lessonId: null, inspectionId: null, assistanceRequestId: null, assistanceMessageId: null, mimeType: { in: [...SESSION_PHOTO_TYPES] } },
          data: { trainingSessionId: created.id },
        })
        if (linked.count !== photoIds.length) throw new PhotoNotOwnError()
      }
      return created
    })
    return { ok: true, id: session.id }
  } catch (error) {
    if (error instanceof ReportClosedError) return refuse({ ok: false, reason: 'invalid', errors: { _form: 'invalid.submitted' } })
    if (error instanceof PhotoNotOwnError) return refuse({ ok: false, reason: 'invalid', errors: { photos: 'invalid.photoType' } })
    throw error
  }
}

class ReportClosedError extends Error {}
class PhotoNotOwnError extends Error {}

/** Session photos: the file's bytes must be one of these (the browser's claim is not trusted). */
export const SESSION_PHOTO_TYPES = ['image/jpeg', 'image/png', 'image/webp'] as const
export const SESSION_PHOTO_MAX_BYTES = 8 * 1024 * 1024
export const SESSION_PHOTO_MAX_COUNT = 6

export async function deleteSession({ user, reportId, sessionId }: { user: Caller; reportId: string; sessionId: string }): Promise<Outcome> {
  const db = getDb()
  if (!(await editableReport(user, reportId))) return forbiddenOrMissing(user, reportId)
  const session = await db.trainingSession.findFirst({ where: { id: sessionId, reportId }, select: { photos: { select: { id: true } } } })
  if (!session) return { ok: false, reason: 'not-found' }
  await db.trainingSession.delete({ where: { id: sessionId } })
  for (const photo of session.photos) await deleteAttachment(photo.id)
  return { ok: true, id: sessionId }
}

/** Submitting closes the report: read-only until a trainer returns it. */
export async function submitReport({ user, reportId, now = new Date() }: { user: Caller; reportId: string; now?: Date }): Promise<Outcome> {
  const report = await editableReport(user, reportId)
  if (!report) return forbiddenOrMissing(user, reportId)
  const updated = await getDb().stationTrainingReport.updateMany({
    where: { id: reportId, status: 'DRAFT', sessions: { some: {} } },
    data: { status: 'SUBMITTED', submittedAt: now, submittedById: user.id, returnNote: null },
  })
  return updated.count === 1 ? { ok: true, id: reportId } : { ok: false, reason: 'invalid', errors: { _form: 'invalid.noSessions' } }
}

/** A trainer sends a submitted report back; the station's managers are told why. */
export async function returnReport({ user, reportId, note, now = new Date() }: { user: Caller; reportId: string; note: string; now?: Date }): Promise<Outcome> {
  if (!canManageTraining(user)) return { ok: false, reason: 'forbidden' }
  const db = getDb()
  const updated = await db.stationTrainingReport.updateMany({ where: { id: reportId, status: 'SUBMITTED' }, data: { status: 'DRAFT', returnNote: note, returnedAt: now, returnedById: user.id } })
  if (updated.count === 0) return (await db.stationTrainingReport.count({ where: { id: reportId } })) ? { ok: false, reason: 'invalid', errors: { _form: 'invalid.notSubmitted' } } : { ok: false, reason: 'not-found' }
  const report = await db.stationTrainingReport.findUniqueOrThrow({ where: { id: reportId }, select: { stationId: true, plan: { select: { month: true, title: true } } } })
  const managers = await db.user.findMany({ where: { role: 'STATION_MANAGER', stationId: report.stationId }, select: { id: true } })
  await notifyUsers(managers.map((manager) => manager.id), { kind: 'training', title: `${report.plan.month} ${report.plan.title}`, link: `/training/reports/${reportId}` })
  return { ok: true, id: reportId }
}

// ---------------------------------------------------------------------------------------------
// Compliance

/** Every station's month against the four-sessions rule, by station and by region (trainers and admins). */
export async function complianceForMonth({ user, month }: { user: Caller; month: string }) {
  if (!canManageTraining(user)) return null
  const db = getDb()
  const [plan, stations] = await Promise.all([
    db.trainingPlan.findUnique({ where: { month }, select: { id: true, title: true, publishedAt: true, reports: { select: { id: true, stationId: true, status: true, _count: { select: { sessions: true } } } } } }),
    db.station.findMany({ orderBy: [{ region: 'asc' }, { code: 'asc' }], select: { id: true, code: true, name: true, region: true } }),
  ])
  const reports = new Map((plan?.reports ?? []).map((report) => [report.stationId, report]))
  const summary = summariseCompliance(
    stations.map((station) => {
      const report = reports.get(station.id)
      return { stationId: station.id, code: station.code, name: station.name, region: station.region, reportId: report?.id ?? null, sessions: report?._count.sessions ?? 0, submitted: report?.status === 'SUBMITTED' }
    }),
  )
  return { plan: plan ? { id: plan.id, title: plan.title, published: Boolean(plan.publishedAt) } : null, ...summary }
}
