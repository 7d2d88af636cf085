import type { Prisma } from '../app/generated/prisma/client'
import { englishStems } from './english-stems'

export const caseDocumentSelect = {
  id: true,
  externalId: true,
  title: true,
  year: true,
  dtcs: true,
  systemCode: true,
  symptomsText: true,
  diagnosisText: true,
  rootCauseText: true,
  fixText: true,
  language: true,
  status: true,
  confirmCount: true,
  approvedAt: true,
  mergedIntoId: true,
  model: { select: { id: true, nameZh: true, nameEn: true } },
  parts: { select: { number: true, name: true } },
} satisfies Prisma.RepairCaseSelect

export type CaseRow = Prisma.RepairCaseGetPayload<{ select: typeof caseDocumentSelect }>

export type CaseDocument = {
  id: string
  externalId: string | null
  title: string
  modelId: string
  modelZh: string
  modelEn: string
  year: number
  system: string
  dtcs: string[]
  symptoms: string
  diagnosis: string
  rootCause: string
  fix: string
  parts: string[]
  language: string
  classic: boolean
  confirmCount: number
  approvedAt: number
  /** Stems of the English words (searched by the stemmed form of a query). */
  stemmed: string
}

const MAX_TEXT = 4000

export function toCaseDocument(row: CaseRow): CaseDocument {
  const symptoms = row.symptomsText.slice(0, MAX_TEXT)
  const diagnosis = row.diagnosisText.slice(0, MAX_TEXT)
  const rootCause = row.rootCauseText.slice(0, MAX_TEXT)
  const fix = row.fixText.slice(0, MAX_TEXT)
  return {
    id: row.id,
    externalId: row.externalId,
    title: row.title,
    modelId: row.model.id,
    modelZh: row.model.nameZh,
    modelEn: row.model.nameEn,
    year: row.year,
    system: row.systemCode,
    dtcs: row.dtcs,
    symptoms,
    diagnosis,
    rootCause,
    fix,
    parts: row.parts.map((part) => `${part.number} ${part.name}`),
    language: row.language,
    classic: row.status === 'CLASSIC',
    confirmCount: row.confirmCount,
    approvedAt: row.approvedAt ? Math.floor(row.approvedAt.getTime() / 1000) : 0,
    stemmed: englishStems(`${row.title} ${symptoms} ${diagnosis} ${rootCause} ${fix}`),
  }
}

/** In the index: approved or classic, and not merged into another case. */
export const isPublished = (row: Pick<CaseRow, 'status' | 'mergedIntoId'>) => (row.status === 'APPROVED' || row.status === 'CLASSIC') && !row.mergedIntoId
