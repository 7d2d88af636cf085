import { toRichDoc } from '~/editor/rich-text.server'
import { getDb } from '~/utils/db.server'
import { createCase } from '../case.server'

const DAY = 86_400_000

/**
 * Six recent cases of one model and code from four stations (Xingyue L, P0420, catalyst
 * efficiency), so the demo's field-issue signals page has something to show. Idempotent: it
 * writes nothing when a case of that title exists.
 */
export async function seedDemoFieldSpike(now = new Date()) {
  const db = getDb()
  const title = '星越L 三元催化效率低 P0420（批量）'
  if (await db.repairCase.count({ where: { title: { startsWith: title } } })) return 0
  const [model, stations, author] = await Promise.all([
    db.vehicleModel.findFirst({ where: { nameEn: 'Xingyue L' }, select: { id: true } }),
    db.station.findMany({ orderBy: { code: 'asc' }, take: 4, select: { id: true } }),
    db.user.findFirst({ where: { email: 'tech@gtac.test' }, select: { id: true, role: true, stationId: true } }),
  ])
  if (!model || !author || stations.length < 3) return 0
  const symptoms = ['冷车启动后故障灯亮，报 P0420', '高速行驶后故障灯亮，读到 P0420，无明显动力下降', '加速无力，故障灯常亮，P0420', '年检尾气超标，存储 P0420', '怠速时偶尔闻到硫磺味，P0420', '故障灯亮，清码后 200 km 再次出现 P0420']
  for (const [index, text] of symptoms.entries()) {
    const created = await createCase({
      author,
      stationId: stations[index % stations.length].id,
      status: 'APPROVED',
      content: {
        title: `${title} #${index + 1}`,
        modelId: model.id,
        year: 2022,
        systemCode: 'engine',
        dtcs: ['P0420'],
        symptoms: toRichDoc(text),
        diagnosis: toRichDoc('读取前后氧传感器波形：后氧信号跟随前氧波动，催化器储氧能力下降。'),
        rootCause: toRichDoc('三元催化器载体老化，储氧能力不足。'),
        fix: toRichDoc('更换三元催化器，清除故障码，路试确认后氧信号平稳。'),
        parts: [],
        language: 'zh',
      },
    })
    await db.repairCase.update({ where: { id: created.id }, data: { createdAt: new Date(now.getTime() - (index + 1) * DAY) } })
  }
  return symptoms.length
}
