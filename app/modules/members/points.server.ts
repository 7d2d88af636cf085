import { solvedRequestCounts } from '~/modules/assistance/assistance.server'
import { caseContributions } from '~/modules/cases/case.server'
import { acceptedAnswerCounts } from '~/modules/forum/contributions.server'
import { getDb } from '~/utils/db.server'
import { POINTS } from './points'


export type Contributions = { approvedCases: number; classicCases: number; confirmedFixes: number; solvedRequests: number; acceptedAnswers: number; points: number }

const NONE: Contributions = { approvedCases: 0, classicCases: 0, confirmedFixes: 0, solvedRequests: 0, acceptedAnswers: 0, points: 0 }

/** Contributions and points per user (all users, or the ones given). */
export async function contributionsByUser(userIds?: string[]) {
  const [cases, solved, accepted] = await Promise.all([caseContributions(userIds), solvedRequestCounts(userIds), acceptedAnswerCounts(userIds)])
  const byUser = new Map<string, Contributions>()
  const entry = (userId: string) => byUser.get(userId) ?? { ...NONE }
  for (const row of cases) byUser.set(row.userId, { ...entry(row.userId), approvedCases: row.approved, classicCases: row.classic, confirmedFixes: row.confirmations })
  for (const row of solved) byUser.set(row.userId, { ...entry(row.userId), solvedRequests: row.solved })
  for (const row of accepted) byUser.set(row.userId, { ...entry(row.userId), acceptedAnswers: row.accepted })
  for (const [userId, counts] of byUser) {
    byUser.set(userId, {
      ...counts,
      points: counts.approvedCases * POINTS.approvedCase + counts.classicCases * POINTS.classicCase + counts.confirmedFixes * POINTS.confirmedFix + counts.solvedRequests * POINTS.solvedRequest + counts.acceptedAnswers * POINTS.acceptedAnswer,
    })
  }
  return byUser
}

export async function contributionsOf(userId: string) {
  return (await contributionsByUser([userId])).get(userId) ?? { ...NONE }
}

/** The top of the national list, and of one station's, by points. */
export async function leaderboards({ stationId, size = 10 }: { stationId: string | null; size?: number }) {
  const all = [...(await contributionsByUser()).entries()].filter(([, counts]) => counts.points > 0).sort((a, b) => b[1].points - a[1].points)
  const users = await getDb().user.findMany({
    where: { id: { in: all.map(([userId]) => userId) } },
    select: { id: true, name: true, stationId: true, station: { select: { code: true, name: true } } },
  })
  const ranked = all.flatMap(([userId, counts]) => {
    const user = users.find((candidate) => candidate.id === userId)
    return user ? [{ userId, name: user.name, stationId: user.stationId, station: user.station?.code ?? null, points: counts.points }] : []
  })
  return {
    national: ranked.slice(0, size),
    station: stationId ? ranked.filter((row) => row.stationId === stationId).slice(0, size) : [],
  }
}
