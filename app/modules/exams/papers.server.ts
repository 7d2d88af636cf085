import type { Prisma } from '~/generated/prisma/client'
import { getDb } from '~/utils/db.server'
import type { SessionUser } from '~/utils/session-user'
import { settleExpiredAttempts } from './attempt-close.server'
import { drawQuestions, ruleAvailability, type BankQuestion } from './draw'
import type { Level, Position } from './levels'
import { assertManager, questionSelect, toBankQuestion } from './questions.server'
import { drawRuleSchema, type DrawRule, type PaperInput } from './schema'

type Manager = Pick<SessionUser, 'id' | 'role'>

export const parseDrawRules = (value: unknown): DrawRule[] => {
  const parsed = drawRuleSchema.array().safeParse(value)
  return parsed.success ? parsed.data : []
}

const paperData = ({ drawRules, ...input }: PaperInput) => ({
  ...input,
  description: input.description ?? null,
  level: input.level ?? null,
  position: input.position ?? null,
  drawRules: drawRules.map((rule) => Object.fromEntries(Object.entries(rule).filter(([, value]) => value !== undefined))),
})

export async function createPaper({ user, input }: { user: Manager; input: PaperInput }) {
  assertManager(user)
  return getDb().examPaper.create({ data: { ...paperData(input), createdById: user.id }, select: { id: true } })
}

/** Changes apply to attempts started from now on; running and past attempts keep their copy. */
export async function updatePaper({ user, paperId, input }: { user: Manager; paperId: string; input: PaperInput }) {
  assertManager(user)
  const { count } = await getDb().examPaper.updateMany({ where: { id: paperId }, data: paperData(input) })
  return count > 0
}

export async function listPapers({ user }: { user: Manager }) {
  assertManager(user)
  await settleExpiredAttempts({})
  const papers = await getDb().examPaper.findMany({
    orderBy: [{ publishedAt: { sort: 'desc', nulls: 'first' } }, { createdAt: 'desc' }],
    select: {
      id: true,
      title: true,
      level: true,
      position: true,
      timeLimitMinutes: true,
      passPercent: true,
      publishedAt: true,
      updatedAt: true,
      _count: { select: { attempts: true, questions: true } },
    },
  })
  const passes = await getDb().examAttempt.groupBy({ by: ['paperId'], where: { passed: true }, _count: { _all: true } })
  return papers.map(({ _count, ...paper }) => ({
    ...paper,
    level: paper.level as Level | null,
    position: paper.position as Position | null,
    attempts: _count.attempts,
    fixedQuestions: _count.questions,
    passes: passes.find((row) => row.paperId === paper.id)?._count._all ?? 0,
  }))
}

/** The active questions a paper's attempts draw from: its fixed ones and those its rules match. */
export async function loadPaperBank(db: Prisma.TransactionClient, paper: { id: string; drawRules: DrawRule[] }) {
  const fixedRows = await db.examPaperQuestion.findMany({
    where: { paperId: paper.id, question: { retiredAt: null } },
    orderBy: { position: 'asc' },
    select: { question: { select: questionSelect } },
  })
  const ruleWhere = paper.drawRules.map((rule) => ({
    ...(rule.systemCode ? { systemCode: rule.systemCode } : {}),
    ...(rule.difficulty ? { difficulty: rule.difficulty } : {}),
    ...(rule.level ? { level: rule.level } : {}),
  }))
  const poolRows = ruleWhere.length === 0 ? [] : await db.question.findMany({ where: { retiredAt: null, OR: ruleWhere }, select: questionSelect })
  const fixed: BankQuestion[] = fixedRows.map((row) => toBankQuestion(row.question))
  return { fixed, pool: poolRows.map(toBankQuestion) }
}

/** What the editor shows: settings, fixed questions (retired ones flagged), each rule's pool size and whether the paper can be drawn. */
export async function getPaper({ user, paperId }: { user: Manager; paperId: string }) {
  assertManager(user)
  const db = getDb()
  const paper = await db.examPaper.findUnique({
    where: { id: paperId },
    select: {
      id: true,
      title: true,
      description: true,
      level: true,
      position: true,
      timeLimitMinutes: true,
      passPercent: true,
      maxAttempts: true,
      cooldownMinutes: true,
      drawRules: true,
      partialCredit: true,
      showAnswers: true,
      publishedAt: true,
      questions: { orderBy: { position: 'asc' }, select: { question: { select: questionSelect } } },
    },
  })
  if (!paper) return null
  const drawRules = parseDrawRules(paper.drawRules)
  const bank = await loadPaperBank(db, { id: paper.id, drawRules })
  const fixedQuestions = paper.questions.map((row) => toBankQuestion(row.question))
  return {
    ...paper,
    level: paper.level as Level | null,
    drawRules,
    fixedQuestions,
    availability: ruleAvailability(drawRules, bank.pool),
    problems: drawProblems(drawRules, bank),
  }
}

/** Why the paper cannot be published as it is (empty, or a rule wants more questions than the bank has). */
function drawProblems(rules: DrawRule[], bank: { fixed: BankQuestion[]; pool: BankQuestion[] }) {
  const { questions, shortfalls } = drawQuestions({ seed: 1, rules, ...bank })
  return { empty: questions.length === 0, shortfalls }
}

export type PublishOutcome = { ok: true } | { ok: false; reason: 'not-found' | 'empty' | 'shortfall' }

export async function setPaperPublished({ user, paperId, published, now = new Date() }: { user: Manager; paperId: string; published: boolean; now?: Date }): Promise<PublishOutcome> {
  assertManager(user)
  const db = getDb()
  const paper = await db.examPaper.findUnique({ where: { id: paperId }, select: { id: true, drawRules: true } })
  if (!paper) return { ok: false, reason: 'not-found' }
  if (published) {
    const problems = drawProblems(parseDrawRules(paper.drawRules), await loadPaperBank(db, { id: paper.id, drawRules: parseDrawRules(paper.drawRules) }))
    if (problems.shortfalls.length > 0) return { ok: false, reason: 'shortfall' }
    if (problems.empty) return { ok: false, reason: 'empty' }
  }
  await db.examPaper.update({ where: { id: paperId }, data: { publishedAt: published ? now : null }, select: { id: true } })
  return { ok: true }
}

export async function addPaperQuestion({ user, paperId, questionId }: { user: Manager; paperId: string; questionId: string }) {
  assertManager(user)
  const db = getDb()
  const last = await db.examPaperQuestion.findFirst({ where: { paperId }, orderBy: { position: 'desc' }, select: { position: true } })
  await db.examPaperQuestion.createMany({ data: [{ paperId, questionId, position: (last?.position ?? -1) + 1 }], skipDuplicates: true })
}

export async function removePaperQuestion({ user, paperId, questionId }: { user: Manager; paperId: string; questionId: string }) {
  assertManager(user)
  await getDb().examPaperQuestion.deleteMany({ where: { paperId, questionId } })
}

/** The latest attempts at a paper, for its trainer. */
export async function listPaperAttempts({ user, paperId, take = 50 }: { user: Manager; paperId: string; take?: number }) {
  assertManager(user)
  await settleExpiredAttempts({ paperId })
  return getDb().examAttempt.findMany({
    where: { paperId },
    orderBy: { startedAt: 'desc' },
    take,
    select: {
      id: true,
      status: true,
      startedAt: true,
      finishedAt: true,
      score: true,
      passed: true,
      user: { select: { name: true, station: { select: { code: true, name: true } } } },
    },
  })
}
