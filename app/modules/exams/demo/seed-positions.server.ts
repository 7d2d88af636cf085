import { getDb } from '~/utils/db.server'
import { expiryOf } from '../levels'

export const DEMO_POSITION_EXAM = '服务顾问岗位认证 Service advisor certification'

const DAY = 86_400_000

/**
 * A published key-position exam, and a few position certificates held at the demo stations (one
 * running out soon), so the coverage report shows covered positions, gaps and a coming gap.
 * Idempotent: does nothing once a position exam or certificate exists, or without the demo accounts.
 */
export async function seedDemoPositions({ log, now = new Date() }: { log: (line: string) => void; now?: Date }) {
  const db = getDb()
  const [papers, certificates] = await Promise.all([db.examPaper.count({ where: { position: { not: null } } }), db.positionCertificate.count()])
  if (papers + certificates > 0) return
  const people = await db.user.findMany({ where: { email: { in: ['trainer@gtac.test', 'manager@gtac.test', 'tech2@gtac.test'] } }, select: { id: true, email: true } })
  const id = (email: string) => people.find((person) => person.email === email)?.id
  const [trainer, manager, tech2] = [id('trainer@gtac.test'), id('manager@gtac.test'), id('tech2@gtac.test')]
  if (!trainer || !manager || !tech2) return
  const granted = (daysAgo: number) => new Date(now.getTime() - daysAgo * DAY)
  await db.$transaction([
    db.examPaper.create({
      data: {
        title: DEMO_POSITION_EXAM,
        description: '接车问诊、保修政策与客户沟通，8 题，20 分钟，75 分及格。通过后取得「服务顾问」岗位证书。\nReception, warranty rules and customer care: 8 questions, 20 minutes, pass mark 75%. Passing grants the Service advisor certificate.',
        position: 'SERVICE_ADVISOR',
        timeLimitMinutes: 20,
        passPercent: 75,
        maxAttempts: 3,
        cooldownMinutes: 60,
        drawRules: [{ level: 'TECHNICIAN', count: 8 }],
        createdById: trainer,
        publishedAt: now,
      },
      select: { id: true },
    }),
    db.positionCertificate.createMany({
      data: [
        { userId: manager, position: 'STATION_MANAGER', grantedAt: granted(400), expiresAt: expiryOf(granted(400)) },
        { userId: manager, position: 'TECHNICAL_DIRECTOR', grantedAt: granted(200), expiresAt: expiryOf(granted(200)) },
        // Granted almost three years ago: it runs out within the report's warning window.
        { userId: tech2, position: 'SERVICE_ADVISOR', grantedAt: granted(3 * 365 - 40), expiresAt: new Date(now.getTime() + 40 * DAY) },
      ],
    }),
  ])
  log('Demo data: a key-position exam and 3 position certificates')
}
