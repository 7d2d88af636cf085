import type { JSONContent } from '@tiptap/core'
import { parseRichDoc, plainTextToDoc, richDocToHtml, richDocToText, RichTextError } from '~/editor/rich-text.server'
import { Prisma, type BulletinType } from '~/generated/prisma/client'
import { notifyUsers } from '~/modules/notifications/notification.server'
import { getDb } from '~/utils/db.server'
import { queryRows } from '~/utils/page-sql.server'
import { TtlCache } from '~/utils/ttl-cache.server'
import { enqueueIndexing } from '~/utils/search-outbox.server'
import type { SessionUser } from '~/utils/session-user'
import { applicabilitySql, bulletinsForReaderSql, bulletinsForReaderWhere, filtersWhere, isBulletinEditor, readerOf, type Reader } from './audience.server'
import { audienceUserIds } from './receipts.server'
import type { BulletinFilters, BulletinInput, BulletinTypeName } from './schema'

type Editor = Pick<SessionUser, 'id' | 'role' | 'stationId'>
export type SaveOutcome = { ok: true; id: string } | { ok: false; reason: 'forbidden' | 'not-found' } | { ok: false; reason: 'invalid'; errors: Record<string, string> }

const TYPE_IN_DB: Record<BulletinTypeName, BulletinType> = { tsb: 'TSB', campaign: 'CAMPAIGN', notice: 'NOTICE' }
export const typeName = (type: BulletinType) => type.toLowerCase() as BulletinTypeName

/** Names and codes of the input checked against the catalogue and the station list, one error per field. */
async function resolveReferences(input: BulletinInput) {
  const db = getDb()
  const errors: Record<string, string> = {}
  const models = input.models.length
    ? await db.vehicleModel.findMany({ where: { OR: [{ nameZh: { in: input.models } }, { nameEn: { in: input.models, mode: 'insensitive' } }, { id: { in: input.models } }] }, select: { id: true, nameZh: true, nameEn: true } })
    : []
  input.models.forEach((name, index) => {
    if (!models.some((model) => [model.id, model.nameZh, model.nameEn.toLowerCase()].includes(name.toLowerCase()) || model.nameZh === name)) errors[`models.${index}`] = `unknown model "${name}"`
  })
  const stations = input.audience.stations.length ? await db.station.findMany({ where: { code: { in: input.audience.stations } }, select: { code: true } }) : []
  input.audience.stations.forEach((code, index) => {
    if (!stations.some((station) => station.code === code)) errors[`audience.stations.${index}`] = `unknown station "${code}"`
  })
  const regions = input.audience.regions.length ? await db.station.findMany({ where: { region: { in: input.audience.regions } }, distinct: ['region'], select: { region: true } }) : []
  input.audience.regions.forEach((region, index) => {
    if (!regions.some((found) => found.region === region)) errors[`audience.regions.${index}`] = `no station is in the region "${region}"`
  })
  if (input.supersedes) {
    const earlier = await db.bulletin.findUnique({ where: { id: input.supersedes }, select: { publishedAt: true } })
    if (!earlier?.publishedAt) errors.supersedes = 'only a published bulletin can be superseded'
  }
  let body: JSONContent | null = null
  try {
    body = typeof input.body === 'string' ? plainTextToDoc(input.body) : parseRichDoc(input.body)
    if (!richDocToText(body).trim()) errors.body = 'the bulletin needs a text'
  } catch (error) {
    if (!(error instanceof RichTextError)) throw error
    errors.body = error.message
  }
  return { errors, modelIds: [...new Set(models.map((model) => model.id))], body }
}

/**
 * Creates or updates a bulletin (trainers, engineers, admins; an update by its author or an
 * admin). Publishing sets its date (now, or the one given) and announces it once that has come.
 */
export async function saveBulletin({ user, input, bulletinId }: { user: Editor; input: BulletinInput; bulletinId?: string }): Promise<SaveOutcome> {
  if (!isBulletinEditor(user)) return { ok: false, reason: 'forbidden' }
  const db = getDb()
  let publishedBefore: Date | null = null
  let supersededBefore: string | null = null
  if (bulletinId) {
    const existing = await db.bulletin.findUnique({ where: { id: bulletinId }, select: { authorId: true, publishedAt: true, supersedesId: true } })
    if (!existing) return { ok: false, reason: 'not-found' }
    publishedBefore = existing.publishedAt
    supersededBefore = existing.supersedesId
    if (existing.authorId !== user.id && user.role !== 'ADMIN') return { ok: false, reason: 'forbidden' }
    if (input.supersedes === bulletinId) return { ok: false, reason: 'invalid', errors: { supersedes: 'a bulletin cannot supersede itself' } }
  }
  const { errors, modelIds, body } = await resolveReferences(input)
  if (Object.keys(errors).length > 0 || !body) return { ok: false, reason: 'invalid', errors }

  const data = {
    title: input.title,
    type: TYPE_IN_DB[input.type],
    body: body as Prisma.InputJsonValue,
    bodyHtml: richDocToHtml(body),
    bodyText: richDocToText(body),
    modelIds,
    yearFrom: input.yearFrom ?? null,
    yearTo: input.yearTo ?? null,
    vinFrom: input.vinFrom ?? null,
    vinTo: input.vinTo ?? null,
    systems: input.systems,
    dtcs: input.dtcs,
    audienceRoles: input.audience.roles,
    audienceRegions: input.audience.regions,
    audienceStations: input.audience.stations,
    requiresAck: input.requiresAck,
    expiresAt: input.expiresAt ?? null,
    supersedesId: input.supersedes ?? null,
    // Saving a published bulletin keeps its date unless a new one is given.
    ...(input.publish ? { publishedAt: input.publishAt ?? publishedBefore ?? new Date() } : {}),
  }
  const id = await db.$transaction(async (tx) => {
    const saved = bulletinId ? await tx.bulletin.update({ where: { id: bulletinId }, data, select: { id: true } }) : await tx.bulletin.create({ data: { ...data, authorId: user.id }, select: { id: true } })
    if (input.attachmentIds.length > 0) {
      await tx.attachment.updateMany({ where: { id: { in: input.attachmentIds }, uploaderId: user.id, bulletinId: null, caseId: null, assistanceRequestId: null }, data: { bulletinId: saved.id } })
    }
    // The bulletins it replaces (now and before this edit) show or hide with it in search.
    await enqueueIndexing(tx, 'bulletin', [saved.id, input.supersedes, supersededBefore])
    return saved.id
  })
  vehicleBulletinCache.clear()
  if (input.publish) await announceDueBulletins()
  return { ok: true, id }
}

/**
 * Notifies the readers of every bulletin whose publication date has come and who were not yet
 * told; each bulletin exactly once, whichever node gets there first.
 */
export async function announceDueBulletins(now = new Date()) {
  const db = getDb()
  const due = await db.bulletin.findMany({ where: { publishedAt: { lte: now }, notifiedAt: null }, select: { id: true, title: true, type: true, number: true } })
  let notified = 0
  for (const bulletin of due) {
    const claimed = await db.bulletin.updateMany({ where: { id: bulletin.id, notifiedAt: null }, data: { notifiedAt: now } })
    if (claimed.count === 0) continue
    notified += await notifyUsers(
      await audienceUserIds(bulletin.id),
      { kind: 'bulletin', title: `No.${bulletin.number} ${bulletin.title}`, link: `/bulletins/${bulletin.id}` },
    )
  }
  return notified
}

const listSelect = {
  id: true,
  number: true,
  title: true,
  type: true,
  publishedAt: true,
  expiresAt: true,
  requiresAck: true,
} satisfies Prisma.BulletinSelect

/** The reader's bulletins matching the filters, unread first, then newest. */
export async function listBulletinsForReader({ user, filters = {}, limit = 200 }: { user: Editor; filters?: BulletinFilters; limit?: number }) {
  const reader = await readerOf(user)
  const where: Prisma.BulletinWhereInput = { AND: [bulletinsForReaderWhere(reader), await filtersWhere(filters)] }
  const bulletins = await getDb().bulletin.findMany({
    where,
    select: { ...listSelect, reads: { where: { userId: user.id }, select: { readAt: true, acknowledgedAt: true } } },
    orderBy: { publishedAt: 'desc' },
    take: limit,
  })
  const items = bulletins.map(({ reads: [read], ...bulletin }) => ({
    ...bulletin,
    type: typeName(bulletin.type),
    read: Boolean(read),
    acknowledged: Boolean(read?.acknowledgedAt),
  }))
  // Unread first, then those still waiting for an acknowledgement, then the rest; newest first within each.
  const rank = (item: (typeof items)[number]) => (!item.read ? 0 : item.requiresAck && !item.acknowledged ? 1 : 2)
  return items.sort((a, b) => rank(a) - rank(b))
}

/** What the reader has not read yet (the list's badge). */
export async function countUnreadBulletins(user: Editor) {
  const reader = await readerOf(user)
  return getDb().bulletin.count({ where: { AND: [bulletinsForReaderWhere(reader), { reads: { none: { userId: user.id } } }] } })
}

/** Drafts and everything published, for those who write bulletins. */
export function listAllBulletins() {
  return getDb().bulletin.findMany({ select: { ...listSelect, author: { select: { name: true } } }, orderBy: [{ publishedAt: { sort: 'desc', nulls: 'first' } }, { createdAt: 'desc' }], take: 200 })
}

async function readableBulletin(user: Editor, bulletinId: string, reader?: Reader) {
  const where: Prisma.BulletinWhereInput = isBulletinEditor(user) ? { id: bulletinId } : { AND: [{ id: bulletinId }, bulletinsForReaderWhere(reader ?? (await readerOf(user)))] }
  return getDb().bulletin.findFirst({
    where,
    select: {
      ...listSelect,
      bodyHtml: true,
      body: true,
      modelIds: true,
      yearFrom: true,
      yearTo: true,
      vinFrom: true,
      vinTo: true,
      systems: true,
      dtcs: true,
      audienceRoles: true,
      audienceRegions: true,
      audienceStations: true,
      authorId: true,
      author: { select: { name: true } },
      supersedes: { select: { id: true, number: true, title: true } },
      supersededBy: { select: { id: true, number: true, title: true, publishedAt: true } },
      attachments: { select: { id: true, fileName: true, mimeType: true, sizeBytes: true }, orderBy: { createdAt: 'asc' } },
    },
  })
}

/** A bulletin for its page; opening it counts as reading it (for those it is addressed to). */
export async function openBulletin({ user, bulletinId }: { user: Editor; bulletinId: string }) {
  const reader = await readerOf(user)
  const bulletin = await readableBulletin(user, bulletinId, reader)
  if (!bulletin) return null
  const addressed = bulletin.publishedAt && (await getDb().bulletin.count({ where: { AND: [{ id: bulletinId }, bulletinsForReaderWhere(reader)] } })) > 0
  const read = addressed
    ? await getDb().bulletinRead.upsert({ where: { bulletinId_userId: { bulletinId, userId: user.id } }, create: { bulletinId, userId: user.id }, update: {}, select: { acknowledgedAt: true } })
    : null
  const [models, systemNames] = await Promise.all([
    bulletin.modelIds.length ? getDb().vehicleModel.findMany({ where: { id: { in: bulletin.modelIds } }, select: { id: true, nameZh: true, nameEn: true } }) : [],
    bulletin.systems.length ? getDb().vehicleSystem.findMany({ where: { code: { in: bulletin.systems } }, select: { code: true, nameZh: true, nameEn: true } }) : [],
  ])
  return { ...bulletin, type: typeName(bulletin.type), models, systemNames, addressed: Boolean(addressed), acknowledgedAt: read?.acknowledgedAt ?? null }
}

/** "Read and understood": idempotent, the first time is kept. False when the bulletin is not the reader's. */
export async function acknowledgeBulletin({ user, bulletinId }: { user: Editor; bulletinId: string }) {
  const reader = await readerOf(user)
  const addressed = await getDb().bulletin.count({ where: { AND: [{ id: bulletinId }, bulletinsForReaderWhere(reader)] } })
  if (addressed === 0) return false
  await getDb().$executeRaw`
    INSERT INTO "BulletinRead" ("bulletinId", "userId", "readAt", "acknowledgedAt") VALUES (${bulletinId}, ${user.id}, now(), now())
    ON CONFLICT ("bulletinId", "userId") DO UPDATE SET "acknowledgedAt" = COALESCE("BulletinRead"."acknowledgedAt", now())`
  return true
}

/**
 * Every case and request page asks for its vehicle's bulletins, and the query (audience,
 * applicability, supersession) is costly to compile and run: answers are shared for 30 s by
 * readers of the same audience and vehicle. A bulletin saved on this node clears them at once;
 * scheduled publishing, expiry and other nodes' saves show within the 30 s.
 */
const vehicleBulletinCache = new TtlCache<Awaited<ReturnType<typeof queryBulletinsForVehicle>>>({ ttlMs: 30_000, maxEntries: 20_000 })

type Vehicle = { modelId: string; year?: number | null; vin?: string | null; systemCode?: string | null; dtcs: string[] }

/** Bulletins of the reader that apply to a vehicle and its fault codes (shown on cases and requests). */
export async function bulletinsForVehicle({ user, ...vehicle }: { user: Editor } & Vehicle) {
  const reader = await readerOf(user)
  const key = JSON.stringify([reader.role, reader.stationCode, reader.region, vehicle.modelId, vehicle.year, vehicle.vin, vehicle.systemCode, [...vehicle.dtcs].sort()])
  return vehicleBulletinCache.get(key, () => queryBulletinsForVehicle(reader, vehicle))
}

/**
 * In SQL through `pg`: on a miss of the cache above (every vehicle, once per 30 s and audience),
 * Prisma's compilation of this query cost ~1.7 ms of CPU, the case page's largest cost while its
 * cache fills.
 */
async function queryBulletinsForVehicle(reader: Reader, { modelId, year, vin, systemCode, dtcs }: Vehicle) {
  const bulletins = await queryRows<{ id: string; number: number; title: string; type: BulletinType; publishedAt: Date | null; expiresAt: Date | null; requiresAck: boolean }>(Prisma.sql`
    SELECT b.id, b.number, b.title, b.type::text AS type, b."publishedAt" AT TIME ZONE 'UTC' AS "publishedAt",
      b."expiresAt" AT TIME ZONE 'UTC' AS "expiresAt", b."requiresAck"
    FROM "Bulletin" b
    WHERE ${bulletinsForReaderSql(reader)}
      AND ${applicabilitySql({ modelId, year: year ?? undefined, vin: vin ?? undefined, system: systemCode ?? undefined })}
      -- About this fault, or about this vehicle in general (a campaign); news for everyone is not shown here.
      AND (b.dtcs && ${dtcs}::text[] OR (cardinality(b.dtcs) = 0 AND NOT (cardinality(b."modelIds") = 0 AND cardinality(b.systems) = 0)))
    ORDER BY b."publishedAt" DESC LIMIT 10`)
  return bulletins.map((bulletin) => ({ ...bulletin, type: typeName(bulletin.type) }))
}

/** A bulletin's number and title for its receipts, to those who write bulletins. */
export function bulletinHeading({ user, bulletinId }: { user: Editor; bulletinId: string }) {
  if (!isBulletinEditor(user)) return null
  return getDb().bulletin.findUnique({ where: { id: bulletinId }, select: { id: true, number: true, title: true, requiresAck: true } })
}

/** The reader's bulletins whose title, text or DTCs hold every word (the search without Meilisearch). */
export async function findBulletinsByWords({ user, words, take }: { user: Editor; words: string[]; take: number }) {
  const visible = isBulletinEditor(user) ? { publishedAt: { lte: new Date() } } : bulletinsForReaderWhere(await readerOf(user))
  return getDb().bulletin.findMany({
    where: {
      AND: [
        visible,
        ...words.map((word) => ({
          OR: [{ title: { contains: word, mode: 'insensitive' as const } }, { bodyText: { contains: word, mode: 'insensitive' as const } }, { dtcs: { has: word.toUpperCase() } }],
        })),
      ],
    },
    select: { id: true, number: true, title: true, type: true, bodyText: true, dtcs: true, requiresAck: true, publishedAt: true },
    orderBy: { publishedAt: 'desc' },
    take,
  })
}
