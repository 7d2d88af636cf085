import crypto from 'node:crypto'
import { convertRichFields, richDocToText, toRichDoc } from '~/editor/rich-text.server'
import type { Prisma } from '~/generated/prisma/client'
import type { CaseStatus } from '~/generated/prisma/enums'
import { caseImportSchema, type CaseImportInput } from './schema'
import { fieldErrors } from '~/utils/validation'
import { getDb } from '~/utils/db.server'
import { resolveVehicleModel, type ModelResolution } from '~/modules/catalogue/catalogue.server'
import type { CaseContent, CasePartInput } from './case.server'
import { enqueueCaseIndexing } from '~/utils/search-outbox.server'

export type PreparedCase = {
  externalId?: string
  content: CaseContent
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
const STATUS_BY_NAME = { draft: 'DRAFT', submitted: 'SUBMITTED', approved: 'APPROVED', classic: 'CLASSIC' } as const

/** Validates one import line or API body and converts its text to editor documents. Writes nothing except catalogue entries. */
export async function prepareCase(raw: unknown, context: ImportContext): Promise<PrepareResult> {
  const parsed = caseImportSchema.safeParse(raw)
  if (!parsed.success) return { ok: false, errors: fieldErrors(parsed.error) }
  const input = parsed.data

  const { docs, errors } = convertRichFields(RICH_FIELDS, (field) => toRichDoc(input[field]))
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
    },
  }
}

function caseColumns(prepared: PreparedCase) {
  const { content, status } = prepared
  return {
    externalId: prepared.externalId ?? null,
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
    status,
    stationId: prepared.stationId,
  }
}

type CaseRow = ReturnType<typeof caseColumns> & { id: string }

/**
 * One INSERT … SELECT FROM unnest(…) … ON CONFLICT for a whole batch: new externalIds are
 * inserted, known ones updated in place. Prisma's createMany/update compile every row in its
 * query engine, which made them the slowest step of a large import.
 */
async function upsertCases(tx: Prisma.TransactionClient, rows: CaseRow[], authorId: string) {
  const column = <K extends keyof CaseRow>(key: K) => rows.map((row) => row[key])
  const json = (key: 'symptoms' | 'diagnosis' | 'rootCause' | 'fix') => rows.map((row) => JSON.stringify(row[key]))
  return tx.$queryRaw<Array<{ id: string; externalId: string | null; created: boolean }>>`
    insert into "RepairCase" as c ("id", "externalId", "title", "modelId", "year", "vin", "mileageKm", "systemCode", "dtcs",
      "symptoms", "symptomsText", "diagnosis", "diagnosisText", "rootCause", "rootCauseText", "fix", "fixText",
      "language", "status", "authorId", "stationId", "submittedAt", "approvedAt", "updatedAt")
    select r.id, r.external_id, r.title, r.model_id, r.year, r.vin, r.mileage_km, r.system_code,
      array(select jsonb_array_elements_text(r.dtcs::jsonb)),
      r.symptoms::jsonb, r.symptoms_text, r.diagnosis::jsonb, r.diagnosis_text, r.root_cause::jsonb, r.root_cause_text,
      r.fix::jsonb, r.fix_text, r.language::"Language", r.status::"CaseStatus", ${authorId}, r.station_id,
      case when r.status = 'DRAFT' then null else now() end,
      case when r.status in ('APPROVED', 'CLASSIC') then now() else null end,
      now()
    from unnest(
      ${column('id')}::text[], ${column('externalId')}::text[], ${column('title')}::text[], ${column('modelId')}::text[],
      ${column('year')}::int[], ${column('vin')}::text[], ${column('mileageKm')}::int[], ${column('systemCode')}::text[],
      ${rows.map((row) => JSON.stringify(row.dtcs))}::text[],
      ${json('symptoms')}::text[], ${column('symptomsText')}::text[], ${json('diagnosis')}::text[], ${column('diagnosisText')}::text[],
      ${json('rootCause')}::text[], ${column('rootCauseText')}::text[], ${json('fix')}::text[], ${column('fixText')}::text[],
      ${column('language')}::text[], ${column('status')}::text[], ${column('stationId')}::text[]
    ) as r(id, external_id, title, model_id, year, vin, mileage_km, system_code, dtcs, symptoms, symptoms_text, diagnosis,
      diagnosis_text, root_cause, root_cause_text, fix, fix_text, language, status, station_id)
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
    returning c."id", c."externalId", (xmax = 0) as created`
}

async function insertParts(tx: Prisma.TransactionClient, parts: Array<CasePartInput & { caseId: string; position: number }>) {
  if (parts.length === 0) return
  await tx.$executeRaw`
    insert into "CasePart" ("id", "caseId", "position", "number", "name", "qty")
    select gen_random_uuid()::text, p.case_id, p.position, p.number, p.name, p.qty
    from unnest(${parts.map((part) => part.caseId)}::text[], ${parts.map((part) => part.position)}::int[],
      ${parts.map((part) => part.number)}::text[], ${parts.map((part) => part.name)}::text[], ${parts.map((part) => part.qty)}::int[])
      as p(case_id, position, number, name, qty)`
}

/**
 * Writes prepared cases in one transaction. Re-importing an externalId updates that case
 * (idempotent); each written case gets one outbox row.
 */
export async function writePreparedCases(prepared: PreparedCase[], authorId: string) {
  const lastByExternalId = new Map<string, number>()
  prepared.forEach((item, index) => item.externalId && lastByExternalId.set(item.externalId, index))
  const unique = prepared.filter((item, index) => !item.externalId || lastByExternalId.get(item.externalId) === index)
  const rows = unique.map((item) => ({ id: crypto.randomUUID(), ...caseColumns(item) }))

  return getDb().$transaction(async (tx) => {
    const written = await upsertCases(tx, rows, authorId)
    const byExternalId = new Map(written.filter((row) => row.externalId).map((row) => [row.externalId!, row]))
    const byId = new Map(written.map((row) => [row.id, row]))
    const outcomeOf = (row: CaseRow) => (row.externalId ? byExternalId.get(row.externalId) : byId.get(row.id))!

    const updatedIds = written.filter((row) => !row.created).map((row) => row.id)
    if (updatedIds.length > 0) await tx.casePart.deleteMany({ where: { caseId: { in: updatedIds } } })
    await insertParts(
      tx,
      unique.flatMap((item, index) =>
        item.content.parts.map((part, position) => ({ ...part, position, caseId: outcomeOf(rows[index]).id })),
      ),
    )
    await enqueueCaseIndexing(tx, written.map((row) => row.id))

    const rowFor = new Map(unique.map((item, index) => [item, rows[index]]))
    return prepared.map((item) => {
      const owner = item.externalId ? prepared[lastByExternalId.get(item.externalId)!] : item
      const outcome = outcomeOf(rowFor.get(owner)!)
      return { id: outcome.id, created: outcome.created }
    })
  })
}

export type ImportLineResult =
  | { lineNo: number; ok: true; id: string; created: boolean }
  | { lineNo: number; ok: false; errors: Record<string, string> }

/** Imports a batch of parsed lines; a line that fails validation or its write is reported and the rest still land. */
export async function importCaseBatch(
  lines: Array<{ lineNo: number; raw: unknown }>,
  context: ImportContext,
  authorId: string,
): Promise<ImportLineResult[]> {
  const results: ImportLineResult[] = []
  const ready: Array<{ lineNo: number; prepared: PreparedCase }> = []
  for (const line of lines) {
    const outcome = await prepareCase(line.raw, context)
    if (outcome.ok) ready.push({ lineNo: line.lineNo, prepared: outcome.prepared })
    else results.push({ lineNo: line.lineNo, ok: false, errors: outcome.errors })
  }
  try {
    const written = await writePreparedCases(ready.map((item) => item.prepared), authorId)
    ready.forEach((item, index) => results.push({ lineNo: item.lineNo, ok: true, ...written[index] }))
  } catch {
    // One bad row fails the whole transaction: write line by line to find it and keep the rest.
    for (const item of ready) {
      try {
        const [written] = await writePreparedCases([item.prepared], authorId)
        results.push({ lineNo: item.lineNo, ok: true, ...written })
      } catch (error) {
        results.push({ lineNo: item.lineNo, ok: false, errors: { _line: (error as Error).message.split('\n').slice(-1)[0] } })
      }
    }
  }
  return results.sort((a, b) => a.lineNo - b.lineNo)
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
