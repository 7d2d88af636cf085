import type { Index } from 'meilisearch'
import { caseIndexSettings } from './case-index-settings'
import type { CaseDocument } from './case-document'
import { casesIndexName, getMeili } from './client'

const TASK_WAIT = { timeout: 120_000, interval: 50 }

/** Creates the cases index if needed and applies its settings (idempotent). */
export async function ensureCaseIndex(name = casesIndexName()): Promise<Index<CaseDocument>> {
  const meili = getMeili()
  try {
    await meili.getRawIndex(name)
  } catch {
    await meili.createIndex(name, { primaryKey: 'id' }).waitTask(TASK_WAIT)
  }
  const index = meili.index<CaseDocument>(name)
  const task = await index.updateSettings(caseIndexSettings).waitTask(TASK_WAIT)
  if (task.status === 'failed') throw new Error(`Meilisearch settings failed: ${task.error?.message}`)
  return index
}

/** Upserts and deletes in Meilisearch, resolving only when both are applied. */
export async function applyCaseChanges(documents: CaseDocument[], deletedIds: string[], name = casesIndexName()) {
  const index = getMeili().index<CaseDocument>(name)
  const pending = []
  if (documents.length > 0) pending.push(index.addDocuments(documents, { primaryKey: 'id' }).waitTask(TASK_WAIT))
  if (deletedIds.length > 0) pending.push(index.deleteDocuments(deletedIds).waitTask(TASK_WAIT))
  for (const task of await Promise.all(pending)) {
    if (task.status !== 'succeeded') throw new Error(`Meilisearch task ${task.uid} ${task.status}: ${task.error?.message ?? ''}`)
  }
}
