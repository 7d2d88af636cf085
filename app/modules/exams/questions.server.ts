import crypto from 'node:crypto'
import type { Prisma } from '~/generated/prisma/client'
import { getDb } from '~/utils/db.server'
import type { SessionUser } from '~/utils/session-user'
import { canManageExams } from './access'
import type { BankQuestion, QuestionOption } from './draw'
import type { Kind, Level } from './levels'
import type { ExportQuestion } from './question-file'
import type { QuestionInput } from './schema'

type Manager = Pick<SessionUser, 'id' | 'role'>
type Tx = Prisma.TransactionClient

/** The bank holds the answers: only trainers and admins read or write it. */
export class ExamAccessError extends Error {
  constructor() {
    super('only trainers and admins manage exams')
  }
}
export function assertManager(user: Pick<SessionUser, 'role'>) {
  if (!canManageExams(user)) throw new ExamAccessError()
}

/** Pictures a question refers to that are not usable images; the field paths are the form's (`stemImageId`, `options.2.imageId`). */
export class InvalidQuestionImageError extends Error {
  constructor(readonly problems: Array<{ question: number; field: string }>) {
    super('a question refers to a picture that is not a usable image')
  }

  /** The form's field errors (one question). */
  fieldErrors() {
    return Object.fromEntries(this.problems.map(({ field }) => [field, 'invalid.image']))
  }
}

const newOptionId = () => crypto.randomBytes(4).toString('hex')
// Ids chosen here so an imported file's pictures can be linked to their questions in the same transaction.
const newQuestionId = () => `q${crypto.randomBytes(12).toString('hex')}`

/** Options keep their id while their text stays the same. */
function withOptionIds(options: QuestionInput['options'], previous: QuestionOption[] = []): QuestionOption[] {
  const used = new Set<string>()
  return options.map(({ text, correct, imageId }) => {
    const kept = previous.find((option) => option.text === text && !used.has(option.id))
    const id = kept?.id ?? newOptionId()
    used.add(id)
    return imageId ? { id, text, correct, imageId } : { id, text, correct }
  })
}

const imageFields = (input: QuestionInput) => [
  { field: 'stemImageId', imageId: input.stemImageId },
  ...input.options.map((option, index) => ({ field: `options.${index}.imageId`, imageId: option.imageId })),
]

/**
 * Checks every picture the questions refer to (an image its writer uploaded, or one already in
 * the bank) and links them to their question, so candidates who draw it may load them.
 */
async function attachImages(db: Tx, { user, questions }: { user: Manager; questions: Array<{ id: string; input: QuestionInput }> }) {
  const wanted = [...new Set(questions.flatMap(({ input }) => imageFields(input).flatMap(({ imageId }) => (imageId ? [imageId] : []))))]
  if (wanted.length === 0) return
  const usable = await db.attachment.findMany({
    where: { id: { in: wanted }, mimeType: { startsWith: 'image/' }, OR: [{ uploaderId: user.id }, { questionId: { not: null } }] },
    select: { id: true, questionId: true },
  })
  const known = new Map(usable.map((image) => [image.id, image.questionId]))
  const problems = questions.flatMap(({ input }, question) => imageFields(input).filter(({ imageId }) => imageId && !known.has(imageId)).map(({ field }) => ({ question, field })))
  if (problems.length > 0) throw new InvalidQuestionImageError(problems)
  for (const { id, input } of questions) {
    const unlinked = imageFields(input).flatMap(({ imageId }) => (imageId && known.get(imageId) === null ? [imageId] : []))
    if (unlinked.length > 0) await db.attachment.updateMany({ where: { id: { in: unlinked }, questionId: null }, data: { questionId: id } })
  }
}

export const questionData = (input: QuestionInput, previous?: QuestionOption[]) => ({
  kind: input.kind,
  stem: input.stem,
  stemImageId: input.stemImageId ?? null,
  options: withOptionIds(input.options, previous),
  explanation: input.explanation ?? null,
  systemCode: input.systemCode,
  difficulty: input.difficulty,
  level: input.level,
})

export const questionSelect = {
  id: true,
  kind: true,
  stem: true,
  stemImageId: true,
  options: true,
  explanation: true,
  systemCode: true,
  difficulty: true,
  level: true,
  retiredAt: true,
  updatedAt: true,
} satisfies Prisma.QuestionSelect

type QuestionRow = Prisma.QuestionGetPayload<{ select: typeof questionSelect }>
export const toBankQuestion = (row: QuestionRow): BankQuestion & { retiredAt: Date | null; updatedAt: Date } => ({
  ...row,
  kind: row.kind as Kind,
  level: row.level as Level,
  options: row.options as QuestionOption[],
})

export type QuestionFilter = { q?: string; systemCode?: string; level?: Level; difficulty?: number; kind?: Kind; status?: 'active' | 'retired' | 'all' }

function filterWhere(filter: QuestionFilter): Prisma.QuestionWhereInput {
  return {
    ...(filter.status === 'retired' ? { retiredAt: { not: null } } : filter.status === 'all' ? {} : { retiredAt: null }),
    ...(filter.systemCode ? { systemCode: filter.systemCode } : {}),
    ...(filter.level ? { level: filter.level } : {}),
    ...(filter.difficulty ? { difficulty: filter.difficulty } : {}),
    ...(filter.kind ? { kind: filter.kind } : {}),
    ...(filter.q ? { stem: { contains: filter.q, mode: 'insensitive' as const } } : {}),
  }
}

export const QUESTION_PAGE_SIZE = 30

export async function listQuestions({ user, filter = {}, page = 1, pageSize = QUESTION_PAGE_SIZE }: { user: Manager; filter?: QuestionFilter; page?: number; pageSize?: number }) {
  assertManager(user)
  const where = filterWhere(filter)
  const db = getDb()
  const [total, rows] = await Promise.all([
    db.question.count({ where }),
    db.question.findMany({ where, orderBy: [{ createdAt: 'desc' }, { id: 'asc' }], skip: (page - 1) * pageSize, take: pageSize, select: questionSelect }),
  ])
  return { total, page, pages: Math.max(1, Math.ceil(total / pageSize)), rows: rows.map(toBankQuestion) }
}

export async function getQuestion({ user, questionId }: { user: Manager; questionId: string }) {
  assertManager(user)
  const row = await getDb().question.findUnique({ where: { id: questionId }, select: questionSelect })
  return row ? toBankQuestion(row) : null
}

export async function createQuestion({ user, input }: { user: Manager; input: QuestionInput }) {
  assertManager(user)
  return getDb().$transaction(async (db) => {
    const created = await db.question.create({ data: { ...questionData(input), createdById: user.id }, select: { id: true } })
    await attachImages(db, { user, questions: [{ id: created.id, input }] })
    return created
  })
}

/** Edits the bank's copy only: attempts already made keep the question (and its pictures) as they drew it. */
export async function updateQuestion({ user, questionId, input }: { user: Manager; questionId: string; input: QuestionInput }) {
  assertManager(user)
  return getDb().$transaction(async (db) => {
    const existing = await db.question.findUnique({ where: { id: questionId }, select: { options: true } })
    if (!existing) return null
    await attachImages(db, { user, questions: [{ id: questionId, input }] })
    return db.question.update({ where: { id: questionId }, data: questionData(input, existing.options as QuestionOption[]), select: { id: true } })
  })
}

/** A retired question is drawn no more; past attempts are untouched (they hold their own copy). */
export async function setQuestionRetired({ user, questionId, retired, now = new Date() }: { user: Manager; questionId: string; retired: boolean; now?: Date }) {
  assertManager(user)
  const { count } = await getDb().question.updateMany({ where: { id: questionId }, data: { retiredAt: retired ? now : null } })
  return count > 0
}

/** All of a checked file in one transaction: either every question is added or none. */
export async function importQuestions({ user, questions }: { user: Manager; questions: QuestionInput[] }) {
  assertManager(user)
  const rows = questions.map((input) => ({ id: newQuestionId(), input }))
  await getDb().$transaction(async (db) => {
    await db.question.createMany({ data: rows.map(({ id, input }) => ({ id, ...questionData(input), createdById: user.id })) })
    await attachImages(db, { user, questions: rows })
  })
  return rows.length
}

export async function exportQuestions({ user, filter = {} }: { user: Manager; filter?: QuestionFilter }): Promise<ExportQuestion[]> {
  assertManager(user)
  const rows = await getDb().question.findMany({ where: filterWhere(filter), orderBy: [{ createdAt: 'asc' }, { id: 'asc' }], select: questionSelect })
  return rows.map(toBankQuestion)
}
