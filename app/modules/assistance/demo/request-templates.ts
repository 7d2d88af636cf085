import type { SystemCode } from '~/utils/vehicle-schema'

export type Text = { zh: string; en: string }

/** One fault as a station describes it, and how the expert's answer goes. */
export type RequestTemplate = {
  dtcs: string[]
  symptoms: Text
  tried: Text
  readings: Text
  question: Text
  answer: Text
  cause: Text
  fix: Text
}

export const requestTemplates: Record<SystemCode, RequestTemplate[]> = {
  engine: [
    {
      dtcs: ['P0299'],
      symptoms: { zh: '急加速时动力明显不足，仪表偶发“发动机功率受限”提示，故障灯点亮。', en: 'Clearly down on power under hard acceleration; the cluster sometimes shows "engine power reduced" and the MIL is on.' },
      tried: { zh: '清洗节气门，检查中冷管路卡箍，未发现漏气。', en: 'Cleaned the throttle body and checked the intercooler hose clamps; no leak found.' },
      readings: { zh: '3000转全负荷：目标增压160kPa，实际112kPa；废气旁通阀占空比85%。', en: 'Full load at 3000 rpm: boost target 160 kPa, actual 112 kPa; wastegate duty 85%.' },
      question: { zh: '请做一次烟雾测试，并检查增压控制电磁阀到旁通阀执行器的真空管。', en: 'Please run a smoke test and check the vacuum line from the boost control solenoid to the wastegate actuator.' },
      answer: { zh: '真空管在涡轮附近有一处裂纹，烟雾测试确认漏气。', en: 'The vacuum line has a crack near the turbo; the smoke test confirms the leak.' },
      cause: { zh: '旁通阀执行器真空管受热老化开裂，旁通阀无法关闭，增压不足。', en: 'Heat-aged, cracked wastegate vacuum line kept the wastegate open: underboost.' },
      fix: { zh: '更换真空管及增压控制电磁阀，清除故障码，路试增压正常。', en: 'Replaced the vacuum line and the boost control solenoid, cleared codes; boost is normal on the road test.' },
    },
    {
      dtcs: ['P0016', 'P0011'],
      symptoms: { zh: '冷车启动时间长，启动后抖动约10秒，故障灯亮。', en: 'Long crank when cold, then the engine shakes for about 10 seconds; MIL on.' },
      tried: { zh: '更换机油机滤，清除故障码后两天内复发。', en: 'Changed oil and filter; the code came back within two days after clearing.' },
      readings: { zh: '冷启动时进气凸轮轴实际角度与目标偏差-9°CA，热车后-3°CA；机油压力正常。', en: 'Cold start: intake cam 9°CA behind target, 3°CA when hot; oil pressure normal.' },
      question: { zh: '请确认机油规格，并拆下VVT电磁阀检查滤网。', en: 'Please confirm the oil grade and pull the VVT solenoid to check its screen.' },
      answer: { zh: '机油为0W-20符合要求，VVT电磁阀滤网有少量油泥。', en: 'Oil is 0W-20 as specified; the VVT solenoid screen has some sludge.' },
      cause: { zh: '正时链条拉长，冷车时凸轮轴相位偏差超限。', en: 'A stretched timing chain puts the cam phase out of limits when cold.' },
      fix: { zh: '更换正时链条套件和VVT电磁阀，执行凸轮轴位置学习。', en: 'Replaced the timing chain kit and the VVT solenoid, ran the cam position learn.' },
    },
    {
      dtcs: ['P0128'],
      symptoms: { zh: '冬季行驶20分钟水温表仍在低位，暖风不热。', en: 'After 20 minutes of winter driving the temperature gauge stays low and the heater blows cold.' },
      tried: { zh: '检查冷却液液位正常，系统已排气。', en: 'Coolant level is correct and the system has been bled.' },
      readings: { zh: '行驶20分钟冷却液温度68°C；节温器关闭时散热器进水管已发热。', en: 'Coolant 68 °C after 20 minutes; the radiator inlet hose is already warm while the thermostat should be closed.' },
      question: { zh: '冷车启动后5分钟摸一下散热器上水管是否已经热了？', en: 'Five minutes after a cold start, is the upper radiator hose already warm?' },
      answer: { zh: '是的，上水管很快就热，节温器可能常开。', en: 'Yes, it warms up quickly; the thermostat looks stuck open.' },
      cause: { zh: '节温器卡在常开位置，发动机长时间达不到工作温度。', en: 'The thermostat is stuck open, so the engine never reaches operating temperature.' },
      fix: { zh: '更换节温器总成，20分钟内水温达到90°C，暖风正常。', en: 'Replaced the thermostat housing; 90 °C within 20 minutes and the heater works.' },
    },
  ],
  transmission: [
    {
      dtcs: ['P0733', 'P0730'],
      symptoms: { zh: '2挡升3挡时发动机转速突然升高，车速不跟随。', en: 'On the 2-3 upshift the engine flares and the car does not pick up speed.' },
      tried: { zh: '更换变速箱油，执行自适应复位，症状未改善。', en: 'Changed the ATF and reset the adaptations; no improvement.' },
      readings: { zh: '3挡传动比1.62（标准1.38），主油压热车怠速380kPa（标准450-550kPa）。', en: '3rd gear ratio 1.62 (spec 1.38); hot idle line pressure 380 kPa (spec 450-550 kPa).' },
      question: { zh: '旧油有没有焦味或金属屑？请测一下C2电磁阀的电阻。', en: 'Did the old fluid smell burnt or carry metal? Please measure the C2 solenoid resistance.' },
      answer: { zh: '油液发黑有焦味，C2电磁阀电阻5.1欧正常，但动作测试有卡滞声。', en: 'Dark fluid with a burnt smell; C2 solenoid at 5.1 ohm is fine but sticks in the actuation test.' },
      cause: { zh: 'C2离合器电磁阀卡滞，3挡结合压力不足导致打滑。', en: 'A sticking C2 clutch solenoid leaves too little apply pressure: 3rd gear slips.' },
      fix: { zh: '更换阀体总成和变速箱油，执行自适应学习，换挡正常。', en: 'Replaced the valve body and the fluid, ran the adaptive learn; shifts are normal.' },
    },
    {
      dtcs: ['P0715'],
      symptoms: { zh: '行驶中偶发进入跛行模式，锁3挡，重新启动后恢复。', en: 'Now and then the transmission drops into limp mode, locked in 3rd, until restarted.' },
      tried: { zh: '检查TCU插头无腐蚀，清除故障码。', en: 'TCU connector checked, no corrosion; codes cleared.' },
      readings: { zh: '2400转左右输入轴转速信号间歇跳变为0，输出轴信号正常。', en: 'Input shaft speed drops to 0 intermittently around 2400 rpm; output shaft signal is fine.' },
      question: { zh: '请在举升机上晃动输入轴转速传感器线束，同时看数据流。', en: 'On the lift, please wiggle the input speed sensor harness while watching live data.' },
      answer: { zh: '晃动到变速箱支架处信号掉0，线束外皮磨破。', en: 'The signal drops at the transmission bracket; the harness sheath is chafed through.' },
      cause: { zh: '输入轴转速传感器线束与支架摩擦破损，信号间歇短路。', en: 'The input speed sensor harness rubbed through on a bracket and shorts intermittently.' },
      fix: { zh: '修复线束并加装护套，重新固定走向，路试50公里无复发。', en: 'Repaired the harness, added a sleeve and re-routed it; 50 km road test without recurrence.' },
    },
    {
      dtcs: [],
      symptoms: { zh: '7DCT车辆低速跟车时起步顿挫，1挡升2挡有冲击。', en: '7DCT: jerky take-off in slow traffic and a bump on the 1-2 upshift.' },
      tried: { zh: 'TCU软件已升级到最新版本，症状减轻但仍存在。', en: 'TCU software updated to the latest release; better, but still there.' },
      readings: { zh: '奇数离合器接合点学习值偏差+0.6mm，离合器温度正常。', en: 'Odd clutch kiss point learned 0.6 mm off; clutch temperature normal.' },
      question: { zh: '请执行离合器触点自学习，学习前变速箱油温需在40°C以上。', en: 'Please run the clutch kiss point learn with the fluid above 40 °C.' },
      answer: { zh: '已按条件执行自学习，偏差降到+0.1mm。', en: 'Ran the learn under those conditions; the offset is down to 0.1 mm.' },
      cause: { zh: '离合器接合点自学习值漂移，起步时离合器结合过猛。', en: 'Drifted clutch kiss point learn values make the clutch bite too hard on take-off.' },
      fix: { zh: '执行离合器触点自学习并路试自适应，起步平顺。', en: 'Ran the kiss point learn and an adaptive road drive; take-off is smooth.' },
    },
  ],
  electrical: [
    {
      dtcs: ['U0140', 'U1000'],
      symptoms: { zh: '雨天后仪表ABS、ESP、发动机故障灯同时点亮，随后自行熄灭。', en: 'After rain, ABS, ESP and engine lights come on together and then go out.' },
      tried: { zh: '清除各模块故障码，检查蓄电池电压正常。', en: 'Cleared codes in all modules; battery voltage normal.' },
      readings: { zh: 'OBD口测CAN总线电阻120欧（应为60欧），CAN-H对地2.6V。', en: 'CAN resistance at the OBD port 120 ohm (should be 60 ohm); CAN-H to ground 2.6 V.' },
      question: { zh: '电阻120欧说明有一端终端电阻断开，请分段测量，重点查左前翼子板内的接插件。', en: '120 ohm means one terminating end is open; measure section by section, starting with the connector in the left front fender.' },
      answer: { zh: '左前翼子板内接插件进水发绿，密封圈缺失。', en: 'The left front fender connector is wet and green; its seal is missing.' },
      cause: { zh: '接插件密封圈缺失导致进水腐蚀，CAN-H接触不良。', en: 'A missing connector seal let water in; corroded CAN-H pin.' },
      fix: { zh: '更换接插件及端子，加装密封圈，总线电阻恢复60欧。', en: 'Replaced the connector and pins with a seal; bus resistance back to 60 ohm.' },
    },
    {
      dtcs: ['B1318', 'P0562'],
      symptoms: { zh: '车辆停放两天后无法启动，已更换新蓄电池，问题复现。', en: 'No start after two days parked; a new battery did not cure it.' },
      tried: { zh: '更换蓄电池，检查发电机充电电压14.2V正常。', en: 'Replaced the battery; alternator charges at 14.2 V, fine.' },
      readings: { zh: '锁车40分钟后休眠电流380mA（标准≤30mA）。', en: 'Parasitic draw 380 mA 40 minutes after locking (spec ≤ 30 mA).' },
      question: { zh: '请逐个拔保险丝找出漏电回路，注意先让车辆进入休眠。', en: 'Please find the circuit by pulling fuses one by one, after the car has gone to sleep.' },
      answer: { zh: '拔下后备箱灯保险后电流降到20mA。', en: 'Pulling the trunk light fuse brings the draw down to 20 mA.' },
      cause: { zh: '后备箱锁微动开关损坏，后备箱灯常亮，车辆无法休眠。', en: 'A faulty trunk latch switch kept the trunk light on and the car awake.' },
      fix: { zh: '更换后备箱锁总成，休眠电流降至18mA。', en: 'Replaced the trunk latch; parasitic draw down to 18 mA.' },
    },
    {
      dtcs: ['U0155'],
      symptoms: { zh: '行驶中仪表偶发黑屏数秒后重启，颠簸路面更明显。', en: 'The cluster blacks out for a few seconds and reboots while driving, worse on rough roads.' },
      tried: { zh: '刷新仪表软件，检查仪表插头。', en: 'Reflashed the cluster and checked its connector.' },
      readings: { zh: '黑屏时仪表供电从12.4V跌到7.8V，地线压降0.9V。', en: 'During a blackout cluster supply drops from 12.4 V to 7.8 V; 0.9 V drop on the ground.' },
      question: { zh: '地线压降偏大，请检查仪表台下G302搭铁点。', en: 'That ground drop is too high; please check ground point G302 under the dash.' },
      answer: { zh: 'G302螺栓松动，接触面有锈迹。', en: 'The G302 bolt is loose and the contact face is rusty.' },
      cause: { zh: '仪表搭铁点G302松动锈蚀，颠簸时供电中断。', en: 'Loose, rusty ground G302 interrupts the cluster supply over bumps.' },
      fix: { zh: '打磨搭铁点并按规定力矩紧固，路试无黑屏。', en: 'Cleaned the ground point and torqued it to spec; no blackouts on the road test.' },
    },
  ],
  chassis: [
    {
      dtcs: ['C0035'],
      symptoms: { zh: 'ABS和ESP故障灯点亮，低速制动时踏板偶有抖动。', en: 'ABS and ESP lights on; the brake pedal sometimes pulses when braking at low speed.' },
      tried: { zh: '更换左前轮速传感器，故障依旧。', en: 'Replaced the left front wheel speed sensor; no change.' },
      readings: { zh: '车速20km/h以上左前轮速间歇跳变为0，其余三轮正常。', en: 'Above 20 km/h the left front speed drops to 0 intermittently; the other three are fine.' },
      question: { zh: '传感器换过仍有问题，请检查齿圈有无裂纹或吸附铁屑。', en: 'Since the sensor is new, please check the tone ring for cracks or metal debris.' },
      answer: { zh: '齿圈有一道裂纹，并粘有铁屑。', en: 'The tone ring has a crack and metal debris on it.' },
      cause: { zh: '左前驱动轴齿圈开裂，轮速信号丢失。', en: 'A cracked tone ring on the left front drive shaft interrupts the wheel speed signal.' },
      fix: { zh: '更换左前驱动轴（含齿圈），清除故障码，路试正常。', en: 'Replaced the left front drive shaft with its tone ring, cleared codes; road test OK.' },
    },
    {
      dtcs: ['C0110', 'C0561'],
      symptoms: { zh: 'ESP故障灯常亮，自检时听不到ABS泵运转声。', en: 'ESP light stays on; the ABS pump is silent during the self-test.' },
      tried: { zh: '检查ABS泵保险丝完好，清码后立即复现。', en: 'ABS pump fuse is intact; the code returns as soon as it is cleared.' },
      readings: { zh: '泵电机供电端子电压11.9V，带载时降到6.2V。', en: 'Pump motor supply 11.9 V, dropping to 6.2 V under load.' },
      question: { zh: '带载压降大，请检查保险丝座和ABS模块大电源插头有无烧蚀。', en: 'Big drop under load: check the fuse holder and the ABS module main power connector for burning.' },
      answer: { zh: '保险丝座端子发黑，有烧蚀痕迹。', en: 'The fuse holder terminal is black and burnt.' },
      cause: { zh: 'ABS泵电源保险丝座端子烧蚀，接触电阻大，泵电机无法运转。', en: 'A burnt ABS pump fuse holder terminal adds resistance; the pump motor cannot run.' },
      fix: { zh: '更换保险丝座及端子，ESP自检正常，故障灯熄灭。', en: 'Replaced the fuse holder and terminal; ESP self-test passes and the light is off.' },
    },
    {
      dtcs: [],
      symptoms: { zh: '低速打方向时转向柱下方有“咔嗒”声，原地转向更明显。', en: 'A click from below the steering column when steering at low speed, worst when parked.' },
      tried: { zh: '检查转向拉杆球头和减振器顶胶，未见异常。', en: 'Checked the tie rod ends and strut mounts; nothing wrong.' },
      readings: { zh: '助力电机电流正常，无故障码；异响随方向盘转动周期出现。', en: 'EPS motor current normal, no codes; the click repeats with steering wheel rotation.' },
      question: { zh: '请检查转向中间轴万向节，用听诊器在驾驶舱内定位。', en: 'Please check the steering intermediate shaft joint; locate the noise with a stethoscope from inside the cabin.' },
      answer: { zh: '异响来自中间轴下万向节，有轻微旷量。', en: 'The noise comes from the lower intermediate shaft joint, which has slight play.' },
      cause: { zh: '转向中间轴万向节磨损旷动。', en: 'Worn steering intermediate shaft joint.' },
      fix: { zh: '更换转向中间轴总成，异响消除。', en: 'Replaced the intermediate shaft; the click is gone.' },
    },
  ],
  body: [
    {
      dtcs: [],
      symptoms: { zh: '无钥匙进入左前门失效，其余车门正常，遥控钥匙可以开锁。', en: 'Keyless entry fails on the left front door only; the remote still unlocks.' },
      tried: { zh: '更换钥匙电池，重新匹配钥匙。', en: 'Replaced the key battery and re-paired the key.' },
      readings: { zh: '触摸左前门把手时PEPS模块未收到感应信号，其余门把手信号正常。', en: 'Touching the left front handle sends no signal to the PEPS module; the other handles do.' },
      question: { zh: '请测量左前门把手传感器的供电和信号线。', en: 'Please measure supply and signal at the left front handle sensor.' },
      answer: { zh: '供电正常，信号线在门铰链处断路。', en: 'Supply is fine; the signal wire is open at the door hinge.' },
      cause: { zh: '门铰链处线束反复弯折断裂，门把手传感器信号中断。', en: 'The harness broke from repeated flexing at the hinge, cutting the handle sensor signal.' },
      fix: { zh: '修复门铰链处线束并更换波纹管，无钥匙进入恢复。', en: 'Repaired the hinge harness and replaced the conduit; keyless entry works.' },
    },
    {
      dtcs: ['B1A05'],
      symptoms: { zh: '安全气囊故障灯常亮，转动方向盘时喇叭偶尔不响。', en: 'Airbag light stays on; the horn sometimes does not sound while turning the wheel.' },
      tried: { zh: '检查气囊插头连接牢固，清码后复现。', en: 'Airbag connectors seated; the code returns after clearing.' },
      readings: { zh: '驾驶员气囊回路电阻4.8欧（标准2-3欧），转动方向盘时在3.2-6.0欧之间波动。', en: 'Driver airbag loop 4.8 ohm (spec 2-3 ohm), varying 3.2-6.0 ohm as the wheel turns.' },
      question: { zh: '电阻随转角变化，请检查时钟弹簧，注意先断电等待5分钟。', en: 'Resistance changing with steering angle points to the clock spring; disconnect the battery and wait 5 minutes first.' },
      answer: { zh: '单独测量时钟弹簧，转动时电阻跳变。', en: 'Measured on its own, the clock spring resistance jumps as it turns.' },
      cause: { zh: '时钟弹簧内部扁平线缆磨损，气囊回路电阻过高。', en: 'Worn ribbon cable inside the clock spring raises the airbag loop resistance.' },
      fix: { zh: '更换时钟弹簧并对中，清除故障码，气囊灯熄灭。', en: 'Replaced and centred the clock spring, cleared codes; the airbag light is off.' },
    },
    {
      dtcs: [],
      symptoms: { zh: '大雨后副驾驶脚垫潮湿，天窗关闭正常。', en: 'Passenger footwell is wet after heavy rain; the sunroof closes properly.' },
      tried: { zh: '检查天窗密封条完好，清理天窗导轨。', en: 'Sunroof seal intact; cleaned the sunroof tracks.' },
      readings: { zh: '向天窗排水槽倒水，右前排水口无水流出。', en: 'Water poured into the sunroof gutter does not come out of the right front drain.' },
      question: { zh: '请拆下A柱饰板，检查右前天窗排水管接头。', en: 'Please remove the A-pillar trim and check the right front sunroof drain hose joint.' },
      answer: { zh: '排水管从天窗框架接头处脱落。', en: 'The drain hose has come off the sunroof frame spigot.' },
      cause: { zh: '右前天窗排水管脱落，雨水沿A柱流入车内。', en: 'The detached right front drain hose let water run down the A-pillar into the cabin.' },
      fix: { zh: '重新安装排水管并用卡箍固定，淋水试验无渗漏，烘干地毯。', en: 'Refitted the drain hose with a clamp; water test dry; dried the carpet.' },
    },
  ],
  hvac: [
    {
      dtcs: ['B1479'],
      symptoms: { zh: '空调不制冷，压缩机不吸合，鼓风机正常。', en: 'No cooling; the A/C compressor does not engage; blower works.' },
      tried: { zh: '抽真空重新加注冷媒，压缩机仍不工作。', en: 'Evacuated and recharged the refrigerant; the compressor still does not run.' },
      readings: { zh: '空调压力传感器信号4.9V（对地开路），歧管压力表静态压力0.65MPa正常。', en: 'A/C pressure sensor signal 4.9 V (open to ground); static pressure 0.65 MPa on gauges, normal.' },
      question: { zh: '冷媒压力正常但信号4.9V，请检查压力传感器插头和信号线。', en: 'Pressure is fine but the signal reads 4.9 V; check the pressure sensor connector and signal wire.' },
      answer: { zh: '插头端子退针，接触不良。', en: 'A terminal has backed out of the connector.' },
      cause: { zh: '压力传感器插头端子退针，空调控制器判定压力异常切断压缩机。', en: 'A backed-out sensor terminal makes the A/C controller see bad pressure and cut the compressor.' },
      fix: { zh: '修复端子并更换插头，压缩机吸合，出风口温度6°C。', en: 'Repaired the terminal and replaced the connector; compressor engages, 6 °C at the vents.' },
    },
    {
      dtcs: [],
      symptoms: { zh: '开空调时出风口有明显霉味，副驾驶脚下有滴水声。', en: 'Musty smell from the vents with A/C on; dripping sound in the passenger footwell.' },
      tried: { zh: '更换空调滤芯，使用除味剂清洗风道。', en: 'Replaced the cabin filter and cleaned the ducts with deodoriser.' },
      readings: { zh: '蒸发箱排水管出口无冷凝水流出，举升后见排水口被泥沙堵塞。', en: 'No condensate from the evaporator drain; on the lift the outlet is blocked with mud.' },
      question: { zh: '请疏通蒸发箱排水管，并用内窥镜看一下蒸发箱表面。', en: 'Please clear the evaporator drain and look at the evaporator with a borescope.' },
      answer: { zh: '排水管已疏通，流出大量积水，蒸发箱表面有霉斑。', en: 'Drain cleared, a lot of water came out; the evaporator has mould on it.' },
      cause: { zh: '蒸发箱排水管堵塞，积水导致蒸发箱霉变产生异味。', en: 'A blocked evaporator drain left standing water and mould on the evaporator.' },
      fix: { zh: '疏通排水管，泡沫清洗蒸发箱并消毒，异味消除。', en: 'Cleared the drain, foam-cleaned and disinfected the evaporator; the smell is gone.' },
    },
    {
      dtcs: [],
      symptoms: { zh: '暖风模式下驾驶员侧出热风，副驾驶侧出冷风。', en: 'In heating mode the driver side blows hot and the passenger side cold.' },
      tried: { zh: '执行空调执行器初始化，无改善。', en: 'Ran the HVAC actuator initialisation; no change.' },
      readings: { zh: '副驾驶混合风门执行器位置反馈固定在12%，指令100%。', en: 'Passenger blend door actuator feedback stuck at 12% while commanded to 100%.' },
      question: { zh: '请拆下副驾驶混合风门执行器，看齿轮是否打滑。', en: 'Please remove the passenger blend door actuator and check its gears for stripping.' },
      answer: { zh: '执行器输出齿轮有两个齿断裂。', en: 'Two teeth are broken on the actuator output gear.' },
      cause: { zh: '副驾驶混合风门执行器齿轮损坏，风门无法转到热风位置。', en: 'A broken passenger blend door actuator gear stops the door short of the hot position.' },
      fix: { zh: '更换混合风门执行器并初始化，两侧出风温度一致。', en: 'Replaced the blend door actuator and initialised it; both sides blow the same temperature.' },
    },
  ],
  ev: [
    {
      dtcs: ['P0AA6'],
      symptoms: { zh: '雨天后车辆无法上高压，仪表提示“请检查动力系统”。', en: 'After rain the car will not power up the high-voltage system; "check powertrain" shown.' },
      tried: { zh: '检查12V蓄电池电压正常，多次重新上电失败。', en: 'The 12 V battery is fine; repeated power-up attempts fail.' },
      readings: { zh: '绝缘电阻监测值85kΩ（阈值≥500kΩ），断开PTC后升至2.1MΩ。', en: 'Isolation resistance 85 kΩ (threshold ≥ 500 kΩ), rising to 2.1 MΩ with the PTC heater unplugged.' },
      question: { zh: '请按高压安全流程断电，单独测量PTC加热器对壳体绝缘。', en: 'Please de-energise per the HV procedure and measure the PTC heater insulation to its housing.' },
      answer: { zh: 'PTC对壳体绝缘仅60kΩ，插头内有水迹。', en: 'PTC to housing only 60 kΩ; there is water inside its connector.' },
      cause: { zh: 'PTC加热器高压插头密封失效进水，绝缘下降。', en: 'A failed seal on the PTC heater HV connector let water in and dropped the isolation.' },
      fix: { zh: '更换PTC加热器及高压插头，绝缘恢复到5MΩ以上，正常上电。', en: 'Replaced the PTC heater and its HV connector; isolation above 5 MΩ and the car powers up.' },
    },
    {
      dtcs: ['P1E00'],
      symptoms: { zh: '行驶中过减速带时偶发动力中断，仪表报高压系统故障。', en: 'Drive power cuts out now and then over speed bumps; HV system fault on the cluster.' },
      tried: { zh: '检查维修开关安装到位，清码后路试复现。', en: 'The service disconnect is seated; the fault returns on the road test after clearing.' },
      readings: { zh: '高压互锁回路电阻静态正常，颠簸时瞬间开路；记录到互锁断开事件12次。', en: 'HVIL loop resistance fine at rest, open for an instant over bumps; 12 interlock-open events logged.' },
      question: { zh: '请逐个检查压缩机、PTC、电机控制器高压插头的互锁针脚。', en: 'Please check the interlock pins of the compressor, PTC and inverter HV connectors one by one.' },
      answer: { zh: '电动压缩机高压插头互锁针脚有退针。', en: 'The interlock pin in the e-compressor HV connector has backed out.' },
      cause: { zh: '电动压缩机高压插头互锁端子退针，颠簸时互锁回路断开。', en: 'A backed-out interlock terminal in the e-compressor connector opens the HVIL over bumps.' },
      fix: { zh: '更换压缩机高压插头互锁端子，路试100公里无复发。', en: 'Replaced the interlock terminal in the compressor connector; 100 km road test clean.' },
    },
    {
      dtcs: ['P0A80'],
      symptoms: { zh: '满电纯电续航比新车时下降约四分之一，低电量时动力受限。', en: 'Full-charge electric range is down by about a quarter since new; power is limited at low charge.' },
      tried: { zh: '执行慢充满电校准SOC，续航无明显变化。', en: 'Calibrated SOC with a full slow charge; range barely changed.' },
      readings: { zh: '静置后单体最大压差180mV，第7模组3号电芯电压持续偏低。', en: 'After resting, max cell spread 180 mV; module 7 cell 3 is consistently low.' },
      question: { zh: '请导出BMS单体电压历史数据，确认低电芯的自放电速度。', en: 'Please export the BMS cell voltage history to see how fast the low cell self-discharges.' },
      answer: { zh: '已导出，该电芯静置24小时压降比其他电芯多40mV。', en: 'Exported: that cell loses 40 mV more than the others over 24 hours at rest.' },
      cause: { zh: '第7模组单体电芯自放电偏大，限制了整包可用容量。', en: 'A high self-discharge cell in module 7 limits the usable pack capacity.' },
      fix: { zh: '更换第7模组并做均衡充电，压差降至15mV，续航恢复。', en: 'Replaced module 7 and ran a balancing charge; spread down to 15 mV and range restored.' },
    },
  ],
}

/** The rest of a conversation, the same for any fault. */
export const followUps = {
  repairAdvice: { zh: '按上述方案处理后请路试20公里确认，有问题随时联系我。', en: 'After the repair please road test for 20 km to confirm; contact me if it comes back.' },
  thanks: { zh: '已处理，路试正常，故障码未再出现，谢谢！', en: 'Done: road test OK and the code has not come back. Thanks!' },
  onsiteNotice: { zh: '远程难以判断，我安排到站里现场看车。', en: 'Hard to pin down remotely; I will come to the station to see the car.' },
  visitNote: { zh: '远程排查未果，需现场确认', en: 'Remote diagnosis inconclusive; needs an on-site check' },
  reopenReason: { zh: '交车三天后故障复现，客户返厂。', en: 'The fault came back three days after delivery; the customer returned.' },
} satisfies Record<string, Text>
