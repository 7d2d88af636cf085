import type { JSONContent } from '@tiptap/core'
import { richDocToHtml, richDocToText } from '~/editor/rich-text.server'
import { Prisma } from '~/generated/prisma/client'
import type { CaseStatus, Language, Role } from '~/generated/prisma/enums'
import { getDb } from '~/utils/db.server'
import { queryRows } from '~/utils/page-sql.server'
import { notifyUsers } from '~/modules/notifications/notification.server'
import { canEditCase, availableActions, planTransition, PUBLISHED_STATUSES, type CaseAction } from './case-workflow'
import { enqueueCaseIndexing } from '~/utils/search-outbox.server'
import type { SessionUser } from '~/utils/session-user'

export type CasePartInput = { number: string; name: string; qty: number }

/** A case's content after validation: rich text already checked against the editor schema. */
export type CaseContent = {
  title: string
  modelId: string
  year: number
  vin?: string | null
  mileageKm?: number | null
  systemCode: string
  dtcs: string[]
  symptoms: JSONContent
  diagnosis: JSONContent
  rootCause: JSONContent
  fix: JSONContent
  parts: CasePartInput[]
  language: Language
}

type Viewer = Pick<SessionUser, 'id' | 'role' | 'stationId'>

/** What a user may see: published cases, their own and their station's, and the review queue for reviewers. */
export function caseVisibilityWhere(user: Viewer): Prisma.RepairCaseWhereInput {
  if (user.role === 'ADMIN') return {}
  const visible: Prisma.RepairCaseWhereInput[] = [{ status: { in: PUBLISHED_STATUSES } }, { authorId: user.id }]
  if (user.stationId) visible.push({ stationId: user.stationId })
  if (user.role === 'ENGINEER') visible.push({ status: 'SUBMITTED' })
  return { OR: visible }
}

function actorFor(user: Viewer, record: { authorId: string; stationId: string | null }) {
  return {
    role: user.role,
    isAuthor: record.authorId === user.id,
    isStationManager: user.role === 'STATION_MANAGER' && Boolean(user.stationId) && record.stationId === user.stationId,
  }
}

function contentColumns(content: CaseContent) {
  return {
    title: content.title,
    modelId: content.modelId,
    year: content.year,
    vin: content.vin ?? null,
    mileageKm: content.mileageKm ?? null,
    systemCode: content.systemCode,
    dtcs: content.dtcs,
    symptoms: content.symptoms as Prisma.InputJsonValue,
    symptomsText: richDocToText(content.symptoms),
    diagnosis: content.diagnosis as Prisma.InputJsonValue,
    diagnosisText: richDocToText(content.diagnosis),
    rootCause: content.rootCause as Prisma.InputJsonValue,
    rootCauseText: richDocToText(content.rootCause),
    fix: content.fix as Prisma.InputJsonValue,
    fixText: richDocToText(content.fix),
    language: content.language,
  }
}

const partRows = (parts: CasePartInput[]) => parts.map((part, position) => ({ ...part, position }))

/** Attachments uploaded by this user before the case existed are linked to it on save. */
async function linkAttachments(tx: Prisma.TransactionClient, caseId: string, userId: string, attachmentIds: string[]) {
  if (attachmentIds.length === 0) return
  await tx.attachment.updateMany({ where: { id: { in: attachmentIds }, uploaderId: userId, caseId: null }, data: { caseId } })
}

type NewCase = {
  author: Pick<SessionUser, 'id' | 'stationId'>
  content: CaseContent
  status?: CaseStatus
  externalId?: string
  stationId?: string | null
  attachmentIds?: string[]
}

/** Writes a case inside the caller's transaction, for modules that link it to their own rows. */
export async function insertCase(tx: Prisma.TransactionClient, { author, content, status = 'DRAFT', externalId, stationId, attachmentIds = [] }: NewCase) {
  const now = new Date()
  const created = await tx.repairCase.create({
    data: {
      ...contentColumns(content),
      externalId,
      status,
      authorId: author.id,
      stationId: stationId === undefined ? author.stationId : stationId,
      submittedAt: status === 'DRAFT' ? null : now,
      approvedAt: PUBLISHED_STATUSES.includes(status) ? now : null,
      parts: { create: partRows(content.parts) },
    },
    select: { id: true, version: true, status: true },
  })
  await linkAttachments(tx, created.id, author.id, attachmentIds)
  await enqueueCaseIndexing(tx, [created.id])
  return created
}

export function createCase(newCase: NewCase) {
  return getDb().$transaction((tx) => insertCase(tx, newCase))
}

export type UpdateResult =
  | { ok: true; version: number }
  | { ok: false; reason: 'not-found' | 'forbidden' | 'conflict'; currentVersion?: number }

/** Optimistic concurrency: the save names the version it started from; a newer one wins and the save is refused. */
export async function updateCase({
  user,
  caseId,
  expectedVersion,
  content,
  attachmentIds = [],
}: {
  user: Viewer
  caseId: string
  expectedVersion: number
  content: CaseContent
  attachmentIds?: string[]
}): Promise<UpdateResult> {
  return getDb().$transaction(async (tx) => {
    const current = await tx.repairCase.findFirst({
      where: { id: caseId, ...caseVisibilityWhere(user) },
      select: { status: true, version: true, authorId: true, stationId: true },
    })
    if (!current) return { ok: false, reason: 'not-found' }
    if (!canEditCase(current.status, actorFor(user, current))) return { ok: false, reason: 'forbidden' }
    const { count } = await tx.repairCase.updateMany({
      where: { id: caseId, version: expectedVersion },
      data: { ...contentColumns(content), version: { increment: 1 } },
    })
    if (count === 0) return { ok: false, reason: 'conflict', currentVersion: current.version }
    await tx.casePart.deleteMany({ where: { caseId } })
    await tx.casePart.createMany({ data: partRows(content.parts).map((part) => ({ ...part, caseId })) })
    await linkAttachments(tx, caseId, user.id, attachmentIds)
    await enqueueCaseIndexing(tx, [caseId])
    return { ok: true, version: expectedVersion + 1 }
  })
}

export type TransitionOutcome = { ok: true; status: CaseStatus } | { ok: false; reason: 'not-found' | 'forbidden' | 'invalid-state' | 'comment-required' }

export async function transitionCase({
  user,
  caseId,
  action,
  comment,
}: {
  user: Viewer
  caseId: string
  action: CaseAction
  comment?: string
}): Promise<TransitionOutcome> {
  if (action === 'return' && !comment?.trim()) return { ok: false, reason: 'comment-required' }
  const outcome = await getDb().$transaction(async (tx): Promise<Exclude<TransitionOutcome, { ok: true }> | { ok: true; status: CaseStatus; authorId: string }> => {
    const current = await tx.repairCase.findFirst({
      where: { id: caseId, ...caseVisibilityWhere(user) },
      select: { status: true, authorId: true, stationId: true },
    })
    if (!current) return { ok: false, reason: 'not-found' }
    const plan = planTransition(current.status, action, actorFor(user, current))
    if (!plan.ok) return plan
    const now = new Date()
    const { count } = await tx.repairCase.updateMany({
      where: { id: caseId, status: current.status },
      data: {
        status: plan.to,
        version: { increment: 1 },
        ...(action === 'submit' ? { submittedAt: now, reviewComment: null } : {}),
        ...(action === 'approve' ? { approvedAt: now, reviewerId: user.id } : {}),
        ...(action === 'return' ? { reviewComment: comment!.trim(), reviewerId: user.id } : {}),
      },
    })
    if (count === 0) return { ok: false, reason: 'invalid-state' }
    await enqueueCaseIndexing(tx, [caseId])
    return { ok: true, status: plan.to, authorId: current.authorId }
  })
  if (outcome.ok && (action === 'approve' || action === 'return' || action === 'feature') && outcome.authorId !== user.id) {
    const title = await getDb().repairCase.findUnique({ where: { id: caseId }, select: { title: true } })
    await notifyUsers([outcome.authorId], { kind: 'case', title: `${CASE_REVIEW_NOTICE[action]}：${title?.title ?? ''}`, link: `/cases/${caseId}` })
  }
  return outcome.ok ? { ok: true, status: outcome.status } : outcome
}

const CASE_REVIEW_NOTICE = { approve: '案例已通过审核 / Case approved', return: '案例被退回 / Case returned', feature: '案例被评为经典 / Marked classic' } as const

type CaseDetailRow = {
  id: string
  mergedIntoId: string | null
  externalId: string | null
  title: string
  year: number
  vin: string | null
  mileageKm: number | null
  dtcs: string[]
  symptoms: JSONContent
  diagnosis: JSONContent
  rootCause: JSONContent
  fix: JSONContent
  language: Language
  status: CaseStatus
  reviewComment: string | null
  version: number
  viewCount: number
  confirmCount: number
  authorId: string
  stationId: string | null
  createdAt: Date
  updatedAt: Date
  approvedAt: Date | null
  model: { id: string; nameZh: string; nameEn: string }
  system: { code: string; nameZh: string; nameEn: string }
  author: { name: string }
  station: { name: string; code: string } | null
  reviewer: { name: string } | null
  parts: Array<{ number: string; name: string; qty: number }>
  attachments: Array<{ id: string; fileName: string; mimeType: string; sizeBytes: number }>
}

/** caseVisibilityWhere as SQL over the case aliased `c`, for the hot read below (a test keeps the two in step). */
export function caseVisibilitySql(user: Viewer): Prisma.Sql {
  if (user.role === 'ADMIN') return Prisma.sql`TRUE`
  return Prisma.sql`(c.status::text IN (${Prisma.join(PUBLISHED_STATUSES)}) OR c."authorId" = ${user.id}
    ${user.stationId ? Prisma.sql`OR c."stationId" = ${user.stationId}` : Prisma.empty}
    ${user.role === 'ENGINEER' ? Prisma.sql`OR c.status = 'SUBMITTED'` : Prisma.empty})`
}

type CaseComment = { id: string; body: string; createdAt: Date; author: { name: string; role: Role } }
type DiscussionColumns = { comments: Array<Omit<CaseComment, 'createdAt'> & { createdAt: string }>; confirmed: boolean }

/**
 * One case with everything its page shows, in one SQL statement through `pg`, and for the case
 * page its discussion too: the first 200 comments with their authors, and whether the reader has
 * confirmed the fix. Written out rather than as Prisma selects with relations: Prisma 6's client
 * engine compiles every query in WebAssembly on the event loop (~9 ms of CPU per view for the
 * case's select and ~7 ms for the discussion's two queries, against ~1 ms for this).
 */
async function readCase<Extra extends object>(user: Viewer, caseId: string, extraColumns: Prisma.Sql) {
  const [record] = await queryRows<CaseDetailRow & Extra>(Prisma.sql`
    SELECT c.id, c."mergedIntoId", c."externalId", c.title, c.year, c.vin, c."mileageKm", c.dtcs,
      c.symptoms, c.diagnosis, c."rootCause", c.fix, c.language::text AS language, c.status::text AS status,
      c."reviewComment", c.version, c."viewCount", c."confirmCount", c."authorId", c."stationId",
      c."createdAt" AT TIME ZONE 'UTC' AS "createdAt", c."updatedAt" AT TIME ZONE 'UTC' AS "updatedAt",
      c."approvedAt" AT TIME ZONE 'UTC' AS "approvedAt",
      json_build_object('id', m.id, 'nameZh', m."nameZh", 'nameEn', m."nameEn") AS model,
      json_build_object('code', sys.code, 'nameZh', sys."nameZh", 'nameEn', sys."nameEn") AS system,
      json_build_object('name', author.name) AS author,
      CASE WHEN st.id IS NULL THEN NULL ELSE json_build_object('name', st.name, 'code', st.code) END AS station,
      CASE WHEN reviewer.id IS NULL THEN NULL ELSE json_build_object('name', reviewer.name) END AS reviewer,
      coalesce((SELECT json_agg(json_build_object('number', p.number, 'name', p.name, 'qty', p.qty) ORDER BY p.position)
        FROM "CasePart" p WHERE p."caseId" = c.id), '[]') AS parts,
      coalesce((SELECT json_agg(json_build_object('id', f.id, 'fileName', f."fileName", 'mimeType', f."mimeType", 'sizeBytes', f."sizeBytes") ORDER BY f."createdAt", f.id)
        FROM "Attachment" f WHERE f."caseId" = c.id), '[]') AS attachments
      ${extraColumns}
    FROM "RepairCase" c
    JOIN "VehicleModel" m ON m.id = c."modelId"
    JOIN "VehicleSystem" sys ON sys.code = c."systemCode"
    JOIN "User" author ON author.id = c."authorId"
    LEFT JOIN "Station" st ON st.id = c."stationId"
    LEFT JOIN "User" reviewer ON reviewer.id = c."reviewerId"
    WHERE c.id = ${caseId} AND ${caseVisibilitySql(user)}`)
  if (!record) return null
  const actor = actorFor(user, record)
  return {
    ...record,
    canEdit: canEditCase(record.status, actor),
    actions: availableActions(record.status, actor),
  }
}

export function getCase({ user, caseId }: { user: Viewer; caseId: string }) {
  return readCase<object>(user, caseId, Prisma.empty)
}

/** The case page's read: the case and its discussion as the reader sees it. */
export async function getCaseWithDiscussion({ user, caseId }: { user: Viewer; caseId: string }) {
  const record = await readCase<DiscussionColumns>(user, caseId, Prisma.sql`,
      coalesce((SELECT json_agg(json_build_object('id', cc.id, 'body', cc.body, 'createdAt', cc."createdAt", 'author', json_build_object('name', u.name, 'role', u.role)) ORDER BY cc."createdAt", cc.id)
        FROM (SELECT * FROM "CaseComment" WHERE "caseId" = c.id ORDER BY "createdAt", id LIMIT 200) cc JOIN "User" u ON u.id = cc."authorId"), '[]') AS comments,
      EXISTS (SELECT 1 FROM "CaseConfirmation" WHERE "caseId" = c.id AND "userId" = ${user.id}) AS confirmed`)
  if (!record) return null
  const { comments, confirmed, ...rest } = record
  // json_build_object writes a timestamp without its zone: it is UTC.
  const discussion = { comments: comments.map((comment): CaseComment => ({ ...comment, createdAt: new Date(`${comment.createdAt}Z`) })), confirmed }
  return { record: rest, ...discussion }
}

export type CaseDetail = NonNullable<Awaited<ReturnType<typeof getCase>>>

type RenderedRichText = { symptomsHtml: string; diagnosisHtml: string; rootCauseHtml: string; fixHtml: string }
const RENDERED_CACHE_SIZE = 5_000
const renderedCache = new Map<string, RenderedRichText>()

/**
 * A case's four rich-text fields as HTML, rendered once per version: every content change bumps
 * the version, and rendering through the DOM costs more than the rest of the case page.
 * The map keeps insertion order, so it doubles as an LRU (a hit is moved to the end).
 */
function renderedRichText(record: CaseDetail): RenderedRichText {
  const key = `${record.id}:${record.version}`
  const cached = renderedCache.get(key)
  if (cached) {
    renderedCache.delete(key)
    renderedCache.set(key, cached)
    return cached
  }
  const rendered = {
    symptomsHtml: richDocToHtml(record.symptoms),
    diagnosisHtml: richDocToHtml(record.diagnosis),
    rootCauseHtml: richDocToHtml(record.rootCause),
    fixHtml: richDocToHtml(record.fix),
  }
  renderedCache.set(key, rendered)
  if (renderedCache.size > RENDERED_CACHE_SIZE) renderedCache.delete(renderedCache.keys().next().value!)
  return rendered
}

/** The case as the API shows it: the editor documents and the rich text rendered from the schema. */
export function withRenderedHtml(record: CaseDetail) {
  return { ...record, ...renderedRichText(record) }
}

/** The case as the read page shows it: rendered HTML only (the editor documents stay on the server). */
export function forReading(record: CaseDetail) {
  const { symptoms: _symptoms, diagnosis: _diagnosis, rootCause: _rootCause, fix: _fix, ...rest } = record
  return { ...rest, ...renderedRichText(record) }
}

export async function addCaseComment({ user, caseId, body }: { user: Viewer; caseId: string; body: string }) {
  const visible = await getDb().repairCase.findFirst({ where: { id: caseId, ...caseVisibilityWhere(user) }, select: { id: true } })
  if (!visible) return null
  return getDb().caseComment.create({ data: { caseId, authorId: user.id, body }, select: { id: true } })
}

/** "This fixed it for me": once per user, counted on the case (and in search ranking). */
export async function confirmCaseFix({ user, caseId }: { user: Viewer; caseId: string }) {
  return getDb().$transaction(async (tx) => {
    const visible = await tx.repairCase.findFirst({
      where: { id: caseId, status: { in: PUBLISHED_STATUSES }, ...caseVisibilityWhere(user) },
      select: { id: true },
    })
    if (!visible) return { ok: false as const }
    const inserted = await tx.caseConfirmation.createMany({ data: [{ caseId, userId: user.id }], skipDuplicates: true })
    if (inserted.count > 0) {
      await tx.repairCase.update({ where: { id: caseId }, data: { confirmCount: { increment: 1 } }, select: { id: true } })
      await enqueueCaseIndexing(tx, [caseId])
    }
    return { ok: true as const, added: inserted.count > 0 }
  })
}

/**
 * The user's own and station's unpublished cases, newest first. The case library's first page
 * shows them on every visit: one plain statement (see page-sql.server.ts).
 */
export function listWorkInProgress({ user, take = 20 }: { user: Viewer; take?: number }) {
  return queryRows<{ id: string; title: string; status: CaseStatus }>(Prisma.sql`
    SELECT id, title, status::text AS status FROM "RepairCase"
    WHERE status IN ('DRAFT', 'RETURNED', 'SUBMITTED') AND ("authorId" = ${user.id} OR "stationId" = ${user.stationId})
    ORDER BY "updatedAt" DESC LIMIT ${take}`)
}

export function listReviewQueue({ take = 50 }: { take?: number } = {}) {
  return getDb().repairCase.findMany({
    where: { status: 'SUBMITTED' },
    orderBy: { submittedAt: 'asc' },
    take,
    select: {
      id: true,
      title: true,
      submittedAt: true,
      dtcs: true,
      author: { select: { name: true } },
      station: { select: { name: true } },
      model: { select: { nameZh: true, nameEn: true } },
    },
  })
}

/** Titles of the cases linked from elsewhere (chat messages), for the cases this user may see. */
export function listCaseLinks({ user, caseIds }: { user: Viewer; caseIds: string[] }) {
  if (caseIds.length === 0) return Promise.resolve([])
  return getDb().repairCase.findMany({
    where: { id: { in: caseIds.slice(0, 100) }, ...caseVisibilityWhere(user) },
    select: { id: true, title: true, status: true, dtcs: true, model: { select: { nameZh: true, nameEn: true } } },
  })
}

/** Cases written since a date (drafts aside), as fault reports for field-issue detection. */
export async function caseFaultReports({ since }: { since: Date }) {
  const cases = await getDb().repairCase.findMany({
    where: { createdAt: { gte: since }, status: { not: 'DRAFT' } },
    select: { id: true, title: true, modelId: true, systemCode: true, dtcs: true, stationId: true, createdAt: true },
  })
  return cases.map(({ id, title, ...fault }) => ({ ...fault, kind: 'case' as const, id, title, text: title, link: `/cases/${id}` }))
}

/** Per author: approved cases (classic included), classic cases, and "it fixed it for me" from others. */
export async function caseContributions(authorIds?: string[]) {
  const rows = await getDb().$queryRaw<Array<{ userId: string; approved: number; classic: number; confirmations: number }>>`
    SELECT c."authorId" AS "userId",
      count(*) FILTER (WHERE c.status IN ('APPROVED', 'CLASSIC'))::int AS approved,
      count(*) FILTER (WHERE c.status = 'CLASSIC')::int AS classic,
      coalesce(sum((SELECT count(*) FROM "CaseConfirmation" f WHERE f."caseId" = c.id AND f."userId" <> c."authorId")), 0)::int AS confirmations
    FROM "RepairCase" c
    WHERE ${authorIds ? Prisma.sql`c."authorId" = ANY(${authorIds})` : Prisma.sql`true`}
    GROUP BY c."authorId"`
  return rows
}

/** The cases a person wrote, newest first (their member center). */
export function listCasesByAuthor({ authorId, take = 20 }: { authorId: string; take?: number }) {
  return getDb().repairCase.findMany({ where: { authorId }, orderBy: { updatedAt: 'desc' }, take, select: { id: true, title: true, status: true, updatedAt: true } })
}
