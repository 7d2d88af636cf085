import type { Prisma } from '~/generated/prisma/client'
import { listCaseLinks } from '~/modules/cases/case.server'
import { getDb } from '~/utils/db.server'
import { enqueueIndexing } from '~/utils/search-outbox.server'
import { normalizeDtc, DTC_PATTERN } from '~/utils/vehicle-codes'
import { findVehicleModelId, renderBody, type ForumUser, type WriteOutcome } from './content.server'
import { canAcceptAnswer, canCloseQuestion, canDraftCase, canEditPost, canVoteOn, isExpertAuthor } from './permissions'
import { postingLimitWait } from './posting-limit.server'
import type { DuplicateInput, QuestionInput, QuestionListQuery } from './schema'

export const QUESTIONS_PER_PAGE = 20

const MODEL_YEAR = /\b((?:19|20)\d{2})\s*(?:款|年款)|\b(?:MY|model year)\s*((?:19|20)\d{2})\b/i

/** The model year a question names ("2020 款", "MY2021"), to start a draft case with. */
export function yearMentioned(text: string) {
  const match = MODEL_YEAR.exec(text)
  return match ? Number(match[1] ?? match[2]) : null
}

/** The body and the model checked, one message per field, before anything is written. */
async function checkQuestion(input: QuestionInput) {
  const errors: Record<string, string> = {}
  const rendered = renderBody(input.body)
  if (!rendered.ok) errors.body = rendered.message
  const modelId = input.model ? await findVehicleModelId(input.model) : null
  if (input.model && !modelId) errors.model = `unknown model "${input.model}"`
  return { errors, body: rendered.ok ? rendered.body : null, modelId }
}

/** Anyone signed in asks. The question and its first revision are written together, or neither. */
export async function createQuestion({ user, input, now = new Date() }: { user: ForumUser; input: QuestionInput; now?: Date }): Promise<WriteOutcome> {
  const { errors, body, modelId } = await checkQuestion(input)
  if (Object.keys(errors).length > 0 || !body) return { ok: false, reason: 'invalid', errors }
  return getDb().$transaction(async (tx) => {
    const wait = await postingLimitWait(tx, user.id, 'question', now)
    if (wait > 0) return { ok: false, reason: 'rate-limited', retryAfterSeconds: wait } as const
    const question = await tx.forumQuestion.create({
      data: {
        title: input.title,
        body: body.doc as Prisma.InputJsonValue,
        bodyHtml: body.html,
        bodyText: body.text,
        authorId: user.id,
        modelId,
        systemCode: input.system ?? null,
        dtcs: input.dtcs,
        tags: input.tags,
        createdAt: now,
        lastActivityAt: now,
      },
      select: { id: true },
    })
    await tx.forumRevision.create({
      data: { questionId: question.id, version: 1, editorId: user.id, title: input.title, body: body.doc as Prisma.InputJsonValue, bodyHtml: body.html, createdAt: now },
    })
    await enqueueIndexing(tx, 'question', [question.id])
    return { ok: true, id: question.id } as const
  })
}

/**
 * The author or an admin edits; the edit names the version it started from (a newer one is not
 * overwritten: conflict), and the new version joins the history.
 */
export async function updateQuestion({ user, questionId, input, version, now = new Date() }: { user: ForumUser; questionId: string; input: QuestionInput; version: number; now?: Date }): Promise<WriteOutcome> {
  const db = getDb()
  const existing = await db.forumQuestion.findUnique({ where: { id: questionId }, select: { authorId: true } })
  if (!existing) return { ok: false, reason: 'not-found' }
  if (!canEditPost(user, existing.authorId)) return { ok: false, reason: 'forbidden' }
  const { errors, body, modelId } = await checkQuestion(input)
  if (Object.keys(errors).length > 0 || !body) return { ok: false, reason: 'invalid', errors }
  return db.$transaction(async (tx) => {
    const { count } = await tx.forumQuestion.updateMany({
      where: { id: questionId, version },
      data: {
        title: input.title,
        body: body.doc as Prisma.InputJsonValue,
        bodyHtml: body.html,
        bodyText: body.text,
        modelId,
        systemCode: input.system ?? null,
        dtcs: input.dtcs,
        tags: input.tags,
        version: { increment: 1 },
        editedAt: now,
        lastActivityAt: now,
      },
    })
    if (count === 0) return { ok: false, reason: 'conflict' } as const
    await tx.forumRevision.create({
      data: { questionId, version: version + 1, editorId: user.id, title: input.title, body: body.doc as Prisma.InputJsonValue, bodyHtml: body.html, createdAt: now },
    })
    await enqueueIndexing(tx, 'question', [questionId])
    return { ok: true, id: questionId } as const
  })
}

function listWhere(query: QuestionListQuery): Prisma.ForumQuestionWhereInput {
  const and: Prisma.ForumQuestionWhereInput[] = []
  if (query.view === 'unanswered') and.push({ answerCount: 0, closedAt: null })
  if (query.view === 'solved') and.push({ acceptedAnswerId: { not: null } })
  if (query.tag) and.push({ tags: { has: query.tag } })
  if (query.dtc) and.push({ dtcs: { has: query.dtc } })
  if (query.q) {
    // A fault code typed in the box also finds the questions tagged with it.
    const code = normalizeDtc(query.q)
    // Prisma passes LIKE's wildcards through: a typed % or _ is meant literally.
    const literal = query.q.replace(/[\\%_]/g, (char) => `\\${char}`)
    and.push({ OR: [{ title: { contains: literal, mode: 'insensitive' } }, ...(DTC_PATTERN.test(code) ? [{ dtcs: { has: code } }] : [])] })
  }
  return { AND: and }
}

const ORDER: Record<QuestionListQuery['sort'], Prisma.ForumQuestionOrderByWithRelationInput[]> = {
  newest: [{ createdAt: 'desc' }, { id: 'desc' }],
  votes: [{ score: 'desc' }, { createdAt: 'desc' }, { id: 'desc' }],
  activity: [{ lastActivityAt: 'desc' }, { id: 'desc' }],
}

/** Every signed-in user reads every question: the list with its filter, sort, title search and page. */
export async function listQuestions(query: QuestionListQuery) {
  const db = getDb()
  const where = listWhere(query)
  const [rows, total] = await Promise.all([
    db.forumQuestion.findMany({
      where,
      orderBy: ORDER[query.sort],
      skip: (query.page - 1) * QUESTIONS_PER_PAGE,
      take: QUESTIONS_PER_PAGE,
      select: {
        id: true,
        title: true,
        bodyText: true,
        createdAt: true,
        lastActivityAt: true,
        score: true,
        answerCount: true,
        acceptedAnswerId: true,
        closedAt: true,
        dtcs: true,
        tags: true,
        author: { select: { name: true } },
        model: { select: { nameZh: true, nameEn: true } },
        system: { select: { nameZh: true, nameEn: true } },
        _count: { select: { answers: { where: { author: { role: 'ENGINEER' } } } } },
      },
    }),
    db.forumQuestion.count({ where }),
  ])
  const questions = rows.map(({ bodyText, _count, acceptedAnswerId, closedAt, ...row }) => ({
    ...row,
    excerpt: bodyText.length > 140 ? `${bodyText.slice(0, 140)}…` : bodyText,
    solved: acceptedAnswerId !== null,
    closed: closedAt !== null,
    expertAnswered: _count.answers > 0,
  }))
  return { questions, total, pages: Math.max(1, Math.ceil(total / QUESTIONS_PER_PAGE)) }
}

const personSelect = { id: true, name: true, role: true } as const
const commentSelect = { id: true, body: true, createdAt: true, author: { select: personSelect } } as const

/** A question's page: the question, its answers (accepted first, then by votes), comments, the reader's votes and what they may do. */
export async function getQuestionThread({ user, questionId }: { user: ForumUser; questionId: string }) {
  const db = getDb()
  const question = await db.forumQuestion.findUnique({
    where: { id: questionId },
    select: {
      id: true,
      title: true,
      bodyHtml: true,
      bodyText: true,
      createdAt: true,
      editedAt: true,
      version: true,
      score: true,
      dtcs: true,
      tags: true,
      solvedAt: true,
      closedAt: true,
      acceptedAnswerId: true,
      duplicateOfCaseId: true,
      caseId: true,
      author: { select: personSelect },
      closedBy: { select: { name: true } },
      model: { select: { id: true, nameZh: true, nameEn: true } },
      system: { select: { code: true, nameZh: true, nameEn: true } },
      duplicateOfQuestion: { select: { id: true, title: true } },
      comments: { where: { answerId: null }, orderBy: { createdAt: 'asc' }, take: 200, select: commentSelect },
      answers: {
        orderBy: [{ score: 'desc' }, { createdAt: 'asc' }],
        take: 200,
        select: {
          id: true,
          bodyHtml: true,
          score: true,
          createdAt: true,
          editedAt: true,
          version: true,
          author: { select: personSelect },
          comments: { orderBy: { createdAt: 'asc' }, take: 200, select: commentSelect },
        },
      },
    },
  })
  if (!question) return null
  const answerIds = question.answers.map((answer) => answer.id)
  const caseIds = [question.duplicateOfCaseId, question.caseId].filter((id): id is string => Boolean(id))
  const [votes, cases] = await Promise.all([
    db.forumVote.findMany({ where: { userId: user.id, OR: [{ questionId }, { answerId: { in: answerIds } }] }, select: { questionId: true, answerId: true, value: true } }),
    listCaseLinks({ user, caseIds }),
  ])
  const myVote = (where: { questionId?: string; answerId?: string }) =>
    votes.find((vote) => (where.questionId ? vote.questionId === where.questionId : vote.answerId === where.answerId))?.value ?? 0
  const linkedCase = (id: string | null) => cases.find((found) => found.id === id) ?? null
  const answers = question.answers
    .map((answer) => ({
      ...answer,
      accepted: answer.id === question.acceptedAnswerId,
      expert: isExpertAuthor(answer.author),
      myVote: myVote({ answerId: answer.id }),
      canEdit: canEditPost(user, answer.author.id),
      canVote: canVoteOn(user, answer.author.id),
    }))
    // The accepted answer first; the others keep their order by votes, then age.
    .sort((a, b) => Number(b.accepted) - Number(a.accepted))
  const { answers: _unsorted, bodyText, ...rest } = question
  return {
    question: {
      ...rest,
      yearMentioned: yearMentioned(`${question.title}\n${bodyText}`),
      myVote: myVote({ questionId }),
      duplicateOfCase: linkedCase(question.duplicateOfCaseId),
      draftCase: linkedCase(question.caseId),
    },
    answers,
    can: {
      edit: canEditPost(user, question.author.id),
      vote: canVoteOn(user, question.author.id),
      accept: canAcceptAnswer(user, question.author.id),
      close: canCloseQuestion(user),
      draftCase: canDraftCase(user, question.author.id),
      answer: question.closedAt === null,
    },
  }
}
export type QuestionThread = NonNullable<Awaited<ReturnType<typeof getQuestionThread>>>

/** The question as its edit form starts, for its author or an admin only. */
export async function getQuestionForEdit({ user, questionId }: { user: ForumUser; questionId: string }) {
  const question = await getDb().forumQuestion.findUnique({
    where: { id: questionId },
    select: { id: true, title: true, body: true, modelId: true, systemCode: true, dtcs: true, tags: true, version: true, authorId: true },
  })
  if (!question) return { ok: false as const, reason: 'not-found' as const }
  if (!canEditPost(user, question.authorId)) return { ok: false as const, reason: 'forbidden' as const }
  return { ok: true as const, question }
}

/** Every version of a question, newest first. */
export async function questionHistory({ questionId }: { questionId: string }) {
  const question = await getDb().forumQuestion.findUnique({
    where: { id: questionId },
    select: {
      id: true,
      title: true,
      revisions: { orderBy: { version: 'desc' }, select: { version: true, title: true, bodyHtml: true, createdAt: true, editor: { select: { name: true } } } },
    },
  })
  return question
}

/**
 * Engineers and admins close a question as a duplicate of another question or of a repair case
 * they can see; the page then links to the original.
 */
export async function closeAsDuplicate({ user, questionId, input, now = new Date() }: { user: ForumUser; questionId: string; input: DuplicateInput; now?: Date }): Promise<WriteOutcome> {
  if (!canCloseQuestion(user)) return { ok: false, reason: 'forbidden' }
  const db = getDb()
  const question = await db.forumQuestion.findUnique({ where: { id: questionId }, select: { id: true } })
  if (!question) return { ok: false, reason: 'not-found' }
  if (input.kind === 'question') {
    if (input.id === questionId) return { ok: false, reason: 'invalid', errors: { target: 'a question is not a duplicate of itself' } }
    const original = await db.forumQuestion.findUnique({ where: { id: input.id }, select: { duplicateOfQuestionId: true } })
    if (!original) return { ok: false, reason: 'invalid', errors: { target: 'no such question' } }
    if (original.duplicateOfQuestionId === questionId) return { ok: false, reason: 'invalid', errors: { target: 'that question is already a duplicate of this one' } }
  } else {
    const [visible] = await listCaseLinks({ user, caseIds: [input.id] })
    if (!visible) return { ok: false, reason: 'invalid', errors: { target: 'no such repair case' } }
  }
  await db.forumQuestion.update({
    where: { id: questionId },
    data: {
      closedAt: now,
      closedById: user.id,
      duplicateOfQuestionId: input.kind === 'question' ? input.id : null,
      duplicateOfCaseId: input.kind === 'case' ? input.id : null,
      lastActivityAt: now,
    },
    select: { id: true },
  })
  return { ok: true, id: questionId }
}

export async function reopenQuestion({ user, questionId }: { user: ForumUser; questionId: string }): Promise<WriteOutcome> {
  if (!canCloseQuestion(user)) return { ok: false, reason: 'forbidden' }
  const { count } = await getDb().forumQuestion.updateMany({
    where: { id: questionId },
    data: { closedAt: null, closedById: null, duplicateOfQuestionId: null, duplicateOfCaseId: null },
  })
  return count === 0 ? { ok: false, reason: 'not-found' } : { ok: true, id: questionId }
}

/** Questions whose title, text or DTCs hold every word (the search without Meilisearch). */
export function findQuestionsByWords({ words, take }: { words: string[]; take: number }) {
  return getDb().forumQuestion.findMany({
    where: {
      AND: words.map((word) => ({
        OR: [{ title: { contains: word, mode: 'insensitive' as const } }, { bodyText: { contains: word, mode: 'insensitive' as const } }, { dtcs: { has: word.toUpperCase() } }],
      })),
    },
    select: { id: true, title: true, bodyText: true, dtcs: true, solvedAt: true, answerCount: true, model: { select: { nameZh: true, nameEn: true } } },
    orderBy: { lastActivityAt: 'desc' },
    take,
  })
}
