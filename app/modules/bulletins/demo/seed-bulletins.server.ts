import { getDb } from '~/utils/db.server'
import { saveBulletin } from '../bulletin.server'
import { bulletinInputSchema } from '../schema'

const DAY = 24 * 60 * 60 * 1000

/** A handful of bulletins of each kind, some for one region, one superseded, written by the demo trainer. */
export async function seedDemoBulletins() {
  const trainer = await getDb().user.findUnique({ where: { email: 'trainer@gtac.test' }, select: { id: true, role: true, stationId: true } })
  if (!trainer) return 0
  const daysAgo = (days: number) => new Date(Date.now() - days * DAY)
  const publish = async (input: Record<string, unknown>) => {
    const saved = await saveBulletin({ user: trainer, input: bulletinInputSchema.parse({ publish: true, ...input }) })
    if (!saved.ok) throw new Error(`demo bulletin "${String(input.title)}" was refused: ${JSON.stringify(saved)}`)
    return saved.id
  }
  const superseded = await publish({
    title: '博越 冷启动怠速抖动（P0300/P0301）临时处理办法',
    type: 'tsb',
    body: '冷启动后 2 分钟内怠速抖动并报 P0300/P0301 时，先检查 1 缸点火线圈插头，清洁后复测。此办法已被新通报替代。',
    models: ['Boyue'],
    yearFrom: 2020,
    yearTo: 2022,
    systems: ['engine'],
    dtcs: ['P0300', 'P0301'],
    publishAt: daysAgo(60),
  })
  await publish({
    title: '博越 冷启动怠速抖动（P0300/P0301）：升级发动机控制软件 V2.3',
    type: 'tsb',
    body: '故障现象：冷启动后怠速抖动，仪表发动机故障灯点亮，存储 P0300/P0301。\n原因：低温下怠速点火提前角标定偏大。\n处理：用诊断仪将 ECM 软件升级到 V2.3，清除故障码，冷车复测。升级前先确认蓄电池电压不低于 12.5 V。',
    models: ['Boyue'],
    yearFrom: 2020,
    yearTo: 2022,
    systems: ['engine'],
    dtcs: ['P0300', 'P0301'],
    requiresAck: true,
    supersedes: superseded,
    publishAt: daysAgo(20),
  })
  await publish({
    title: '服务活动：星越L 后悬挂下摆臂螺栓复紧',
    type: 'campaign',
    body: '涉及 2021–2022 款星越L。车辆进站时按维修手册力矩复紧后下摆臂螺栓（两侧各 2 颗），并在系统中登记活动完成。',
    models: ['Xingyue L'],
    yearFrom: 2021,
    yearTo: 2022,
    systems: ['chassis'],
    audience: { roles: ['technician', 'station_manager'] },
    requiresAck: true,
    publishAt: daysAgo(12),
  })
  await publish({
    title: '华北区域：低温季节 P0128 节温器检查要点',
    type: 'tsb',
    body: '入冬后华北区域 P0128（冷却液温度低于节温器调节温度）报修增多。先用诊断仪读取冷车到热车的水温曲线，20 分钟内达不到 80 °C 再更换节温器；同时检查冷却液液位。',
    systems: ['engine', 'hvac'],
    dtcs: ['P0128'],
    audience: { regions: ['华北'] },
    requiresAck: true,
    publishAt: daysAgo(5),
  })
  await publish({
    title: '华东区域：车身控制器 U0140 通讯故障排查顺序',
    type: 'tsb',
    body: '报 U0140 时，先查 BCM 供电和搭铁，再查 CAN 终端电阻（约 60 Ω），最后才考虑更换控制器。',
    systems: ['electrical'],
    dtcs: ['U0140'],
    audience: { regions: ['华东'] },
    publishAt: daysAgo(3),
  })
  await publish({
    title: '元旦假期远程技术支援值班安排',
    type: 'notice',
    body: '1 月 1 日至 3 日每天 8:00–20:00 有专家值班；紧急的趴窝车辆请在请求中勾选"车辆无法行驶"。',
    publishAt: daysAgo(1),
  })
  return 6
}
