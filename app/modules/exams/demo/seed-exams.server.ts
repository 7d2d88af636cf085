import crypto from 'node:crypto'
import { getDb } from '~/utils/db.server'
import { hashPassword } from '~/utils/password.server'
import { expiryOf, type Level } from '../levels'
import { loadPaperBank, parseDrawRules } from '../papers.server'
import { questionData } from '../questions.server'
import { TRUE_FALSE_TEXTS, questionInputSchema, type QuestionInput } from '../schema'
import { generateDemoAttempts, type DemoPaper } from './demo-attempts'
import { demoQuestions, type DemoQuestion } from './demo-questions'

const bilingual = ([zh, en]: [string, string], separator: string) => `${zh}${separator}${en}`

export function demoQuestionInput(question: DemoQuestion): QuestionInput {
  const options =
    question.kind === 'TRUE_FALSE'
      ? TRUE_FALSE_TEXTS.map((text, index) => ({ text, correct: index === (question.answer ? 0 : 1) }))
      : (question.options ?? []).map(([zh, en, right]) => ({ text: `${zh} / ${en}`, correct: Boolean(right) }))
  return questionInputSchema.parse({
    kind: question.kind,
    stem: bilingual(question.stem, '\n'),
    options,
    explanation: question.explanation ? bilingual(question.explanation, '\n') : undefined,
    systemCode: question.system,
    difficulty: question.difficulty,
    level: question.level,
  })
}

export const DEMO_TECHNICIAN_EXAM = '技术员认证考试 Technician certification'
const DEMO_SENIOR_EXAM = '技师认证考试 Senior technician certification'
const DEMO_PRACTICE_EXAM = '新能源高压安全练习 EV high-voltage safety practice'

/**
 * The demo bank (49 questions over the seven systems) and three published papers: the
 * technician exam (open to every technician), the senior technician exam (needs the
 * technician level) and an EV safety practice test, all by the demo trainer; then demo
 * candidates who have taken them (seedDemoAttempts). Idempotent: the bank and papers are not
 * written again once that trainer has written any question or paper; nothing without the demo trainer.
 */
export async function seedDemoExams({ log, trainerEmail = 'trainer@gtac.test' }: { log: (line: string) => void; trainerEmail?: string }) {
  const db = getDb()
  const trainer = await db.user.findUnique({ where: { email: trainerEmail }, select: { id: true } })
  if (!trainer) return
  const [questions, papers] = await Promise.all([db.question.count({ where: { createdById: trainer.id } }), db.examPaper.count({ where: { createdById: trainer.id } })])
  if (questions + papers === 0) await seedBankAndPapers({ log, trainer })
  await seedDemoAttempts({ log })
}

async function seedBankAndPapers({ log, trainer }: { log: (line: string) => void; trainer: { id: string } }) {
  const db = getDb()
  await db.$transaction(async (tx) => {
    const created = []
    for (const question of demoQuestions) {
      created.push(await tx.question.create({ data: { ...questionData(demoQuestionInput(question)), createdById: trainer.id }, select: { id: true, systemCode: true } }))
    }
    const now = new Date()
    const paper = { createdById: trainer.id, publishedAt: now }
    await tx.examPaper.create({
      data: {
        ...paper,
        title: DEMO_TECHNICIAN_EXAM,
        description: '覆盖七大系统的基础知识，10 题，30 分钟，70 分及格。通过后取得「技术员」等级。\nBasics of all seven systems: 10 questions, 30 minutes, pass mark 70%. Passing grants the Technician level.',
        level: 'TECHNICIAN',
        timeLimitMinutes: 30,
        passPercent: 70,
        maxAttempts: 3,
        cooldownMinutes: 60,
        partialCredit: true,
        showAnswers: true,
        drawRules: [
          { systemCode: 'engine', level: 'TECHNICIAN', count: 2 },
          { systemCode: 'transmission', level: 'TECHNICIAN', count: 1 },
          { systemCode: 'electrical', level: 'TECHNICIAN', count: 2 },
          { systemCode: 'chassis', level: 'TECHNICIAN', count: 2 },
          { systemCode: 'body', level: 'TECHNICIAN', count: 1 },
          { systemCode: 'hvac', level: 'TECHNICIAN', count: 1 },
          { systemCode: 'ev', level: 'TECHNICIAN', count: 1 },
        ],
      },
    })
    await tx.examPaper.create({
      data: {
        ...paper,
        title: DEMO_SENIOR_EXAM,
        description: '诊断与系统原理，8 题，45 分钟，75 分及格；需先取得「技术员」等级。\nDiagnosis and system theory: 8 questions, 45 minutes, pass mark 75%; needs the Technician level.',
        level: 'SENIOR_TECHNICIAN',
        timeLimitMinutes: 45,
        passPercent: 75,
        maxAttempts: 3,
        cooldownMinutes: 24 * 60,
        partialCredit: false,
        showAnswers: false,
        drawRules: [{ level: 'SENIOR_TECHNICIAN', count: 8 }],
      },
    })
    const practice = await tx.examPaper.create({
      data: {
        ...paper,
        title: DEMO_PRACTICE_EXAM,
        description: '练习用，不授予等级。\nFor practice; grants no level.',
        timeLimitMinutes: 10,
        passPercent: 60,
        maxAttempts: 10,
        cooldownMinutes: 0,
        partialCredit: true,
        showAnswers: true,
      },
      select: { id: true },
    })
    await tx.examPaperQuestion.createMany({
      data: created.filter((question) => question.systemCode === 'ev').map((question, position) => ({ paperId: practice.id, questionId: question.id, position })),
    })
  })
  log(`Demo data: ${demoQuestions.length} exam questions and 3 exams`)
}

// Ten candidates per demo station; `ability` makes some stations (and regions) do better than others.
const STATION_ABILITY: Record<string, number> = { BJ001: 0.35, SH002: 0.7, GZ003: -0.1, CD004: -0.45 }
const CANDIDATES_PER_STATION = 10
const SURNAMES: Array<[string, string]> = [['周', 'Zhou'], ['吴', 'Wu'], ['郑', 'Zheng'], ['冯', 'Feng'], ['何', 'He'], ['高', 'Gao'], ['林', 'Lin'], ['罗', 'Luo'], ['梁', 'Liang'], ['宋', 'Song']]
const GIVEN_NAMES: Array<[string, string]> = [['伟', 'Wei'], ['强', 'Qiang'], ['磊', 'Lei'], ['军', 'Jun']]
const candidateEmail = (index: number) => `candidate${String(index + 1).padStart(2, '0')}@gtac.test`

async function demoPaper(title: string): Promise<DemoPaper | null> {
  const db = getDb()
  const paper = await db.examPaper.findFirst({
    where: { title },
    select: { id: true, level: true, timeLimitMinutes: true, passPercent: true, partialCredit: true, showAnswers: true, drawRules: true },
  })
  if (!paper) return null
  const drawRules = parseDrawRules(paper.drawRules)
  return { ...paper, level: paper.level as Level | null, drawRules, ...(await loadPaperBank(db, { id: paper.id, drawRules })) }
}

/**
 * Forty demo technicians (candidate01–40@gtac.test, password as the other demo accounts) over the
 * four demo stations, with six months of finished attempts at the three demo exams, so the exam
 * analytics have something to show. Bulk inserts, one transaction; idempotent (nothing once the
 * first candidate exists, or without the demo stations and papers).
 */
async function seedDemoAttempts({ log, now = new Date() }: { log: (line: string) => void; now?: Date }) {
  const db = getDb()
  if (await db.user.findUnique({ where: { email: candidateEmail(0) }, select: { id: true } })) return
  const stations = await db.station.findMany({ where: { code: { in: Object.keys(STATION_ABILITY) } }, orderBy: { code: 'asc' }, select: { id: true, code: true } })
  const [technician, senior, practice] = await Promise.all([demoPaper(DEMO_TECHNICIAN_EXAM), demoPaper(DEMO_SENIOR_EXAM), demoPaper(DEMO_PRACTICE_EXAM)])
  if (stations.length === 0 || !technician || !senior || !practice) return
  // The demo accounts' password (runtime/seed.server.ts DEMO_PASSWORD, a floor above this module).
  const passwordHash = await hashPassword('gtac-demo')
  const users = Array.from({ length: stations.length * CANDIDATES_PER_STATION }, (_, index) => {
    const station = stations[index % stations.length]
    const [surname, given] = [SURNAMES[index % SURNAMES.length], GIVEN_NAMES[Math.floor(index / SURNAMES.length) % GIVEN_NAMES.length]]
    return { id: crypto.randomUUID(), email: candidateEmail(index), name: `${surname[0]}${given[0]} ${given[1]} ${surname[1]} (technician)`, passwordHash, role: 'TECHNICIAN' as const, stationId: station.id, station }
  })
  // Two practice questions misbehave: one everybody gets right, one the strong candidates get wrong.
  const [easy, misleading] = [...practice.fixed].sort((a, b) => a.stem.localeCompare(b.stem))
  const quirks = new Map([
    ...(easy ? [[easy.id, { difficulty: -5, discrimination: 1 }] as const] : []),
    ...(misleading ? [[misleading.id, { difficulty: 0, discrimination: -1.6 }] as const] : []),
  ])
  const { sittings, certifications } = generateDemoAttempts({
    candidates: users.map((user) => ({ id: user.id, stationAbility: STATION_ABILITY[user.station.code] ?? 0 })),
    technician,
    senior,
    practice,
    quirks,
    now,
  })
  await db.$transaction([
    db.user.createMany({ data: users.map(({ station: _station, ...user }) => user) }),
    db.examAttempt.createMany({ data: sittings.map((sitting) => sitting.attempt) }),
    db.examAnswer.createMany({ data: sittings.flatMap((sitting) => sitting.answers.map((answer) => ({ ...answer, attemptId: sitting.attempt.id }))) }),
    db.certification.createMany({ data: certifications.map((row) => ({ ...row, expiresAt: expiryOf(row.grantedAt) })) }),
  ])
  log(`Demo data: ${users.length} exam candidates with ${sittings.length} finished attempts`)
}
