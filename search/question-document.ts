import type { Settings } from 'meilisearch'
import type { Prisma } from '../app/generated/prisma/client'
import { getDb } from '../app/utils/db.server'
import { filterById, workshopTextSettings } from './case-index-settings'
import { englishStems } from './english-stems'

const MAX_TEXT = 4000

export const questionDocumentSelect = {
  id: true,
  title: true,
  bodyText: true,
  systemCode: true,
  dtcs: true,
  tags: true,
  score: true,
  answerCount: true,
  solvedAt: true,
  createdAt: true,
  model: { select: { id: true, nameZh: true, nameEn: true } },
  acceptedAnswer: { select: { bodyText: true } },
} satisfies Prisma.ForumQuestionSelect

type QuestionRow = Prisma.ForumQuestionGetPayload<{ select: typeof questionDocumentSelect }>

export type QuestionDocument = {
  id: string
  title: string
  body: string
  acceptedAnswer: string
  modelId: string | null
  modelZh: string
  modelEn: string
  system: string | null
  dtcs: string[]
  tags: string[]
  solved: boolean
  answerCount: number
  score: number
  createdAt: number
  stemmed: string
}

export function toQuestionDocument(row: QuestionRow): QuestionDocument {
  const body = row.bodyText.slice(0, MAX_TEXT)
  const acceptedAnswer = row.acceptedAnswer?.bodyText.slice(0, MAX_TEXT) ?? ''
  return {
    id: row.id,
    title: row.title,
    body,
    acceptedAnswer,
    modelId: row.model?.id ?? null,
    modelZh: row.model?.nameZh ?? '',
    modelEn: row.model?.nameEn ?? '',
    system: row.systemCode,
    dtcs: row.dtcs,
    tags: row.tags,
    solved: row.solvedAt !== null,
    answerCount: row.answerCount,
    score: row.score,
    createdAt: Math.floor(row.createdAt.getTime() / 1000),
    stemmed: englishStems(`${row.title} ${body} ${acceptedAnswer}`),
  }
}

/** Every question is readable by anyone signed in; those gone from the database are removed. */
export async function loadQuestionDocuments(ids: string[]) {
  const rows = await getDb().forumQuestion.findMany({ where: { id: { in: ids } }, select: questionDocumentSelect })
  const kept = new Set(rows.map((row) => row.id))
  return { documents: rows.map(toQuestionDocument), deletedIds: ids.filter((id) => !kept.has(id)) }
}

export const questionIndexSettings: Settings = {
  ...workshopTextSettings,
  searchableAttributes: ['dtcs', 'title', 'tags', 'modelZh', 'modelEn', 'body', 'acceptedAnswer', 'stemmed'],
  filterableAttributes: [filterById, 'modelId', 'system', 'dtcs', 'tags', 'solved'],
  sortableAttributes: ['createdAt', 'score'],
  rankingRules: ['words', 'typo', 'proximity', 'attribute', 'sort', 'exactness', 'score:desc'],
  facetSearch: false,
}
