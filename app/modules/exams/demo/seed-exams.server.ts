import { getDb } from '~/utils/db.server'
import { questionData } from '../questions.server'
import { TRUE_FALSE_TEXTS, questionInputSchema, type QuestionInput } from '../schema'
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

/**
 * The demo bank (49 questions over the seven systems) and three published papers: the
 * technician exam (open to every technician), the senior technician exam (needs the
 * technician level) and an EV safety practice test, all by the demo trainer. Idempotent: does
 * nothing once that trainer has written any question or paper, or without the demo trainer.
 */
export async function seedDemoExams({ log, trainerEmail = 'trainer@gtac.test' }: { log: (line: string) => void; trainerEmail?: string }) {
  const db = getDb()
  const trainer = await db.user.findUnique({ where: { email: trainerEmail }, select: { id: true } })
  if (!trainer) return
  const [questions, papers] = await Promise.all([db.question.count({ where: { createdById: trainer.id } }), db.examPaper.count({ where: { createdById: trainer.id } })])
  if (questions + papers > 0) return
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
        title: '技师认证考试 Senior technician certification',
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
        title: '新能源高压安全练习 EV high-voltage safety practice',
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
