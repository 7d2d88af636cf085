import type { Settings } from 'meilisearch'
import { getDb } from '../app/utils/db.server'
import { bulletinIndexSettings, loadBulletinDocuments } from './bulletin-document'
import { caseDocumentSelect, isPublished, toCaseDocument } from './case-document'
import { applySynonyms, ensureIndex } from './case-index'
import { caseIndexSettings } from './case-index-settings'
import { bulletinsIndexName, casesIndexName, questionsIndexName } from './client'
import { loadQuestionDocuments, questionIndexSettings } from './question-document'

export type IndexedEntity = 'case' | 'bulletin' | 'question'

type Loaded = { documents: Array<{ id: string }>; deletedIds: string[] }

export type EntityIndex = {
  indexName: () => string
  settings: Settings
  /** What the index should hold for these ids: documents to upsert, ids to remove. */
  load: (ids: string[]) => Promise<Loaded>
  /** Every id that belongs in the index, a page at a time (for a full rebuild). */
  listIds: (after: string | undefined, take: number) => Promise<string[]>
}

async function loadCaseDocuments(ids: string[]): Promise<Loaded> {
  const rows = await getDb().repairCase.findMany({ where: { id: { in: ids } }, select: caseDocumentSelect })
  const published = rows.filter(isPublished)
  const kept = new Set(published.map((row) => row.id))
  return { documents: published.map(toCaseDocument), deletedIds: ids.filter((id) => !kept.has(id)) }
}

const page = (after: string | undefined, take: number) => ({ orderBy: { id: 'asc' as const }, take, select: { id: true }, ...(after ? { cursor: { id: after }, skip: 1 } : {}) })
const ids = (rows: Array<{ id: string }>) => rows.map((row) => row.id)

export const entityIndexes: Record<IndexedEntity, EntityIndex> = {
  case: {
    indexName: casesIndexName,
    settings: caseIndexSettings,
    load: loadCaseDocuments,
    listIds: async (after, take) => ids(await getDb().repairCase.findMany({ where: { status: { in: ['APPROVED', 'CLASSIC'] }, mergedIntoId: null }, ...page(after, take) })),
  },
  bulletin: {
    indexName: bulletinsIndexName,
    settings: bulletinIndexSettings,
    load: loadBulletinDocuments,
    listIds: async (after, take) => ids(await getDb().bulletin.findMany({ where: { publishedAt: { not: null } }, ...page(after, take) })),
  },
  question: {
    indexName: questionsIndexName,
    settings: questionIndexSettings,
    load: loadQuestionDocuments,
    listIds: async (after, take) => ids(await getDb().forumQuestion.findMany(page(after, take))),
  },
}

export const isIndexedEntity = (entity: string): entity is IndexedEntity => Object.hasOwn(entityIndexes, entity)

/** Creates every index the portal searches and applies its settings (idempotent). */
export async function ensureSearchIndexes() {
  for (const entry of Object.values(entityIndexes)) await ensureIndex(entry.indexName(), entry.settings)
}

/** After the thesaurus changed: every index gets the new synonyms. */
export const applyThesaurus = () => applySynonyms(Object.values(entityIndexes).map((entry) => entry.indexName()))
