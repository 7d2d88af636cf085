import { plainTextToDoc, richDocToHtml, richDocToText } from '~/editor/rich-text.server'
import type { Prisma } from '~/generated/prisma/client'
import { getFileStorage } from '~/modules/files/file-storage.server'
import { getDb } from '~/utils/db.server'
import { monthOf, previousMonth } from '../compliance'
import { textPdf } from './demo-pdf'

export const DEMO_COURSE = '新技术员入门：安全与诊断基础 Technician onboarding'

const textLesson = (title: string, text: string) => {
  const body = plainTextToDoc(text)
  return { title, kind: 'TEXT' as const, body: body as Prisma.InputJsonValue, bodyHtml: richDocToHtml(body), bodyText: richDocToText(body) }
}

/**
 * One published course of four lessons (three texts and a PDF checklist) by the demo trainer,
 * open to all and assigned to every technician, so tech@gtac.test finds it under "my courses".
 * Idempotent: does nothing once that trainer has a course, or without the demo trainer.
 */
export async function seedDemoTraining({ log, trainerEmail = 'trainer@gtac.test' }: { log: (line: string) => void; trainerEmail?: string }) {
  const db = getDb()
  const trainer = await db.user.findUnique({ where: { email: trainerEmail }, select: { id: true } })
  if (!trainer || (await db.course.count({ where: { createdById: trainer.id } })) > 0) return
  const pdf = textPdf([
    'GTAC workshop safety checklist',
    '',
    '1. Wheel chocks in place, parking brake on.',
    '2. High-voltage vehicles: service plug removed, wait 10 minutes.',
    '3. Insulated gloves checked for leaks before use.',
    '4. Battery negative disconnected before airbag work.',
    '5. Lift arms on the marked points; check before raising.',
  ])
  const stored = await getFileStorage().put((async function* () { yield pdf })(), pdf.length)
  const course = await db.course.create({
    data: {
      title: DEMO_COURSE,
      description: '新入职技术员的第一门课：车间安全、诊断流程与故障码读取。约 20 分钟。\nThe first course for new technicians: workshop safety, the diagnostic routine and reading DTCs. About 20 minutes.',
      openToAll: true,
      publishedAt: new Date(),
      createdById: trainer.id,
      lessons: {
        create: [
          textLesson('车间安全 Workshop safety', '进入车间前穿戴好劳保用品：安全鞋、护目镜、手套。\nWear safety shoes, goggles and gloves in the workshop.\n举升车辆前确认支撑点；高压车辆维修前断开维修开关并等待 10 分钟。\nCheck the lifting points before raising a car; on high-voltage cars remove the service plug and wait 10 minutes.'),
          textLesson('诊断流程 The diagnostic routine', '1. 确认客户描述的故障现象。 Confirm the symptom the customer describes.\n2. 读取故障码和冻结帧。 Read the DTCs and freeze-frame data.\n3. 查阅维修案例和技术通报。 Search the repair cases and bulletins.\n4. 按步骤测试，找到根本原因。 Test step by step to the root cause.\n5. 修复后验证并清除故障码。 Verify the repair and clear the codes.'),
          textLesson('读懂故障码 Reading DTCs', '故障码由一个字母和四位数字组成：P 动力系统，B 车身，C 底盘，U 网络通信。\nA DTC is a letter and four digits: P powertrain, B body, C chassis, U network.\n例如 P0171 表示系统过稀（第 1 列）。 For example P0171 means system too lean (bank 1).'),
          { title: '安全检查表 Safety checklist (PDF)', kind: 'PDF' as const, fileKey: stored.key, fileName: 'safety-checklist.pdf', mimeType: 'application/pdf', sizeBytes: stored.sizeBytes },
        ].map((lesson, position) => ({ ...lesson, position })),
      },
      assignments: { create: [{ role: 'TECHNICIAN', createdById: trainer.id }] },
    },
    select: { id: true },
  })
  log(`Demo data: training course ${course.id} (4 lessons)`)
}

const DEMO_TOPICS = ['高压安全操作规范 High-voltage safety', '发动机怠速抖动诊断 Diagnosing a rough idle', '制动系统保养 Brake service', 'CAN 总线故障排查 Tracing CAN bus faults', '空调系统检漏 A/C leak testing']

/**
 * In-house training: a published plan for this month and the two before, and sessions at the two
 * demo stations with accounts (BJ001 complies two months ago and last month; SH002 two months
 * ago only; this month BJ001 has two sessions in a report not yet submitted). Idempotent: does
 * nothing once any plan exists, or without the demo trainer and manager.
 */
export async function seedDemoInhouseTraining({ log, now = new Date() }: { log: (line: string) => void; now?: Date }) {
  const db = getDb()
  const [trainer, stations] = await Promise.all([
    db.user.findUnique({ where: { email: 'trainer@gtac.test' }, select: { id: true } }),
    db.station.findMany({ where: { code: { in: ['BJ001', 'SH002'] } }, select: { id: true, code: true, users: { select: { id: true, role: true } } } }),
  ])
  const manager = stations.flatMap((station) => station.users).find((user) => user.role === 'STATION_MANAGER')
  if (!trainer || !manager || (await db.trainingPlan.count()) > 0) return
  const current = monthOf(now)
  // Sessions per station: [two months ago, last month, this month]; submitted except this month.
  const sessionsBy: Record<string, [number, number, number]> = { BJ001: [4, 4, 2], SH002: [4, 3, 0] }
  const months = [previousMonth(current, 2), previousMonth(current, 1), current]
  await db.$transaction(async (tx) => {
    for (const [index, month] of months.entries()) {
      const plan = await tx.trainingPlan.create({
        data: {
          month,
          title: '月度站内培训计划 Monthly in-house training',
          content: DEMO_TOPICS.slice(index, index + 3).join('\n'),
          publishedAt: new Date(`${month}-01T00:00:00Z`),
          createdById: trainer.id,
        },
        select: { id: true },
      })
      for (const station of stations) {
        const count = sessionsBy[station.code]?.[index] ?? 0
        if (count === 0) continue
        const submitted = month !== current
        await tx.stationTrainingReport.create({
          data: {
            planId: plan.id,
            stationId: station.id,
            status: submitted ? 'SUBMITTED' : 'DRAFT',
            submittedAt: submitted ? new Date(`${month}-28T10:00:00Z`) : null,
            submittedById: submitted ? (station.users.find((user) => user.role === 'STATION_MANAGER')?.id ?? null) : null,
            sessions: {
              create: Array.from({ length: count }, (_, number) => ({
                heldOn: new Date(`${month}-${String(3 + number * 7).padStart(2, '0')}T00:00:00Z`),
                topic: DEMO_TOPICS[(index + number) % DEMO_TOPICS.length],
                trainerName: '张站长 Zhang',
                createdById: manager.id,
                attendees: { create: station.users.map((user) => ({ userId: user.id })) },
              })),
            },
          },
          select: { id: true },
        })
      }
    }
  })
  log(`Demo data: in-house training plans for ${months.join(', ')} with station reports`)
}
