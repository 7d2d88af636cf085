import type { Prisma } from '~/generated/prisma/client'
import { getDb } from '~/utils/db.server'
import { grantCertification, grantPositionCertificate } from './certification.server'
import type { SnapshotQuestion } from './draw'
import { gradeAttempt } from './grading'
import type { Level, Position } from './levels'

type Tx = Prisma.TransactionClient
type Closing = 'SUBMITTED' | 'EXPIRED'

/**
 * Grades an open attempt under a row lock, so a submit, an expiry sweep and a late autosave
 * cannot interleave. A submit that arrives after the deadline closes it as expired instead
 * (graded with what was saved in time, finished at the deadline). Passing a levelled paper
 * grants the level (or a position paper its certificate) in the same transaction. Returns how it closed, or null when it was not open.
 */
export async function closeAttempt(tx: Tx, { attemptId, status, now }: { attemptId: string; status: Closing; now: Date }): Promise<Closing | null> {
  const [locked] = await tx.$queryRaw<Array<{ status: string }>>`SELECT status::text AS status FROM "ExamAttempt" WHERE id = ${attemptId} FOR UPDATE`
  if (locked?.status !== 'IN_PROGRESS') return null
  const attempt = await tx.examAttempt.findUniqueOrThrow({
    where: { id: attemptId },
    select: { userId: true, questions: true, partialCredit: true, passPercent: true, level: true, position: true, deadline: true },
  })
  const expired = attempt.deadline.getTime() <= now.getTime()
  if (status === 'EXPIRED' && !expired) return null
  const closing: Closing = expired ? 'EXPIRED' : 'SUBMITTED'
  const saved = await tx.examAnswer.findMany({ where: { attemptId }, select: { questionId: true, optionIds: true } })
  const grade = gradeAttempt({
    questions: attempt.questions as SnapshotQuestion[],
    answers: Object.fromEntries(saved.map((answer) => [answer.questionId, answer.optionIds])),
    partialCredit: attempt.partialCredit,
    passPercent: attempt.passPercent,
  })
  const finishedAt = expired ? attempt.deadline : now
  await tx.examAttempt.update({
    where: { id: attemptId },
    data: { status: closing, finishedAt, points: grade.points, score: grade.score, passed: grade.passed, results: grade.results },
    select: { id: true },
  })
  if (grade.passed && attempt.level) await grantCertification(tx, { userId: attempt.userId, level: attempt.level as Level, attemptId, grantedAt: finishedAt })
  if (grade.passed && attempt.position) await grantPositionCertificate(tx, { userId: attempt.userId, position: attempt.position as Position, attemptId, grantedAt: finishedAt })
  return closing
}

/**
 * Attempts left open past their deadline are graded when they are next read: whenever an
 * attempt, a candidate's list or a paper's results are loaded (the clock needs no browser).
 */
export async function settleExpiredAttempts({ userId, paperId, attemptId, now = new Date() }: { userId?: string; paperId?: string; attemptId?: string; now?: Date }) {
  const db = getDb()
  const due = await db.examAttempt.findMany({
    where: { status: 'IN_PROGRESS', deadline: { lte: now }, ...(userId ? { userId } : {}), ...(paperId ? { paperId } : {}), ...(attemptId ? { id: attemptId } : {}) },
    select: { id: true },
    take: 500,
  })
  for (const { id } of due) await db.$transaction((tx) => closeAttempt(tx, { attemptId: id, status: 'EXPIRED', now }))
  return due.length
}
