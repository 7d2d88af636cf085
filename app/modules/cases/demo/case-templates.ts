type Text = { zh: string; en: string }
type Part = { number: string; zh: string; en: string }

export type CaseTemplate = {
  system: string
  dtcs: string[]
  title: Text
  /** Other ways technicians title the same fault. */
  titles?: Text[]
  symptoms: Text
  steps: Text[]
  rootCause: Text
  fix: Text
  parts: Part[]
}

export const conditions: Text[] = [
  { zh: '冷车启动后', en: 'after a cold start' },
  { zh: '热车怠速时', en: 'at hot idle' },
  { zh: '急加速时', en: 'under hard acceleration' },
  { zh: '高速巡航时', en: 'when cruising on the highway' },
  { zh: '雨天行驶后', en: 'after driving in rain' },
  { zh: '早晨第一次启动', en: 'on the first start in the morning' },
]

/** A detail a technician adds to the symptoms, so no two cases read the same. */
export const details: Text[] = [
  { zh: '故障偶发，大约每周出现两次。', en: 'It happens about twice a week.' },
  { zh: '客户已在外面的修理厂更换过相关零件，未解决。', en: 'Another garage already replaced parts without success.' },
  { zh: '车辆刚做完保养。', en: 'The car was serviced last week.' },
  { zh: '故障出现前曾涉水行驶。', en: 'The car went through deep water shortly before.' },
  { zh: '车辆加装过行车记录仪。', en: 'An aftermarket dash camera is fitted.' },
  { zh: '天气寒冷时更容易出现。', en: 'It is worse in cold weather.' },
  { zh: '客户第二次进站反映同一问题。', en: 'This is the second visit for the same complaint.' },
  { zh: '', en: '' },
]

export const caseTemplates: CaseTemplate[] = [
  {
    system: 'engine',
    dtcs: ['P0171'],
    title: { zh: '冷车怠速抖动，故障灯亮，报P0171', en: 'Rough idle when cold, MIL on with P0171' },
    titles: [
      { zh: '冷车怠速抖动，故障灯亮，报P0171', en: 'Rough idle when cold, MIL on with P0171' },
      { zh: '冷启动后发动机抖，报P0171混合气过稀', en: 'Shakes at idle after cold start, P0171 system too lean' },
      { zh: 'P0171，怠速不稳，长期燃油修正偏大', en: 'P0171 with unstable idle and high long-term fuel trim' },
    ],
    symptoms: { zh: '客户反映{cond}发动机怠速抖动明显，转速表指针波动，故障灯点亮。', en: 'Customer reports the engine idles roughly {cond}, the tachometer needle hunts and the check engine light is on.' },
    steps: [
      { zh: '读取故障码P0171，冻结帧显示长期燃油修正+22%。', en: 'Read DTC P0171; freeze frame shows long-term fuel trim at +22%.' },
      { zh: '烟雾测试进气系统，发现进气歧管后部有烟雾溢出。', en: 'Smoke-tested the intake: smoke escapes at the rear of the intake manifold.' },
      { zh: '拆检发现PCV阀软管开裂。', en: 'Removed the cover and found a cracked PCV valve hose.' },
    ],
    rootCause: { zh: 'PCV软管老化开裂导致未计量空气进入，混合气过稀。', en: 'An aged, cracked PCV hose let unmetered air in, leaning out the mixture.' },
    fix: { zh: '更换PCV软管，清除故障码，燃油修正恢复到±3%以内，怠速平稳。', en: 'Replaced the PCV hose and cleared codes; fuel trims back within ±3%, idle smooth.' },
    parts: [{ number: '1016051231', zh: 'PCV软管', en: 'PCV hose' }],
  },
  {
    system: 'engine',
    dtcs: ['P0300', 'P0302'],
    title: { zh: '加速无力伴随抖动，2缸失火', en: 'Hesitation and shake on acceleration, cylinder 2 misfire' },
    titles: [
      { zh: '加速无力伴随抖动，2缸失火', en: 'Hesitation and shake on acceleration, cylinder 2 misfire' },
      { zh: '急加速抖动，报P0300/P0302', en: 'Shudder under hard acceleration, P0300/P0302 stored' },
      { zh: '故障灯闪烁，发动机缺缸', en: 'Flashing MIL, engine running on three cylinders' },
    ],
    symptoms: { zh: '车辆{cond}出现明显抖动和加速无力，偶发故障灯闪烁。', en: 'The car shakes and hesitates {cond}; the check engine light sometimes flashes.' },
    steps: [
      { zh: '读取故障码P0300、P0302，失火计数集中在2缸。', en: 'Read P0300 and P0302; misfire counts concentrate on cylinder 2.' },
      { zh: '对调2缸与3缸点火线圈，失火转移到3缸。', en: 'Swapped ignition coils between cylinders 2 and 3; the misfire followed to cylinder 3.' },
    ],
    rootCause: { zh: '2缸点火线圈内部绝缘击穿，高负荷时跳火。', en: 'Internal insulation breakdown in the cylinder 2 ignition coil arcs under load.' },
    fix: { zh: '更换点火线圈并检查火花塞间隙，路试无失火。', en: 'Replaced the ignition coil and checked plug gaps; road test shows no misfire.' },
    parts: [{ number: '1136000156', zh: '点火线圈', en: 'Ignition coil' }, { number: '1136000203', zh: '火花塞', en: 'Spark plug' }],
  },
  {
    system: 'transmission',
    dtcs: ['P0733'],
    title: { zh: '变速箱三挡打滑，报P0733', en: 'Transmission slips in 3rd gear, P0733 stored' },
    titles: [
      { zh: '变速箱三挡打滑，报P0733', en: 'Transmission slips in 3rd gear, P0733 stored' },
      { zh: '升三挡转速飙升，车速不跟', en: 'Engine flares on the 2-3 upshift' },
    ],
    symptoms: { zh: '{cond}升入三挡时发动机转速突然升高，车速不跟随，变速箱打滑。', en: 'When shifting into 3rd {cond}, engine speed flares and the car does not pick up speed: the transmission slips.' },
    steps: [
      { zh: '读取P0733，数据流显示三挡传动比偏差超过15%。', en: 'Read P0733; live data shows the 3rd gear ratio off by more than 15%.' },
      { zh: '检查油位与油质，油液发黑有焦味。', en: 'Checked fluid level and condition: dark fluid with a burnt smell.' },
      { zh: '测量主油压偏低，拆检阀体发现C2离合器电磁阀卡滞。', en: 'Line pressure low; valve body inspection found the C2 clutch solenoid sticking.' },
    ],
    rootCause: { zh: 'C2离合器电磁阀卡滞导致三挡结合压力不足。', en: 'A sticking C2 clutch solenoid leaves too little apply pressure in 3rd gear.' },
    fix: { zh: '更换电磁阀及变速箱油，执行自适应学习，换挡正常。', en: 'Replaced the solenoid and the fluid, ran the adaptive learn; shifts are normal.' },
    parts: [{ number: '3043001900', zh: 'C2离合器电磁阀', en: 'C2 clutch solenoid' }, { number: '2012000400', zh: '变速箱油', en: 'ATF' }],
  },
  {
    system: 'transmission',
    dtcs: ['P0741'],
    title: { zh: '高速行驶车身抖动，变矩器锁止异常', en: 'Judder at highway speed, torque converter clutch fault' },
    symptoms: { zh: '{cond}车速60-80公里时车身有规律抖动，像压过搓板路。', en: 'A rhythmic judder at 60-80 km/h {cond}, like driving over rumble strips.' },
    steps: [
      { zh: '读取P0741，锁止离合器滑差在锁止时仍达80转。', en: 'Read P0741; TCC slip stays around 80 rpm while commanded locked.' },
      { zh: '更换变速箱油后症状减轻但未消失。', en: 'A fluid change reduced but did not cure the judder.' },
    ],
    rootCause: { zh: '变矩器锁止离合器摩擦片磨损。', en: 'Worn friction lining on the torque converter clutch.' },
    fix: { zh: '更换变矩器总成并刷新TCU软件，抖动消失。', en: 'Replaced the torque converter and updated the TCU software; the judder is gone.' },
    parts: [{ number: '3041001100', zh: '液力变矩器', en: 'Torque converter' }],
  },
  {
    system: 'electrical',
    dtcs: ['U0100', 'U0140'],
    title: { zh: '仪表多个故障灯同时点亮，通信丢失', en: 'Several warning lights at once, lost communication codes' },
    symptoms: { zh: '{cond}仪表上ABS、ESP、发动机故障灯同时点亮，随后自行熄灭。', en: 'ABS, ESP and engine warning lights come on together {cond}, then go out on their own.' },
    steps: [
      { zh: '多个模块存储U0100、U0140等通信故障码。', en: 'Several modules store U0100, U0140 and other communication codes.' },
      { zh: '测量CAN总线终端电阻为120欧，异常（应为60欧）。', en: 'CAN bus termination measured 120 ohm instead of 60 ohm.' },
      { zh: '检查发现左前翼子板内CAN线束接插件进水腐蚀。', en: 'Found a water-corroded CAN connector inside the left front fender.' },
    ],
    rootCause: { zh: '接插件密封圈缺失导致进水，CAN高线接触不良。', en: 'A missing connector seal let water in; CAN-high lost contact.' },
    fix: { zh: '修复线束并更换接插件，加装密封圈，清除故障码。', en: 'Repaired the harness, replaced the connector with its seal, cleared codes.' },
    parts: [{ number: '7001020300', zh: '线束接插件', en: 'Harness connector' }],
  },
  {
    system: 'electrical',
    dtcs: ['P0562', 'B1318'],
    title: { zh: '停放两天后无法启动，蓄电池亏电', en: 'No start after two days parked, battery drained' },
    titles: [
      { zh: '停放两天后无法启动，蓄电池亏电', en: 'No start after two days parked, battery drained' },
      { zh: '车放几天就打不着火，暗电流偏大', en: 'Battery flat after a few days, high parasitic draw' },
    ],
    symptoms: { zh: '车辆停放两天后无法启动，更换蓄电池后问题复现。', en: 'The car will not start after two days parked; a new battery did not cure it.' },
    steps: [
      { zh: '测量休眠电流为380毫安，远超30毫安标准。', en: 'Measured 380 mA parasitic draw against the 30 mA limit.' },
      { zh: '逐个拔保险丝，拔下后备箱灯保险后电流恢复正常。', en: 'Pulled fuses one by one; the draw dropped with the trunk light fuse.' },
    ],
    rootCause: { zh: '后备箱锁微动开关损坏，后备箱灯常亮。', en: 'A faulty trunk latch switch kept the trunk light on.' },
    fix: { zh: '更换后备箱锁总成，休眠电流降至18毫安。', en: 'Replaced the trunk latch; parasitic draw down to 18 mA.' },
    parts: [{ number: '6056010200', zh: '后备箱锁总成', en: 'Trunk latch assembly' }],
  },
  {
    system: 'chassis',
    dtcs: ['C0035'],
    title: { zh: 'ABS故障灯亮，左前轮速信号丢失', en: 'ABS light on, left front wheel speed signal lost' },
    symptoms: { zh: '{cond}ABS和ESP故障灯点亮，制动时偶有异响。', en: 'ABS and ESP lights come on {cond}; occasional noise when braking.' },
    steps: [
      { zh: '读取C0035，数据流中左前轮速在20公里以上时跳变为0。', en: 'Read C0035; left front speed drops to 0 above 20 km/h in live data.' },
      { zh: '检查传感器齿圈，发现齿圈有裂纹并粘附铁屑。', en: 'Found a cracked tone ring with metal debris stuck to it.' },
    ],
    rootCause: { zh: '轮速传感器齿圈开裂导致信号丢失。', en: 'A cracked tone ring interrupts the wheel speed signal.' },
    fix: { zh: '更换驱动轴（含齿圈）和轮速传感器，路试正常。', en: 'Replaced the drive shaft with its tone ring and the sensor; road test OK.' },
    parts: [{ number: '4050030100', zh: '左前驱动轴', en: 'Left front drive shaft' }, { number: '4050030500', zh: '轮速传感器', en: 'Wheel speed sensor' }],
  },
  {
    system: 'chassis',
    dtcs: [],
    title: { zh: '过减速带底盘异响', en: 'Clunk from the front suspension over speed bumps' },
    symptoms: { zh: '车辆过减速带或颠簸路面时前部有咯噔异响。', en: 'A clunk from the front over speed bumps and rough roads.' },
    steps: [
      { zh: '举升检查，前稳定杆连杆球头间隙过大。', en: 'On the lift: excessive play in the front stabiliser link ball joint.' },
      { zh: '更换后路试，异响消失。', en: 'After replacement the road test is quiet.' },
    ],
    rootCause: { zh: '稳定杆连杆球头磨损。', en: 'Worn stabiliser link ball joint.' },
    fix: { zh: '更换两侧稳定杆连杆并按规定力矩紧固。', en: 'Replaced both stabiliser links, torqued to spec.' },
    parts: [{ number: '4013020100', zh: '稳定杆连杆', en: 'Stabiliser link' }],
  },
  {
    system: 'hvac',
    dtcs: ['B1479'],
    title: { zh: '空调不制冷，压缩机不吸合', en: 'A/C blows warm, compressor does not engage' },
    titles: [
      { zh: '空调不制冷，压缩机不吸合', en: 'A/C blows warm, compressor does not engage' },
      { zh: '空调出风不凉，压缩机离合器不工作', en: 'No cold air, A/C compressor clutch not engaging' },
    ],
    symptoms: { zh: '{cond}打开空调出风口为自然风，压缩机离合器不吸合。', en: 'With the A/C on {cond} the vents blow ambient air; the compressor clutch does not engage.' },
    steps: [
      { zh: '读取B1479，压力传感器信号电压为4.9V（对地开路）。', en: 'Read B1479; pressure sensor signal at 4.9 V (open circuit).' },
      { zh: '压力表实测系统压力正常，判定为传感器故障。', en: 'Gauges show normal system pressure: the sensor is at fault.' },
    ],
    rootCause: { zh: '空调压力传感器内部损坏。', en: 'Internal failure of the A/C pressure sensor.' },
    fix: { zh: '回收冷媒，更换压力传感器，加注冷媒至标准量。', en: 'Recovered refrigerant, replaced the pressure sensor, recharged to spec.' },
    parts: [{ number: '8103020200', zh: '空调压力传感器', en: 'A/C pressure sensor' }],
  },
  {
    system: 'hvac',
    dtcs: [],
    title: { zh: '空调出风口有霉味', en: 'Musty smell from the air vents' },
    symptoms: { zh: '开启空调后出风口有明显霉味，雨季更明显。', en: 'A musty smell from the vents with the A/C on, worse in the rainy season.' },
    steps: [
      { zh: '检查空调滤芯严重脏污，蒸发箱排水管堵塞。', en: 'Cabin filter heavily soiled; evaporator drain blocked.' },
    ],
    rootCause: { zh: '蒸发箱排水不畅导致霉菌滋生。', en: 'Poor evaporator drainage let mould grow.' },
    fix: { zh: '疏通排水管，清洗蒸发箱，更换空调滤芯。', en: 'Cleared the drain, cleaned the evaporator, replaced the cabin filter.' },
    parts: [{ number: '8104010100', zh: '空调滤芯', en: 'Cabin air filter' }],
  },
  {
    system: 'body',
    dtcs: ['B1A05'],
    title: { zh: '安全气囊故障灯常亮', en: 'Airbag warning light stays on' },
    symptoms: { zh: '仪表安全气囊故障灯常亮，方向盘转动时偶尔熄灭。', en: 'The airbag light stays on and sometimes goes out when turning the wheel.' },
    steps: [
      { zh: '读取B1A05，驾驶员气囊回路电阻4.8欧（标准2-3欧）。', en: 'Read B1A05; driver airbag loop at 4.8 ohm (spec 2-3 ohm).' },
      { zh: '转动方向盘时电阻波动，判定时钟弹簧故障。', en: 'Resistance fluctuates while turning the wheel: clock spring fault.' },
    ],
    rootCause: { zh: '时钟弹簧内部扁平线束断裂。', en: 'Broken flat cable inside the clock spring.' },
    fix: { zh: '更换时钟弹簧并进行转角传感器标定。', en: 'Replaced the clock spring and calibrated the steering angle sensor.' },
    parts: [{ number: '5032010300', zh: '时钟弹簧', en: 'Clock spring' }],
  },
  {
    system: 'body',
    dtcs: [],
    title: { zh: '高速行驶车门风噪大', en: 'Wind noise from the door at highway speed' },
    symptoms: { zh: '{cond}驾驶员侧车门处有明显风噪。', en: 'Loud wind noise at the driver door {cond}.' },
    steps: [
      { zh: '纸条测试发现车门上沿密封不严。', en: 'Paper test: the upper door seal does not close tightly.' },
    ],
    rootCause: { zh: '车门铰链位置偏差导致密封条压缩量不足。', en: 'Door hinge misalignment leaves the seal under-compressed.' },
    fix: { zh: '调整车门铰链和锁扣位置，更换变形的密封条。', en: 'Adjusted hinge and striker, replaced the deformed seal.' },
    parts: [{ number: '6101030100', zh: '车门密封条', en: 'Door weatherstrip' }],
  },
  {
    system: 'ev',
    dtcs: ['P0AA6'],
    title: { zh: '混动车报绝缘故障，无法上高压', en: 'Hybrid isolation fault, high voltage will not enable' },
    symptoms: { zh: '{cond}仪表提示动力系统故障，车辆无法进入READY状态。', en: 'The dash shows a powertrain fault {cond}; the car will not go READY.' },
    steps: [
      { zh: '读取P0AA6，绝缘电阻监测值低至85千欧。', en: 'Read P0AA6; isolation resistance as low as 85 kΩ.' },
      { zh: '断开各高压部件逐一测量，电动压缩机绝缘值异常。', en: 'Measured each HV component separately: the electric A/C compressor fails isolation.' },
    ],
    rootCause: { zh: '电动压缩机内部冷冻油含水导致绝缘下降。', en: 'Moisture in the e-compressor oil lowered its isolation.' },
    fix: { zh: '更换电动压缩机并抽真空加注专用绝缘冷冻油。', en: 'Replaced the e-compressor, evacuated and filled with insulating oil.' },
    parts: [{ number: '8103050100', zh: '电动压缩机', en: 'Electric A/C compressor' }],
  },
  {
    system: 'ev',
    dtcs: ['P1E00'],
    title: { zh: '高压互锁故障，偶发无法行驶', en: 'HV interlock fault, car intermittently will not drive' },
    symptoms: { zh: '偶发仪表提示请检查高压系统，车辆限功率或无法行驶。', en: 'Intermittent "check high-voltage system" message; power limited or no drive.' },
    steps: [
      { zh: '读取P1E00，高压互锁回路在颠簸时断开。', en: 'Read P1E00; the HVIL loop opens over bumps.' },
      { zh: '检查发现PDU高压接插件互锁端子退针。', en: 'Found a backed-out HVIL pin in the PDU high-voltage connector.' },
    ],
    rootCause: { zh: '高压接插件互锁端子退针导致回路间歇断开。', en: 'A backed-out interlock pin opens the loop intermittently.' },
    fix: { zh: '修复端子并更换接插件二次锁止，路试验证正常。', en: 'Repaired the terminal, replaced the connector secondary lock; road test OK.' },
    parts: [{ number: '7101020500', zh: '高压接插件', en: 'HV connector' }],
  },
]
