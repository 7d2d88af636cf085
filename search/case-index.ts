import type { Index, Settings } from 'meilisearch'
import { caseIndexSettings } from './case-index-settings'
import type { CaseDocument } from './case-document'
import { casesIndexName, getMeili } from './client'
import { loadSynonyms } from './synonyms'
import { noteThesaurus } from './thesaurus-rewrites'

const TASK_WAIT = { timeout: 120_000, interval: 50 }

/** Creates an index if needed and applies its settings (idempotent). */
export async function ensureIndex<T extends Record<string, unknown>>(name: string, settings: Settings): Promise<Index<T>> {
  const meili = getMeili()
  try {
    await meili.getRawIndex(name)
  } catch {
    await meili.createIndex(name, { primaryKey: 'id' }).waitTask(TASK_WAIT)
  }
  const index = meili.index<T>(name)
  // The thesaurus lives in PostgreSQL: settings applied at start-up must not drop it.
  const synonyms = await loadSynonyms()
  const task = await index.updateSettings({ ...settings, synonyms }).waitTask(TASK_WAIT)
  if (task.status === 'failed') throw new Error(`Meilisearch settings failed: ${task.error?.message}`)
  noteThesaurus(synonyms)
  return index
}

export const ensureCaseIndex = (name = casesIndexName()) => ensureIndex<CaseDocument>(name, caseIndexSettings)

/** Upserts and deletes in Meilisearch, resolving only when both are applied. */
export async function applyChanges(name: string, documents: Array<{ id: string }>, deletedIds: string[]) {
  const index = getMeili().index(name)
  const pending = []
  if (documents.length > 0) pending.push(index.addDocuments(documents, { primaryKey: 'id' }).waitTask(TASK_WAIT))
  if (deletedIds.length > 0) pending.push(index.deleteDocuments(deletedIds).waitTask(TASK_WAIT))
  for (const task of await Promise.all(pending)) {
    if (task.status !== 'succeeded') throw new Error(`Meilisearch task ${task.uid} ${task.status}: ${task.error?.message ?? ''}`)
  }
}

export const applyCaseChanges = (documents: CaseDocument[], deletedIds: string[], name = casesIndexName()) => applyChanges(name, documents, deletedIds)

/** Puts the current thesaurus into these indexes: synonyms apply to queries, so nothing is reindexed. */
export async function applySynonyms(names: string[]) {
  const synonyms = await loadSynonyms()
  const meili = getMeili()
  const tasks = await Promise.all(names.map((name) => meili.index(name).updateSynonyms(synonyms).waitTask(TASK_WAIT)))
  for (const task of tasks) if (task.status !== 'succeeded') throw new Error(`Meilisearch synonyms task ${task.uid} ${task.status}: ${task.error?.message ?? ''}`)
  noteThesaurus(synonyms)
}
