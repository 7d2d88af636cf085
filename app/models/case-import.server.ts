import crypto from 'node:crypto'
import { RichTextError, richDocToText, toRichDoc } from '~/editor/rich-text.server'
import type { Prisma } from '~/generated/prisma/client'
import type { CaseStatus } from '~/generated/prisma/enums'
import { caseImportSchema, fieldErrors, type CaseImportInput } from '~/utils/case-schema'
import { getDb } from '~/utils/db.server'
import { resolveVehicleModel, type ModelResolution } from './catalogue.server'
import type { CaseContent } from './case.server'
import { enqueueCaseIndexing } from './search-outbox.server'

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

  const errors: Record<string, string> = {}
  const docs = {} as Record<(typeof RICH_FIELDS)[number], CaseContent['symptoms']>
  for (const field of RICH_FIELDS) {
    try {
      docs[field] = toRichDoc(input[field])
      if (!richDocToText(docs[field])) errors[field] = 'required'
    } catch (error) {
      if (!(error instanceof RichTextError)) throw error
      errors[field] = error.message
    }
  }
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

function caseColumns(prepared: PreparedCase, now: Date) {
  const { content, status } = prepared
  const published = status === 'APPROVED' || status === 'CLASSIC'
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
    submittedAt: status === 'DRAFT' ? null : now,
    approvedAt: published ? now : null,
  }
}

/**
 * Writes prepared cases in one transaction: new ones with createMany, known externalIds
 * updated in place (re-import is idempotent), one outbox row each.
 */
export async function writePreparedCases(prepared: PreparedCase[], authorId: string) {
  const now = new Date()
  const lastByExternalId = new Map<string, number>()
  prepared.forEach((item, index) => item.externalId && lastByExternalId.set(item.externalId, index))
  const unique = prepared.filter((item, index) => !item.externalId || lastByExternalId.get(item.externalId) === index)

  return getDb().$transaction(async (tx) => {
    const externalIds = unique.flatMap((item) => (item.externalId ? [item.externalId] : []))
    const existing = await tx.repairCase.findMany({ where: { externalId: { in: externalIds } }, select: { id: true, externalId: true } })
    const idByExternalId = new Map(existing.map((row) => [row.externalId!, row.id]))

    const ids = unique.map((item) => (item.externalId && idByExternalId.get(item.externalId)) || crypto.randomUUID())
    const creates = unique.flatMap((item, index) =>
      item.externalId && idByExternalId.has(item.externalId) ? [] : [{ id: ids[index], authorId, ...caseColumns(item, now) }],
    )
    if (creates.length > 0) await tx.repairCase.createMany({ data: creates })

    const updatedIds: string[] = []
    for (const [index, item] of unique.entries()) {
      if (!item.externalId || !idByExternalId.has(item.externalId)) continue
      const { stationId, externalId: _externalId, ...columns } = caseColumns(item, now)
      await tx.repairCase.update({
        where: { id: ids[index] },
        data: { ...columns, ...(stationId ? { stationId } : {}), version: { increment: 1 } },
        select: { id: true },
      })
      updatedIds.push(ids[index])
    }
    if (updatedIds.length > 0) await tx.casePart.deleteMany({ where: { caseId: { in: updatedIds } } })
    const parts = unique.flatMap((item, index) =>
      item.content.parts.map((part, position) => ({ ...part, position, caseId: ids[index] })),
    )
    if (parts.length > 0) await tx.casePart.createMany({ data: parts })
    await enqueueCaseIndexing(tx, ids)

    const uniqueIndex = new Map(unique.map((item, index) => [item, index]))
    return prepared.map((item) => {
      const owner = item.externalId ? prepared[lastByExternalId.get(item.externalId)!] : item
      return { id: ids[uniqueIndex.get(owner)!], created: !(item.externalId && idByExternalId.has(item.externalId)) }
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
