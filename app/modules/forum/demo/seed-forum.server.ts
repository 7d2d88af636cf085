import { getDb } from '~/utils/db.server'
import { acceptAnswer, createAnswer } from '../answers.server'
import { addComment } from '../comments.server'
import type { ForumUser } from '../content.server'
import { closeAsDuplicate, createQuestion } from '../questions.server'
import { answerInputSchema, questionInputSchema } from '../schema'
import { castVote } from '../votes.server'

const HOUR = 60 * 60 * 1000

type DemoAnswer = { by: string; after: number; body: string; accepted?: boolean; votes?: string[]; comments?: Array<{ by: string; body: string }> }
type DemoQuestion = {
  key: string
  by: string
  daysAgo: number
  title: string
  body: string
  model?: string
  system?: string
  dtcs?: string[]
  tags?: string[]
  votes?: string[]
  comments?: Array<{ by: string; body: string }>
  answers?: DemoAnswer[]
  duplicateOf?: string
}

// Workshop questions as technicians write them; experts are expert@ (engine, transmission, EV),
// expert2@ (electrical, body, HVAC) and expert3@ (chassis, engine).
const QUESTIONS: DemoQuestion[] = [
  {
    key: 'boyue-cold-idle',
    by: 'tech@gtac.test',
    daysAgo: 26,
    title: '博越 1.8T 冷车启动后怠速抖动，热车正常，报 P0300',
    body: '车辆：2020 款博越 1.8T，行驶 6.3 万公里。\n早上第一次启动后 1~2 分钟内怠速明显抖动，转速在 650~800 之间波动，水温上来后就好了。\n已换火花塞、清洗节气门，故障码 P0300 清除后第二天早上又出现。\n数据流看冷车时长期燃油修正 +12%。各位师傅有遇到过的吗？',
    model: 'Boyue',
    system: 'engine',
    dtcs: ['P0300'],
    tags: ['冷启动', '怠速抖动'],
    votes: ['tech2@gtac.test', 'manager@gtac.test', 'expert3@gtac.test'],
    answers: [
      {
        by: 'expert@gtac.test',
        after: 3,
        accepted: true,
        votes: ['tech@gtac.test', 'tech2@gtac.test', 'manager@gtac.test'],
        body: '冷车燃油修正偏正、热车正常，先怀疑进气漏气，不要先换点火件。\n原因：这一批车的 PCV 阀胶管在低温下变硬，接口处漏气，冷车时漏气量大，热车后胶管软化密封变好。\n处理：做烟雾测试确认漏点，更换 PCV 阀胶管总成，清除故障码后第二天冷车复测，长期修正应回到 ±5% 以内。',
        comments: [{ by: 'tech@gtac.test', body: '烟雾测试果然在 PCV 胶管接口冒烟，换了以后第二天冷车不抖了，谢谢陈工！' }],
      },
      { by: 'tech2@gtac.test', after: 20, body: '我们站上个月也有一台，换了 1 缸点火线圈没好，后来也是查到漏气。', votes: ['tech@gtac.test'] },
    ],
  },
  {
    key: 'xingyue-dct-shift',
    by: 'tech2@gtac.test',
    daysAgo: 21,
    title: '星越L 7DCT 1 挡升 2 挡有顿挫，偶发，需要做自学习吗？',
    body: '2022 款星越L 2.0T 7DCT，里程 2.1 万公里。客户反映早上堵车时 1 升 2 有明显顿挫，一天出现两三次，无故障码。\n变速箱油位正常，软件版本是出厂版本。',
    model: 'Xingyue L',
    system: 'transmission',
    tags: ['换挡顿挫', '自学习'],
    votes: ['tech@gtac.test'],
    answers: [
      {
        by: 'expert@gtac.test',
        after: 5,
        accepted: true,
        votes: ['tech2@gtac.test', 'tech@gtac.test'],
        body: '先查 TCU 软件版本，出厂版本在低速走走停停工况下离合器接合压力偏高。\n处理：用诊断仪把 TCU 升级到最新版本，升级后做离合器自学习（半接合点学习），再按路试规程跑 20 分钟。\n如果升级后仍有顿挫，再读离合器温度和半接合点数据发给我们。',
      },
    ],
  },
  {
    key: 'galaxy-no-charge',
    by: 'manager@gtac.test',
    daysAgo: 18,
    title: '银河L7 交流慢充插枪后不充电，仪表提示“充电连接异常”',
    body: '客户家里的 7 kW 壁挂桩，插枪后充电指示灯闪两下就灭，仪表提示充电连接异常。换公共桩能充。\n车辆 2024 款，里程 8000 公里，有 P1E00 历史码。',
    model: 'Galaxy L7',
    system: 'ev',
    dtcs: ['P1E00'],
    tags: ['慢充', '充电桩'],
    answers: [
      {
        by: 'expert@gtac.test',
        after: 2,
        accepted: true,
        votes: ['manager@gtac.test'],
        body: '公共桩能充、家用桩不行，多半是 CP 信号或接地问题，在桩端。\n原因：家用桩安装时没有可靠接地，车端 OBC 检测到 PE 异常后停止充电并记 P1E00。\n处理：请桩的安装方检查接地电阻（应小于 4 Ω），车辆本身不用换件；清除历史码即可。',
        comments: [{ by: 'manager@gtac.test', body: '物业电工测了接地电阻 30 多欧，重新打了接地极后正常了。' }],
      },
      { by: 'tech@gtac.test', after: 6, body: '也可以用充电枪模拟器测一下 CP 占空比，我们这边遇到过桩的 CP 板坏的。' },
    ],
  },
  {
    key: 'emgrand-ac-smell',
    by: 'tech@gtac.test',
    daysAgo: 15,
    title: '帝豪 空调开启后出风口有酸臭味，清洗蒸发箱后一周又有',
    body: '2019 款帝豪，客户夏天反映开空调有酸臭味。已经做过蒸发箱泡沫清洗、换空调滤芯，一周后味道又回来了。',
    model: 'Emgrand',
    system: 'hvac',
    tags: ['空调异味'],
    answers: [
      {
        by: 'expert2@gtac.test',
        after: 4,
        votes: ['tech@gtac.test', 'tech2@gtac.test'],
        body: '重点查蒸发箱排水管：排水不畅时壳体里积水，清洗只能管几天。\n举升车辆找到副驾驶侧地板下的排水管出口，看是否被泥堵住或管口压扁。疏通后让客户停车前 2 分钟关压缩机、保留鼓风机，把蒸发箱吹干。',
      },
    ],
  },
  {
    key: 'binyue-u0140',
    by: 'tech2@gtac.test',
    daysAgo: 12,
    title: '缤越 报 U0140 与车身控制模块失去通讯，偶发，仪表多个灯亮',
    body: '2021 款缤越，偶发仪表多个故障灯同时点亮，几分钟后自己恢复。读码 U0140 历史故障。\nBCM 供电保险正常。',
    model: 'Binyue',
    system: 'electrical',
    dtcs: ['U0140'],
    tags: ['CAN', '通讯故障'],
    votes: ['tech@gtac.test'],
    answers: [
      {
        by: 'expert2@gtac.test',
        after: 1,
        accepted: true,
        votes: ['tech2@gtac.test', 'tech@gtac.test'],
        body: '按通报的顺序来：BCM 供电和搭铁 → CAN 终端电阻 → 插头。\n原因：这个车型 BCM 的搭铁点在左 A 柱下方，容易因为涉水后锈蚀接触不良，电压跌落时 BCM 重启，就会报 U0140。\n处理：打磨搭铁点、更换搭铁螺栓并涂导电膏；测 CAN-H 与 CAN-L 之间电阻应约 60 Ω。',
      },
      { by: 'expert3@gtac.test', after: 30, body: '补充：如果搭铁没问题，晃动 BCM 的 C 插头同时看数据流，有时是插头针脚退针。' },
    ],
  },
  {
    key: 'xingrui-brake-noise',
    by: 'tech@gtac.test',
    daysAgo: 9,
    title: '星瑞 低速轻踩刹车时前轮“吱吱”响，刹车片刚换过',
    body: '2022 款星瑞，客户 3 天前在外面换了前刹车片（非原厂），之后低速轻踩刹车有尖叫声，重踩反而不响。',
    model: 'Xingrui',
    system: 'chassis',
    tags: ['刹车异响'],
    answers: [
      {
        by: 'expert3@gtac.test',
        after: 6,
        body: '非原厂片摩擦材料和消音片匹配不好很常见。先检查消音垫片是否装了、卡簧是否漏装，再看刹车盘有没有台阶。\n建议换回原厂刹车片并在背板与卡钳接触面涂专用消音润滑脂，刹车盘台阶明显的话一起光盘。',
      },
      { by: 'tech2@gtac.test', after: 10, body: '我们一般先让客户磨合 200 公里，很多是新片没磨合好。', votes: ['manager@gtac.test'] },
    ],
  },
  {
    key: 'boyue-cold-idle-dup',
    by: 'tech2@gtac.test',
    daysAgo: 7,
    title: '博越 早上冷车怠速抖，P0300 反复出现',
    body: '2021 款博越 1.8T，早上冷车抖，热车好，P0300 清了又来，已换火花塞。',
    model: 'Boyue',
    system: 'engine',
    dtcs: ['P0300'],
    duplicateOf: 'boyue-cold-idle',
  },
  {
    key: 'jiaji-window',
    by: 'manager@gtac.test',
    daysAgo: 5,
    title: '嘉际 主驾车窗一键升降失效，手动可以升降',
    body: '2020 款嘉际，主驾车窗一键上升和防夹功能失效，手动按住可以升降。断过电瓶。',
    model: 'Jiaji',
    system: 'body',
    tags: ['车窗', '初始化'],
    answers: [
      {
        by: 'tech@gtac.test',
        after: 2,
        accepted: true,
        votes: ['manager@gtac.test'],
        body: '断过电瓶的话要做车窗初始化：\n处理：把车窗降到底，按住下降键 3 秒；再升到顶，按住上升键 3 秒，听到继电器响一声即可。一键功能和防夹就恢复了。',
      },
    ],
  },
  {
    key: 'geometry-range',
    by: 'tech2@gtac.test',
    daysAgo: 3,
    title: '几何A 冬天续航掉得厉害，客户投诉满电只能跑 280 公里',
    body: '2021 款几何A，标称续航 430 公里。华东地区最近气温 0~5 °C，客户满电只能跑 280 公里，要求检测电池。\nBMS 无故障码，SOH 显示 96%。',
    model: 'Geometry A',
    system: 'ev',
    tags: ['续航', '冬季'],
    comments: [{ by: 'expert@gtac.test', body: '客户平时是否开暖风？PTC 开 22 °C 以上耗电很大，麻烦补充一下用车习惯。' }],
  },
  {
    key: 'haoyue-abs-light',
    by: 'tech@gtac.test',
    daysAgo: 2,
    title: '豪越 ABS 灯偶发点亮，报 C0035 左前轮速传感器',
    body: '2022 款豪越，ABS 灯偶发点亮，读码 C0035 左前轮速传感器电路。已经换过一次传感器，一周后又报。',
    model: 'Haoyue',
    system: 'chassis',
    dtcs: ['C0035'],
    tags: ['ABS', '轮速传感器'],
  },
  {
    key: 'vision-start',
    by: 'manager@gtac.test',
    daysAgo: 1,
    title: '远景 偶发无法启动，仪表正常，起动机不转',
    body: '2018 款远景手动挡，偶发拧钥匙起动机不转，仪表灯都正常，多试几次又能着。蓄电池测过是好的。',
    model: 'Vision',
    system: 'electrical',
    tags: ['无法启动'],
  },
  {
    key: 'xingyue-p0128',
    by: 'tech2@gtac.test',
    daysAgo: 0.5,
    title: '星越L 冬天报 P0128，暖风不够热，需要换节温器吗？',
    body: '2021 款星越L，入冬后报 P0128，暖风偏凉，水温表上升很慢。看到有通报说先看水温曲线，想问一下正常的曲线大概是什么样。',
    model: 'Xingyue L',
    system: 'engine',
    dtcs: ['P0128'],
    tags: ['节温器', '冬季'],
  },
]

/**
 * A dozen workshop questions with answers (some accepted, some by experts, one closed as a
 * duplicate, some still waiting), written through the forum's own functions. Runs once: a
 * database that already has questions is left as it is.
 */
export async function seedDemoForum() {
  const db = getDb()
  if ((await db.forumQuestion.count()) > 0) return 0
  const users = await db.user.findMany({ select: { id: true, email: true, role: true, stationId: true, name: true } })
  const user = (email: string): ForumUser => {
    const found = users.find((candidate) => candidate.email === email)
    if (!found) throw new Error(`demo forum: no user ${email}`)
    return found
  }
  const must = <T extends { ok: boolean }>(outcome: T, what: string) => {
    if (!outcome.ok) throw new Error(`demo forum: ${what} was refused: ${JSON.stringify(outcome)}`)
    return outcome as Extract<T, { ok: true }>
  }
  const ids = new Map<string, string>()
  for (const demo of QUESTIONS) {
    const asked = new Date(Date.now() - demo.daysAgo * 24 * HOUR)
    const input = questionInputSchema.parse({ title: demo.title, body: demo.body, model: demo.model, system: demo.system, dtcs: demo.dtcs, tags: demo.tags })
    const { id } = must(await createQuestion({ user: user(demo.by), input, now: asked }), `question "${demo.title}"`)
    ids.set(demo.key, id)
    for (const voter of demo.votes ?? []) must(await castVote({ user: user(voter), input: { target: 'question', id, value: 1 } }), 'a vote')
    for (const comment of demo.comments ?? []) {
      must(await addComment({ user: user(comment.by), questionId: id, input: { body: comment.body }, now: new Date(asked.getTime() + HOUR) }), 'a comment')
    }
    for (const answer of demo.answers ?? []) {
      const answered = new Date(asked.getTime() + answer.after * HOUR)
      const created = must(await createAnswer({ user: user(answer.by), questionId: id, input: answerInputSchema.parse({ body: answer.body }), now: answered }), 'an answer')
      for (const voter of answer.votes ?? []) must(await castVote({ user: user(voter), input: { target: 'answer', id: created.id, value: 1 } }), 'a vote')
      if (answer.accepted) must(await acceptAnswer({ user: user(demo.by), questionId: id, answerId: created.id, now: new Date(answered.getTime() + HOUR) }), 'accepting')
      for (const comment of answer.comments ?? []) {
        const input = { body: comment.body, answerId: created.id }
        must(await addComment({ user: user(comment.by), questionId: id, input, now: new Date(answered.getTime() + 2 * HOUR) }), 'a comment')
      }
    }
    if (demo.duplicateOf) {
      const original = ids.get(demo.duplicateOf)!
      must(await closeAsDuplicate({ user: user('expert@gtac.test'), questionId: id, input: { kind: 'question', id: original }, now: new Date(asked.getTime() + 2 * HOUR) }), 'closing')
    }
  }
  return QUESTIONS.length
}
