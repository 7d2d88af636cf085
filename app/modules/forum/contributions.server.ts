import { getDb } from '~/utils/db.server'

/** Questions about a model asked since a date, as fault reports for field-issue detection (the asker's station). */
export async function questionFaultReports({ since }: { since: Date }) {
  const questions = await getDb().forumQuestion.findMany({
    where: { createdAt: { gte: since }, modelId: { not: null } },
    select: { id: true, title: true, bodyText: true, modelId: true, systemCode: true, dtcs: true, createdAt: true, author: { select: { stationId: true } } },
  })
  return questions.map((question) => ({
    kind: 'question' as const,
    id: question.id,
    title: question.title,
    text: `${question.title} ${question.bodyText}`,
    link: `/forum/${question.id}`,
    modelId: question.modelId!,
    systemCode: question.systemCode,
    dtcs: question.dtcs,
    stationId: question.author.stationId,
    createdAt: question.createdAt,
  }))
}

/** Per author: their answers that were accepted. */
export async function acceptedAnswerCounts(userIds?: string[]) {
  const rows = await getDb().forumAnswer.groupBy({
    by: ['authorId'],
    where: { acceptedFor: { isNot: null }, ...(userIds ? { authorId: { in: userIds } } : {}) },
    _count: { _all: true },
  })
  return rows.map((row) => ({ userId: row.authorId, accepted: row._count._all }))
}

/** A member's latest questions and answers, for their member center. */
export async function listPostsOfPerson({ userId, take = 20 }: { userId: string; take?: number }) {
  const db = getDb()
  const [questions, answers] = await Promise.all([
    db.forumQuestion.findMany({ where: { authorId: userId }, select: { id: true, title: true, answerCount: true, solvedAt: true, createdAt: true }, orderBy: { createdAt: 'desc' }, take }),
    db.forumAnswer.findMany({
      where: { authorId: userId },
      select: { id: true, createdAt: true, acceptedFor: { select: { id: true } }, question: { select: { id: true, title: true } } },
      orderBy: { createdAt: 'desc' },
      take,
    }),
  ])
  return {
    questions: questions.map(({ solvedAt, ...question }) => ({ ...question, solved: solvedAt !== null })),
    answers: answers.map(({ acceptedFor, ...answer }) => ({ ...answer, accepted: acceptedFor !== null })),
  }
}
