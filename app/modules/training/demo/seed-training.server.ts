import { plainTextToDoc, richDocToHtml, richDocToText } from '~/editor/rich-text.server'
import type { Prisma } from '~/generated/prisma/client'
import { getFileStorage } from '~/modules/files/file-storage.server'
import { getDb } from '~/utils/db.server'
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
