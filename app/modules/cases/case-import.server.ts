import crypto from 'node:crypto'
import { convertRichFields, toRichDoc } from '~/editor/rich-text.server'
import type { CaseStatus } from '~/generated/prisma/enums'
import { caseImportSchema, type CaseImportInput } from './schema'
import { fieldErrors } from '~/utils/validation'
import { getBulkSql } from '~/utils/bulk-sql.server'
import { getDb } from '~/utils/db.server'
import { resolveVehicleModel, type ModelResolution } from '~/modules/catalogue/catalogue.server'
import type { CaseContent } from './case.server'
import { isPublished, toCaseDocument, type CaseDocument } from '../../../search/case-document'

export type PreparedCase = {
  externalId?: string
  content: CaseContent
  /** The plain text of the rich-text fields, for search. */
  texts: Record<RichField, string>
  status: CaseStatus
  stationId: string | null
}

export type PrepareResult = { ok: true; prepared: PreparedCase } | { ok: false; errors: Record<string, string> }

/** Caches catalogue look-ups for the length of one import run or API call. */
export class ImportContext {
  readonly models = new Map<string, Promise<ModelResolution>>()
  readonly stations = new Map<string, Promise<string | null>>()
  readonly createdModels = new Set<string>()

  constructor(readonly defaultStatus: CaseStatus, readonly defaultStationId: string | null) {}

  resolveModel(input: CaseImportInput) {
    const key = [input.model, input.modelZh, input.modelEn].join('|').toLowerCase()
    let pending = this.models.get(key)
    if (!pending) {
      pending = resolveVehicleModel({ name: input.model, nameZh: input.modelZh, nameEn: input.modelEn, year: input.year })
      this.models.set(key, pending)
    }
    return pending.then((model) => {
      if (model.created) this.createdModels.add(model.name)
      return model
    })
  }

  resolveStation(code: string) {
    let pending = this.stations.get(code)
    if (!pending) {
      pending = getDb().station.findUnique({ where: { code }, select: { id: true } }).then((station) => station?.id ?? null)
      this.stations.set(code, pending)
    }
    return pending
  }
}

const RICH_FIELDS = ['symptoms', 'diagnosis', 'rootCause', 'fix'] as const
type RichField = (typeof RICH_FIELDS)[number]
const STATUS_BY_NAME = { draft: 'DRAFT', submitted: 'SUBMITTED', approved: 'APPROVED', classic: 'CLASSIC' } as const

/** Validates one import line or API body and converts its text to editor documents. Writes nothing except catalogue entries. */
export async function prepareCase(raw: unknown, context: ImportContext): Promise<PrepareResult> {
  const parsed = caseImportSchema.safeParse(raw)
  if (!parsed.success) return { ok: false, errors: fieldErrors(parsed.error) }
  const input = parsed.data

  const { docs, texts, errors } = convertRichFields(RICH_FIELDS, (field) => toRichDoc(input[field]))
  let stationId = context.defaultStationId
  if (input.stationCode) {
    stationId = await context.resolveStation(input.stationCode)
    if (!stationId) errors.stationCode = `unknown station code ${input.stationCode}`
  }
  if (Object.keys(errors).length > 0) return { ok: false, errors }

  const model = await context.resolveModel(input)
  return {
    ok: true,
    prepared: {
      externalId: input.externalId,
      stationId,
      status: input.status ? STATUS_BY_NAME[input.status] : context.defaultStatus,
      content: {
        title: input.title,
        modelId: model.id,
        year: input.year,
        vin: input.vin ?? null,
        mileageKm: input.mileageKm ?? null,
        systemCode: input.system,
        dtcs: input.dtcs,
        ...docs,
        parts: input.parts,
        language: input.language,
      },
      texts,
    },
  }
}

/** One row of the batch statement below; `key` pairs each input row with the row PostgreSQL wrote. */
function caseRecord(prepared: PreparedCase) {
  const { content, status } = prepared
  const id = crypto.randomUUID()
  return {
    key: prepared.externalId ? `x:${prepared.externalId}` : `i:${id}`,
    id,
    externalId: prepared.externalId ?? null,
    title: content.title,
    modelId: content.modelId,
    year: content.year,
    vin: content.vin ?? null,
    mileageKm: content.mileageKm ?? null,
    systemCode: content.systemCode,
    dtcs: content.dtcs,
    symptoms: content.symptoms,
    symptomsText: prepared.texts.symptoms,
    diagnosis: content.diagnosis,
    diagnosisText: prepared.texts.diagnosis,
    rootCause: content.rootCause,
    rootCauseText: prepared.texts.rootCause,
    fix: content.fix,
    fixText: prepared.texts.fix,
    language: content.language,
    status,
    stationId: prepared.stationId,
    parts: content.parts,
  }
}

type CaseRecord = ReturnType<typeof caseRecord>
type WrittenRow = {
  key: string
  id: string
  created: boolean
  confirmCount: number
  approvedAt: Date | null
  mergedIntoId: string | null
  modelZh: string
  modelEn: string
  outboxId: string
}

/**
 * The whole batch in one statement, so it is atomic without a transaction and costs one round
 * trip; the rows travel as one JSON parameter through plain `pg` (see getBulkSql). New
 * externalIds are inserted, known ones updated in place with their parts replaced, and each
 * written case gets its outbox row. Data-modifying CTEs all see the snapshot from before the
 * statement, so deleting a case's old parts and inserting its new ones do not interfere.
 */
async function upsertCases(records: CaseRecord[], authorId: string) {
  const { rows } = await getBulkSql().query<WrittenRow>(
    `
    with input as (
      select * from jsonb_to_recordset($1::jsonb) as r(
        "key" text, "id" text, "externalId" text, "title" text, "modelId" text, "year" int, "vin" text, "mileageKm" int,
        "systemCode" text, "dtcs" text[], "symptoms" jsonb, "symptomsText" text, "diagnosis" jsonb, "diagnosisText" text,
        "rootCause" jsonb, "rootCauseText" text, "fix" jsonb, "fixText" text, "language" "Language", "status" "CaseStatus",
        "stationId" text, "parts" jsonb)
    ),
    written as (
      insert into "RepairCase" as c ("id", "externalId", "title", "modelId", "year", "vin", "mileageKm", "systemCode", "dtcs",
        "symptoms", "symptomsText", "diagnosis", "diagnosisText", "rootCause", "rootCauseText", "fix", "fixText",
        "language", "status", "authorId", "stationId", "submittedAt", "approvedAt", "updatedAt")
      select "id", "externalId", "title", "modelId", "year", "vin", "mileageKm", "systemCode", "dtcs",
        "symptoms", "symptomsText", "diagnosis", "diagnosisText", "rootCause", "rootCauseText", "fix", "fixText",
        "language", "status", $2, "stationId",
        case when "status" = 'DRAFT' then null else now() end,
        case when "status" in ('APPROVED', 'CLASSIC') then now() else null end,
        now()
      from input
      on conflict ("externalId") do update set
        "title" = excluded."title", "modelId" = excluded."modelId", "year" = excluded."year", "vin" = excluded."vin",
        "mileageKm" = excluded."mileageKm", "systemCode" = excluded."systemCode", "dtcs" = excluded."dtcs",
        "symptoms" = excluded."symptoms", "symptomsText" = excluded."symptomsText",
        "diagnosis" = excluded."diagnosis", "diagnosisText" = excluded."diagnosisText",
        "rootCause" = excluded."rootCause", "rootCauseText" = excluded."rootCauseText",
        "fix" = excluded."fix", "fixText" = excluded."fixText", "language" = excluded."language", "status" = excluded."status",
        "stationId" = coalesce(excluded."stationId", c."stationId"),
        "submittedAt" = coalesce(c."submittedAt", excluded."submittedAt"),
        "approvedAt" = coalesce(c."approvedAt", excluded."approvedAt"),
        "version" = c."version" + 1, "updatedAt" = now()
      returning c."id", coalesce('x:' || c."externalId", 'i:' || c."id") as "key", (c.xmax = 0) as "created",
        c."confirmCount", c."approvedAt" at time zone 'UTC' as "approvedAt", c."modelId", c."mergedIntoId"
    ),
    old_parts as (
      delete from "CasePart" p using written w where p."caseId" = w."id" and not w."created"
    ),
    new_parts as (
      insert into "CasePart" ("id", "caseId", "position", "number", "name", "qty")
      select gen_random_uuid()::text, w."id", part."position" - 1, part."number", part."name", part."qty"
      from input i
      join written w on w."key" = i."key"
      cross join lateral rows from (jsonb_to_recordset(i."parts") as ("number" text, "name" text, "qty" int))
        with ordinality as part("number", "name", "qty", "position")
    ),
    outbox as (
      insert into "SearchOutbox" ("entity", "entityId") select 'case', "id" from written returning "id", "entityId"
    )
    select w."key", w."id", w."created", w."confirmCount", w."approvedAt", w."mergedIntoId", m."nameZh" as "modelZh", m."nameEn" as "modelEn",
      o."id" as "outboxId"
    from written w
    join outbox o on o."entityId" = w."id"
    join "VehicleModel" m on m."id" = w."modelId"`,
    [JSON.stringify(records), authorId],
  )
  return rows
}

/** The search document of a case just written, from what was written: no second read of the rows. */
function documentOf(record: CaseRecord, written: WrittenRow): CaseDocument | null {
  if (!isPublished({ status: record.status, mergedIntoId: written.mergedIntoId })) return null
  return toCaseDocument({
    ...record,
    mergedIntoId: written.mergedIntoId,
    id: written.id,
    confirmCount: written.confirmCount,
    approvedAt: written.approvedAt,
    model: { id: record.modelId, nameZh: written.modelZh, nameEn: written.modelEn },
  })
}

export type WrittenCase = {
  id: string
  created: boolean
  outboxId: string
  /** What the search index should hold for it; null when it is not published (remove it from the index). */
  document: CaseDocument | null
}

/**
 * Writes prepared cases in one statement. Re-importing an externalId updates that case
 * (idempotent); within one call the last line with an externalId wins. Each written case gets
 * one outbox row, so it reaches the index even if the caller never sends the document.
 */
export async function writePreparedCases(prepared: PreparedCase[], authorId: string): Promise<WrittenCase[]> {
  if (prepared.length === 0) return []
  const records = prepared.map(caseRecord)
  const lastByKey = new Map(records.map((record) => [record.key, record]))
  const written = new Map((await upsertCases([...lastByKey.values()], authorId)).map((row) => [row.key, row]))
  return records.map((record) => {
    const row = written.get(record.key)!
    return { id: row.id, created: row.created, outboxId: row.outboxId, document: documentOf(lastByKey.get(record.key)!, row) }
  })
}

export type ImportLineResult =
  | { lineNo: number; ok: true; id: string; created: boolean }
  | { lineNo: number; ok: false; errors: Record<string, string> }

export type ImportLine = { lineNo: number; raw: unknown }
export type PreparedLines = { rejected: ImportLineResult[]; ready: Array<{ lineNo: number; prepared: PreparedCase }> }

/** Validates a batch of parsed lines; writes nothing except catalogue entries. */
export async function prepareCaseLines(lines: ImportLine[], context: ImportContext): Promise<PreparedLines> {
  const rejected: ImportLineResult[] = []
  const ready: PreparedLines['ready'] = []
  for (const line of lines) {
    const outcome = await prepareCase(line.raw, context)
    if (outcome.ok) ready.push({ lineNo: line.lineNo, prepared: outcome.prepared })
    else rejected.push({ lineNo: line.lineNo, ok: false, errors: outcome.errors })
  }
  return { rejected, ready }
}

/**
 * Writes the valid lines of a batch; a line whose write fails is reported and the rest still
 * land. Returns each line's outcome and what was written, for the search index.
 */
export async function writeCaseLines({ rejected, ready }: PreparedLines, authorId: string) {
  const results: ImportLineResult[] = [...rejected]
  const written: WrittenCase[] = []
  try {
    written.push(...(await writePreparedCases(ready.map((item) => item.prepared), authorId)))
    ready.forEach((item, index) => results.push({ lineNo: item.lineNo, ok: true, id: written[index].id, created: written[index].created }))
  } catch {
    // One bad row fails the whole statement: write line by line to find it and keep the rest.
    for (const item of ready) {
      try {
        const [one] = await writePreparedCases([item.prepared], authorId)
        written.push(one)
        results.push({ lineNo: item.lineNo, ok: true, id: one.id, created: one.created })
      } catch (error) {
        results.push({ lineNo: item.lineNo, ok: false, errors: { _line: (error as Error).message.split('\n').slice(-1)[0] } })
      }
    }
  }
  return { results: results.sort((a, b) => a.lineNo - b.lineNo), written }
}

/** Imports a batch of parsed lines; a line that fails validation or its write is reported and the rest still land. */
export async function importCaseBatch(lines: ImportLine[], context: ImportContext, authorId: string) {
  return (await writeCaseLines(await prepareCaseLines(lines, context), authorId)).results
}

/** What the search index must do for written cases; a case written twice in a batch counts once. */
export function indexChangeOf(written: WrittenCase[]) {
  const unique = new Map(written.map((item) => [item.outboxId, item]))
  const documents: CaseDocument[] = []
  const deletedIds: string[] = []
  for (const item of unique.values()) {
    if (item.document) documents.push(item.document)
    else deletedIds.push(item.id)
  }
  return { documents, deletedIds, outboxIds: [...unique.keys()] }
}

const IMPORT_USER_EMAIL = 'legacy-import@gtac.invalid'

/** Cases from the old system have no author here; they belong to this sign-in-less account. */
export async function getImportAuthorId() {
  const user = await getDb().user.upsert({
    where: { email: IMPORT_USER_EMAIL },
    update: {},
    create: { email: IMPORT_USER_EMAIL, name: 'Legacy import / 历史导入', passwordHash: '!', role: 'TECHNICIAN' },
    select: { id: true },
  })
  return user.id
}
