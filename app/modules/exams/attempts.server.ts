import { Prisma } from '~/generated/prisma/client'
import { getDb } from '~/utils/db.server'
import { executeStatement } from '~/utils/page-sql.server'
import type { SessionUser } from '~/utils/session-user'
import { closeAttempt, settleExpiredAttempts } from './attempt-close.server'
import { coursesStillRequired, heldLevels, meetsPrerequisite } from './certification.server'
import { drawQuestions, newSeed, type SnapshotQuestion } from './draw'
import { previousLevel, type Kind, type Level } from './levels'
import { loadPaperBank, parseDrawRules } from './papers.server'
import type { AnswerInput } from './schema'

type Candidate = Pick<SessionUser, 'id'>
type Tx = Prisma.TransactionClient

const imageUrl = (imageId: string | null | undefined) => (imageId ? `/files/${imageId}` : undefined)

/** A question as the candidate sees it before submitting: no correct flags, no explanation; pictures as URLs. */
export type CandidateQuestion = {
  id: string
  kind: Kind
  stem: string
  stemImageUrl?: string
  options: Array<{ id: string; text: string; imageUrl?: string }>
}
export const toCandidateQuestion = (question: SnapshotQuestion): CandidateQuestion => ({
  id: question.id,
  kind: question.kind,
  stem: question.stem,
  stemImageUrl: imageUrl(question.stemImageId),
  options: question.options.map(({ id, text, imageId }) => ({ id, text, imageUrl: imageUrl(imageId) })),
})

const paperPolicySelect = {
  id: true,
  title: true,
  description: true,
  level: true,
  position: true,
  timeLimitMinutes: true,
  passPercent: true,
  maxAttempts: true,
  cooldownMinutes: true,
  partialCredit: true,
  showAnswers: true,
  drawRules: true,
  publishedAt: true,
} satisfies Prisma.ExamPaperSelect
type PaperPolicy = Prisma.ExamPaperGetPayload<{ select: typeof paperPolicySelect }>

const attemptSummarySelect = {
  id: true,
  paperId: true,
  status: true,
  startedAt: true,
  deadline: true,
  finishedAt: true,
  score: true,
  passed: true,
} satisfies Prisma.ExamAttemptSelect
type AttemptSummary = Prisma.ExamAttemptGetPayload<{ select: typeof attemptSummarySelect }>

/** Where a candidate stands with one paper: attempts left, a running attempt, the cool-down, the prerequisite. */
function standing(paper: PaperPolicy, attempts: AttemptSummary[], held: ReadonlySet<Level>, now: Date) {
  const mine = attempts.filter((attempt) => attempt.paperId === paper.id)
  const running = mine.find((attempt) => attempt.status === 'IN_PROGRESS' && attempt.deadline > now) ?? null
  const lastFinished = mine.reduce<Date | null>((latest, attempt) => (attempt.finishedAt && (!latest || attempt.finishedAt > latest) ? attempt.finishedAt : latest), null)
  const cooldownEnds = lastFinished && paper.cooldownMinutes > 0 ? new Date(lastFinished.getTime() + paper.cooldownMinutes * 60_000) : null
  const level = paper.level as Level | null
  return {
    attemptsUsed: mine.length,
    attemptsLeft: Math.max(0, paper.maxAttempts - mine.length),
    running: running ? { id: running.id, deadline: running.deadline } : null,
    cooldownUntil: cooldownEnds && cooldownEnds > now ? cooldownEnds : null,
    prerequisiteMet: meetsPrerequisite(held, level),
    requiredLevel: level ? previousLevel(level) : null,
    passed: mine.some((attempt) => attempt.passed),
    bestScore: mine.reduce<number | null>((best, attempt) => (attempt.score !== null && (best === null || attempt.score > best) ? attempt.score : best), null),
  }
}
export type Standing = ReturnType<typeof standing>

/** Every published paper with the caller's standing; `open` ones are those whose prerequisite the caller meets. */
export async function listExamsForCandidate({ user, now = new Date() }: { user: Candidate; now?: Date }) {
  await settleExpiredAttempts({ userId: user.id, now })
  const db = getDb()
  const [papers, attempts, held] = await Promise.all([
    db.examPaper.findMany({ where: { publishedAt: { not: null } }, orderBy: [{ level: { sort: 'asc', nulls: 'last' } }, { title: 'asc' }], select: paperPolicySelect }),
    db.examAttempt.findMany({ where: { userId: user.id, paper: { publishedAt: { not: null } } }, select: attemptSummarySelect }),
    heldLevels({ userId: user.id, now }),
  ])
  return papers.map((paper) => {
    const { drawRules: _rules, ...shown } = paper
    return { ...shown, level: paper.level as Level | null, ...standing(paper, attempts, held, now) }
  })
}

/** `GET /api/exams`: the published exams open to the caller. */
export async function listOpenExams({ user, now = new Date() }: { user: Candidate; now?: Date }) {
  const exams = await listExamsForCandidate({ user, now })
  return exams
    .filter((exam) => exam.prerequisiteMet)
    .map((exam) => ({ id: exam.id, title: exam.title, ...(exam.level ? { level: exam.level.toLowerCase() } : {}), timeLimitMinutes: exam.timeLimitMinutes, attemptsLeft: exam.attemptsLeft }))
}

/** The start page of a published paper, or null (unpublished or unknown). */
export async function getExamForCandidate({ user, paperId, now = new Date() }: { user: Candidate; paperId: string; now?: Date }) {
  await settleExpiredAttempts({ userId: user.id, paperId, now })
  const db = getDb()
  const paper = await db.examPaper.findFirst({ where: { id: paperId, publishedAt: { not: null } }, select: paperPolicySelect })
  if (!paper) return null
  const [attempts, held] = await Promise.all([
    db.examAttempt.findMany({ where: { userId: user.id, paperId }, orderBy: { startedAt: 'desc' }, select: attemptSummarySelect }),
    heldLevels({ userId: user.id, now }),
  ])
  const rules = parseDrawRules(paper.drawRules)
  const fixedCount = await db.examPaperQuestion.count({ where: { paperId, question: { retiredAt: null } } })
  const { drawRules: _rules, ...shown } = paper
  return {
    paper: { ...shown, level: paper.level as Level | null, questionCount: fixedCount + rules.reduce((sum, rule) => sum + rule.count, 0) },
    standing: standing(paper, attempts, held, now),
    attempts,
  }
}

export type StartOutcome =
  | { ok: true; resumed: boolean; attemptId: string }
  | { ok: false; reason: 'not-found' | 'no-attempts-left' | 'bank-too-small' }
  | { ok: false; reason: 'prerequisite'; requiredLevel: Level }
  | { ok: false; reason: 'cooldown'; retryAt: Date }

/**
 * Starts an attempt, or returns the one already running (resume). One transaction per candidate
 * and paper (an advisory lock), so a double click cannot start two or exceed the limit.
 */
// A burst of starts queues for a connection (Prisma gives up after 2 s by default) rather than failing.
const BURST_TOLERANT = { maxWait: 15_000, timeout: 15_000 }

export async function startAttempt({ user, paperId, now = new Date(), seed = newSeed() }: { user: Candidate; paperId: string; now?: Date; seed?: number }): Promise<StartOutcome> {
  await settleExpiredAttempts({ userId: user.id, paperId, now })
  const db = getDb()
  // The paper and its bank are read before the transaction: a room of candidates starting at the
  // same minute then holds each connection only for the short check-and-insert below.
  const paper = await db.examPaper.findFirst({ where: { id: paperId, publishedAt: { not: null } }, select: paperPolicySelect })
  if (!paper) return { ok: false, reason: 'not-found' }
  const drawRules = parseDrawRules(paper.drawRules)
  const bank = await loadPaperBank(db, { id: paper.id, drawRules })
  return db.$transaction(async (tx): Promise<StartOutcome> => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`exam-attempt:${user.id}:${paperId}`}))`
    const attempts = await tx.examAttempt.findMany({ where: { userId: user.id, paperId }, select: attemptSummarySelect })
    const state = standing(paper, attempts, await heldLevels({ userId: user.id, now, db: tx }), now)
    if (state.running) return { ok: true, resumed: true, attemptId: state.running.id }
    if (!state.prerequisiteMet) return { ok: false, reason: 'prerequisite', requiredLevel: state.requiredLevel! }
    if (state.attemptsLeft === 0) return { ok: false, reason: 'no-attempts-left' }
    if (state.cooldownUntil) return { ok: false, reason: 'cooldown', retryAt: state.cooldownUntil }
    const { questions, shortfalls } = drawQuestions({ seed, rules: drawRules, ...bank })
    if (questions.length === 0 || shortfalls.length > 0) return { ok: false, reason: 'bank-too-small' }
    const attempt = await tx.examAttempt.create({
      data: {
        paperId,
        userId: user.id,
        seed,
        startedAt: now,
        deadline: new Date(now.getTime() + paper.timeLimitMinutes * 60_000),
        questions,
        level: paper.level,
        position: paper.position,
        passPercent: paper.passPercent,
        partialCredit: paper.partialCredit,
        showAnswers: paper.showAnswers,
        maxPoints: questions.length,
      },
      select: { id: true },
    })
    return { ok: true, resumed: false, attemptId: attempt.id }
  }, BURST_TOLERANT)
}

const attemptSelect = {
  ...attemptSummarySelect,
  paper: { select: { id: true, title: true, timeLimitMinutes: true } },
  questions: true,
  level: true,
  passPercent: true,
  partialCredit: true,
  showAnswers: true,
  points: true,
  maxPoints: true,
  results: true,
  answers: { select: { questionId: true, optionIds: true } },
  certification: { select: { level: true, expiresAt: true } },
} satisfies Prisma.ExamAttemptSelect
type AttemptRow = Prisma.ExamAttemptGetPayload<{ select: typeof attemptSelect }>

const answerMap = (row: AttemptRow) => Object.fromEntries(row.answers.map((answer) => [answer.questionId, answer.optionIds]))

/** A running attempt: its questions without answers, what was saved, and the server's deadline. */
function openView(row: AttemptRow) {
  return {
    state: 'open' as const,
    id: row.id,
    paper: row.paper,
    startedAt: row.startedAt,
    deadline: row.deadline,
    questions: (row.questions as SnapshotQuestion[]).map(toCandidateQuestion),
    answers: answerMap(row),
  }
}
export type OpenAttemptView = ReturnType<typeof openView>

/** A finished attempt: the score, and the review (answers, explanations) only where the paper shows it. */
function resultView(row: AttemptRow, reviewAllowed: boolean) {
  const answers = answerMap(row)
  const results = (row.results ?? {}) as Record<string, number>
  const questions = row.questions as SnapshotQuestion[]
  return {
    state: 'finished' as const,
    id: row.id,
    paper: row.paper,
    status: row.status as 'SUBMITTED' | 'EXPIRED',
    startedAt: row.startedAt,
    deadline: row.deadline,
    finishedAt: row.finishedAt,
    score: row.score ?? 0,
    points: row.points ?? 0,
    maxPoints: row.maxPoints,
    passPercent: row.passPercent,
    passed: row.passed ?? false,
    level: row.level as Level | null,
    certification: row.certification ? { level: row.certification.level as Level, expiresAt: row.certification.expiresAt } : null,
    answered: questions.filter((question) => (answers[question.id] ?? []).length > 0).length,
    reviewPolicy: row.showAnswers ? (reviewAllowed ? ('shown' as const) : ('held-back' as const)) : ('hidden' as const),
    review:
      row.showAnswers && reviewAllowed
        ? questions.map(({ stemImageId, ...question }) => ({
            ...question,
            stemImageUrl: imageUrl(stemImageId),
            options: question.options.map(({ imageId, ...option }) => ({ ...option, imageUrl: imageUrl(imageId) })),
            chosen: answers[question.id] ?? [],
            points: results[question.id] ?? 0,
          }))
        : null,
  }
}
/** With the courses its level still waits for, when a passed exam has not granted it yet. */
export type AttemptResultView = ReturnType<typeof resultView> & { coursesRequired: Array<{ id: string; title: string }> }

async function loadOwnAttempt(db: Tx, { user, attemptId }: { user: Candidate; attemptId: string }) {
  return db.examAttempt.findFirst({ where: { id: attemptId, userId: user.id }, select: attemptSelect })
}

/** The candidate's own attempt (anyone else's is null), expired ones graded first. */
export async function getAttempt({ user, attemptId, now = new Date() }: { user: Candidate; attemptId: string; now?: Date }) {
  await settleExpiredAttempts({ userId: user.id, attemptId, now })
  const db = getDb()
  const row = await loadOwnAttempt(db, { user, attemptId })
  if (!row) return null
  if (row.status === 'IN_PROGRESS') return openView(row)
  // While another attempt at the same paper runs, no answers of this one are shown.
  const runningSibling = await db.examAttempt.count({ where: { userId: user.id, paperId: row.paperId, status: 'IN_PROGRESS', id: { not: row.id } } })
  const view = resultView(row, runningSibling === 0)
  const coursesRequired = view.passed && view.level && !view.certification ? await coursesStillRequired({ userId: user.id, level: view.level }) : []
  return { ...view, coursesRequired }
}

/** The candidate's attempts, newest first, expired ones graded first. */
export async function listMyAttempts({ user, now = new Date(), take = 50 }: { user: Candidate; now?: Date; take?: number }) {
  await settleExpiredAttempts({ userId: user.id, now })
  return getDb().examAttempt.findMany({
    where: { userId: user.id },
    orderBy: { startedAt: 'desc' },
    take,
    select: { ...attemptSummarySelect, level: true, paper: { select: { id: true, title: true } } },
  })
}

function invalidAnswer(questions: SnapshotQuestion[], answer: AnswerInput) {
  const question = questions.find((candidate) => candidate.id === answer.questionId)
  if (!question) return 'unknown question'
  const known = new Set(question.options.map((option) => option.id))
  if (answer.optionIds.some((id) => !known.has(id))) return 'unknown option'
  if (new Set(answer.optionIds).size !== answer.optionIds.length) return 'an option is given twice'
  if (question.kind !== 'MULTIPLE' && answer.optionIds.length > 1) return 'this question takes one option'
  return null
}

export type SaveOutcome =
  | { ok: true; savedAt: Date }
  | { ok: false; reason: 'not-found' }
  | { ok: false; reason: 'invalid'; error: string }
  | { ok: false; reason: 'closed'; status: 'SUBMITTED' | 'EXPIRED' }

/**
 * What never changes once an attempt has started, whose it is and its questions, kept in memory
 * for the autosave (every few seconds per candidate): a save is then one statement. Being
 * immutable, it stays right on every node; status and deadline are always read in that statement.
 */
const attemptSnapshots = new Map<string, { userId: string; questions: SnapshotQuestion[] }>()
const MAX_SNAPSHOTS = 20_000

async function attemptSnapshot(attemptId: string) {
  const cached = attemptSnapshots.get(attemptId)
  if (cached) return { ...cached, status: 'IN_PROGRESS' as const }
  const attempt = await getDb().examAttempt.findUnique({ where: { id: attemptId }, select: { userId: true, status: true, questions: true } })
  if (!attempt) return null
  const snapshot = { userId: attempt.userId, questions: attempt.questions as SnapshotQuestion[] }
  if (attempt.status === 'IN_PROGRESS') {
    // Oldest first out: Map keeps insertion order.
    if (attemptSnapshots.size >= MAX_SNAPSHOTS) attemptSnapshots.delete(attemptSnapshots.keys().next().value!)
    attemptSnapshots.set(attemptId, snapshot)
  }
  return { ...snapshot, status: attempt.status }
}

/**
 * Autosave of one question's choice. The write re-checks, in the same statement, that the
 * attempt is the caller's, still open and within its deadline, and waits for a submit holding
 * its row lock, so no answer lands after grading.
 */
export async function saveAnswer({ user, attemptId, answer, now = new Date() }: { user: Candidate; attemptId: string; answer: AnswerInput; now?: Date }): Promise<SaveOutcome> {
  const db = getDb()
  const attempt = await attemptSnapshot(attemptId)
  if (!attempt || attempt.userId !== user.id) return { ok: false, reason: 'not-found' }
  if (attempt.status !== 'IN_PROGRESS') return { ok: false, reason: 'closed', status: attempt.status }
  const invalid = invalidAnswer(attempt.questions, answer)
  if (invalid) return { ok: false, reason: 'invalid', error: invalid }
  const at = now.getTime()
  // On the plain pool: Prisma would compile the statement on the event loop for every save.
  const written = await executeStatement(Prisma.sql`
    INSERT INTO "ExamAnswer" ("attemptId", "questionId", "optionIds", "savedAt")
    SELECT a.id, ${answer.questionId}, ${answer.optionIds}::text[], to_timestamp(${at}::double precision / 1000) AT TIME ZONE 'UTC'
    FROM "ExamAttempt" a
    WHERE a.id = ${attemptId} AND a."userId" = ${user.id} AND a.status = 'IN_PROGRESS'
      AND a.deadline > to_timestamp(${at}::double precision / 1000) AT TIME ZONE 'UTC'
    FOR SHARE OF a
    ON CONFLICT ("attemptId", "questionId") DO UPDATE SET "optionIds" = EXCLUDED."optionIds", "savedAt" = EXCLUDED."savedAt"`)
  if (written === 1) return { ok: true, savedAt: now }
  attemptSnapshots.delete(attemptId)
  await settleExpiredAttempts({ attemptId, now })
  const after = await db.examAttempt.findUniqueOrThrow({ where: { id: attemptId }, select: { status: true } })
  return { ok: false, reason: 'closed', status: after.status === 'SUBMITTED' ? 'SUBMITTED' : 'EXPIRED' }
}

export type SubmitOutcome =
  | { ok: true; result: AttemptResultView }
  | { ok: false; reason: 'not-found' }
  | { ok: false; reason: 'invalid'; error: string }
  | { ok: false; reason: 'closed'; status: 'SUBMITTED' | 'EXPIRED'; result: AttemptResultView }

/**
 * Submits and grades. The page sends the answers it shows (a save may still be in flight); they
 * are written under the same lock as the grading. After the deadline the submit is refused and
 * the attempt is graded as it stood at the deadline.
 */
export async function submitAttempt({ user, attemptId, answers, now = new Date() }: { user: Candidate; attemptId: string; answers?: Record<string, string[]>; now?: Date }): Promise<SubmitOutcome> {
  const db = getDb()
  const outcome = await db.$transaction(async (tx) => {
    const row = await loadOwnAttempt(tx, { user, attemptId })
    if (!row) return { kind: 'not-found' as const }
    if (row.status === 'IN_PROGRESS' && row.deadline > now && answers) {
      const questions = row.questions as SnapshotQuestion[]
      const saved = answerMap(row)
      for (const [questionId, optionIds] of Object.entries(answers)) {
        const invalid = invalidAnswer(questions, { questionId, optionIds })
        if (invalid) return { kind: 'invalid' as const, error: invalid }
      }
      // Lock first, so no autosave of this attempt slips in between these writes and the grading.
      await tx.$queryRaw`SELECT id FROM "ExamAttempt" WHERE id = ${attemptId} FOR UPDATE`
      for (const [questionId, optionIds] of Object.entries(answers)) {
        if (JSON.stringify(saved[questionId] ?? []) === JSON.stringify(optionIds)) continue
        await tx.examAnswer.upsert({
          where: { attemptId_questionId: { attemptId, questionId } },
          create: { attemptId, questionId, optionIds, savedAt: now },
          update: { optionIds, savedAt: now },
          select: { questionId: true },
        })
      }
    }
    return { kind: 'closed' as const, closedAs: await closeAttempt(tx, { attemptId, status: 'SUBMITTED', now }) }
  })
  if (outcome.kind === 'not-found') return { ok: false, reason: 'not-found' }
  if (outcome.kind === 'invalid') return { ok: false, reason: 'invalid', error: outcome.error }
  attemptSnapshots.delete(attemptId)
  const result = await getAttempt({ user, attemptId, now })
  if (!result || result.state !== 'finished') throw new Error(`attempt ${attemptId} did not close`)
  if (outcome.closedAs === 'SUBMITTED') return { ok: true, result }
  return { ok: false, reason: 'closed', status: result.status, result }
}

/** The JSON of a graded attempt (`POST /api/attempts/:id/submit`). */
export function toApiResult(result: AttemptResultView) {
  return {
    attemptId: result.id,
    status: result.status.toLowerCase(),
    score: result.score,
    passed: result.passed,
    points: result.points,
    maxPoints: result.maxPoints,
    passPercent: result.passPercent,
    finishedAt: result.finishedAt?.toISOString() ?? null,
    certification: result.certification ? { level: result.certification.level.toLowerCase(), expiresAt: result.certification.expiresAt.toISOString() } : null,
  }
}

/** The JSON of a running attempt (`POST /api/exams/:id/attempts`): nothing in it tells the answers. */
export function toApiAttempt(view: OpenAttemptView) {
  return {
    attemptId: view.id,
    deadline: view.deadline.toISOString(),
    questions: view.questions.map((question) => ({ ...question, kind: question.kind.toLowerCase() })),
    answers: view.answers,
  }
}
