import type { TemplateInput } from '../schema'

type Item = [zh: string, en: string, weight?: number, photo?: boolean, guidanceZh?: string, guidanceEn?: string]

const section = (titleZh: string, titleEn: string, items: Item[]) => ({
  titleZh,
  titleEn,
  items: items.map(([textZh, textEn, weight = 1, requiresPhoto = false, guidanceZh = '', guidanceEn = '']) => ({
    textZh,
    textEn,
    weight,
    requiresPhoto,
    guidanceZh,
    guidanceEn,
  })),
})

/** The brand's service-reception standard: 7 steps, 56 checkpoints. */
export const serviceReceptionTemplate: TemplateInput = {
  key: 'service-reception',
  nameZh: '服务接待流程',
  nameEn: 'Service reception process',
  sections: [
    section('1 预约', '1 Appointment', [
      ['预约电话在三声铃响内接听', 'Appointment calls answered within three rings'],
      ['记录客户姓名、电话、车牌和车型', 'Customer name, phone, plate and model recorded'],
      ['询问并记录故障描述和客户需求', 'Fault description and customer needs asked and recorded', 2],
      ['查询车辆维修历史和未完成的召回', 'Vehicle history and open recalls checked', 2],
      ['确认预约时间并告知预计费用和时长', 'Appointment time confirmed with expected cost and duration'],
      ['预约前一天短信或电话提醒客户', 'Customer reminded by SMS or call the day before'],
      ['预约看板更新，预留工位和技师', 'Appointment board updated, bay and technician reserved', 1, true, '拍摄预约看板', 'Photograph the appointment board'],
      ['所需配件提前备好并贴预约标签', 'Parts for the appointment ready and tagged in advance', 1, true],
    ]),
    section('2 接待', '2 Greeting and reception', [
      ['客户到店一分钟内有人迎接', 'Customer greeted within one minute of arrival', 3, false, '在视频中观察一次真实或模拟的到店', 'Watch one real or role-played arrival on video'],
      ['服务顾问着统一制服并佩戴工牌', 'Service advisor in uniform with name badge', 1, true],
      ['主动问候并称呼客户姓氏', 'Customer greeted by surname'],
      ['当着客户的面铺设座椅套、方向盘套、脚垫（三件套）', 'Seat, steering-wheel and floor covers fitted in front of the customer', 3, true, '拍摄已铺好的三件套', 'Photograph the fitted covers'],
      ['安装翼子板护垫后再打开发动机舱', 'Fender covers fitted before the bonnet is opened', 2, true],
      ['记录里程和燃油表读数', 'Mileage and fuel level recorded'],
      ['提醒客户带走车内贵重物品', 'Customer reminded to take valuables from the car'],
      ['接待区整洁，无杂物', 'Reception desk tidy and clear'],
    ]),
    section('3 环车检查', '3 Walk-around check', [
      ['与客户一起进行环车检查', 'Walk-around done together with the customer', 3],
      ['检查并记录车身外观划痕和凹陷', 'Body scratches and dents checked and recorded', 2, true],
      ['检查轮胎花纹深度和气压', 'Tyre tread depth and pressure checked'],
      ['检查灯光、雨刮和玻璃', 'Lights, wipers and glass checked'],
      ['检查车内仪表故障灯', 'Warning lamps on the instrument cluster checked'],
      ['检查机油、冷却液、制动液液位', 'Oil, coolant and brake fluid levels checked'],
      ['环车检查单由客户签字确认', 'Walk-around sheet signed by the customer', 2, true],
      ['发现的额外问题当场告知客户', 'Extra findings told to the customer on the spot'],
    ]),
    section('4 制单与报价', '4 Repair order and estimate', [
      ['维修工单信息完整（客户、车辆、故障描述）', 'Repair order complete (customer, vehicle, complaint)', 2],
      ['逐项说明维修项目和必要性', 'Each job explained with why it is needed', 2],
      ['报价分项列出工时费和配件费', 'Estimate itemised into labour and parts', 2, true],
      ['说明预计交车时间', 'Expected completion time explained'],
      ['客户签字确认工单和报价', 'Repair order and estimate signed by the customer', 3, true],
      ['告知增项需再次征得客户同意', 'Customer told any extra work needs their consent again'],
      ['询问客户旧件是否带走', 'Customer asked whether to keep replaced parts'],
      ['提供休息区或代步服务选项', 'Lounge or mobility options offered'],
    ]),
    section('5 维修与质检', '5 Work and quality check', [
      ['工单及时派工给技师', 'Repair order dispatched to a technician promptly'],
      ['技师按维修手册作业', 'Technician works to the service manual', 2],
      ['使用扭力扳手并按规定力矩紧固', 'Torque wrench used to specified torque', 2, true],
      ['增项及时通知服务顾问并征得客户同意', 'Extra work reported and approved by the customer before it is done', 2],
      ['维修进度在看板上更新', 'Progress updated on the workshop board'],
      ['完工后技师自检并签字', 'Technician self-check signed after the work', 2],
      ['质检员终检并路试', 'Final inspection and road test by the quality inspector', 3],
      ['车辆清洗，车内无油污', 'Vehicle washed, no grease inside', 1, true],
    ]),
    section('6 交车', '6 Delivery', [
      ['交车前服务顾问检查车辆和工单', 'Advisor checks car and order before delivery'],
      ['通知客户取车并确认时间', 'Customer called to collect at an agreed time'],
      ['向客户说明所做工作和更换的配件', 'Work done and parts replaced explained to the customer', 3],
      ['展示旧件（客户需要时）', 'Replaced parts shown when the customer wants them'],
      ['结算金额与报价一致，差异已说明', 'Invoice matches the estimate, any difference explained', 2],
      ['当着客户的面取下三件套', 'Covers removed in front of the customer'],
      ['提醒下次保养时间和里程', 'Next service date and mileage told'],
      ['送客户离店并致谢', 'Customer seen off and thanked'],
    ]),
    section('7 回访', '7 Follow-up', [
      ['交车后三天内电话回访', 'Follow-up call within three days of delivery', 3],
      ['回访时确认故障已排除', 'Fault confirmed fixed on the call', 2],
      ['询问客户对服务的满意度', 'Customer satisfaction asked'],
      ['回访结果记录在系统中', 'Call result recorded in the system', 1, true],
      ['不满意客户 24 小时内处理', 'Dissatisfied customers handled within 24 hours', 2],
      ['投诉有记录、有原因分析、有整改', 'Complaints logged with cause and correction'],
      ['每月分析回访数据并改进', 'Follow-up data reviewed monthly for improvement'],
      ['提醒客户预约下次保养', 'Customer invited to book the next service'],
    ]),
  ],
}

/** The station's premises: 12 checkpoints. */
export const facilitiesTemplate: TemplateInput = {
  key: 'facilities',
  nameZh: '设施设备',
  nameEn: 'Facilities',
  sections: [
    section('外部与接待', 'Outside and reception', [
      ['入口标识清晰、完好、照明正常', 'Entrance signage clear, intact and lit', 2, true],
      ['客户停车区和待修车位划线清楚', 'Customer parking and waiting bays marked'],
      ['接待台整洁，价格公示牌可见', 'Reception desk tidy, price list on display', 2, true],
      ['客户休息区干净，提供饮水和无线网络', 'Customer lounge clean, with drinks and Wi-Fi', 1, true],
      ['卫生间干净、无异味、用品齐全', 'Restrooms clean, odour-free and stocked', 2, true],
    ]),
    section('车间', 'Workshop', [
      ['车间布局合理，工位、通道划线清楚', 'Workshop layout sensible, bays and walkways marked', 2, true],
      ['工具板定置管理，工具齐全', 'Shadow tool boards complete', 1, true],
      ['举升机年检合格并有标识', 'Lifts inspected with a valid tag', 2, true],
      ['消防器材在有效期内且取用无遮挡', 'Fire extinguishers in date and unobstructed', 3, true],
      ['废油、废件分类存放', 'Waste oil and old parts stored separately', 2],
    ]),
    section('配件库', 'Parts store', [
      ['配件库货架标识清楚，先进先出', 'Parts store shelves labelled, first in first out', 1, true],
      ['预约配件单独存放并标识', 'Reserved parts kept apart and tagged'],
    ]),
  ],
}

export const demoTemplates = [serviceReceptionTemplate, facilitiesTemplate]
