/**
 * The starting thesaurus: "standard term | colloquial Chinese, … | English, … | system". Curators
 * extend it on the search vocabulary page; these lines are only the first version.
 */
const LINES = `
抛锚|趴窝,半路趴窝,坏在路上,半道坏了|broke down,stranded,vehicle breakdown|engine
机油消耗过大|烧机油,吃机油,机油少得快,冒蓝烟|oil consumption,burning oil,uses oil,blue smoke|engine
行驶跑偏|跑偏,车往一边跑,方向跑偏,拉偏|pulls to one side,pulling,drifts,vehicle pulls|chassis
暖风不热|暖风不热乎,空调吹冷风,暖气不热,出凉风|no heat,heater blows cold,heater not working,cold air from heater|hvac
空调不制冷|空调不凉,冷气不冷,空调吹热风|a/c not cold,ac blows warm,no cooling,a/c blows warm|hvac
发动机熄火|灭车,憋熄火,熄了,死火|stall,engine dies,cuts out,shuts off|engine
无法启动|打不着火,打不着,启动不了,着不了车,不着车|no start,won't start,does not start,cranks no start|engine
启动困难|难启动,不好着车,打火困难,着车慢|hard start,hard starting,long crank|engine
怠速抖动|怠速抖,抖得厉害,车抖,发抖|rough idle,idle shake,shaking at idle|engine
加速无力|没劲,提速慢,加油不走,动力不足|lack of power,sluggish,hesitation,weak acceleration,no power|engine
发动机异响|发动机有响声,机器响,哒哒响|engine noise,engine knock,ticking|engine
爆震|敲缸,发动机敲击,爆燃|knock,pinging,detonation|engine
失火|缺缸,跳缸,断缸|misfire,misfiring,dead cylinder|engine
故障灯亮|发动机灯亮,黄灯亮,亮故障灯,亮灯|check engine light,mil on,engine light on,warning light on|engine
水温高|开锅,发动机过热,水箱开锅,温度高|overheating,overheat,running hot,high coolant temperature|engine
冷却液泄漏|漏防冻液,漏水,水箱漏|coolant leak,antifreeze leak|engine
机油泄漏|漏油,渗油,油底壳漏油|oil leak,leaking oil,oil seep|engine
冒黑烟|排气冒黑烟,黑烟|black smoke|engine
冒白烟|排气冒白烟,白烟|white smoke|engine
油耗高|费油,耗油大,油耗大|high fuel consumption,poor fuel economy,bad mileage|engine
混合气过稀|混合气稀,偏稀|lean mixture,running lean,lean condition|engine
混合气过浓|混合气浓,偏浓|rich mixture,running rich|engine
节气门脏污|节气门脏,节气门积碳|dirty throttle body,throttle carbon|engine
积碳|积炭,燃烧室积碳|carbon build-up,carbon deposits|engine
点火线圈|高压包,点火包|ignition coil,coil pack|engine
火花塞|火嘴|spark plug|engine
喷油嘴|喷油器,油嘴|fuel injector,injector|engine
燃油泵|汽油泵,油泵|fuel pump|engine
氧传感器|含氧传感器,氧传|oxygen sensor,o2 sensor,lambda sensor|engine
三元催化器|三元,催化器,三元催化|catalytic converter,catalyst,cat|engine
涡轮增压器|涡轮,增压器|turbocharger,turbo|engine
正时皮带|正时带|timing belt|engine
正时链条|正时链|timing chain|engine
曲轴箱通风阀|pcv阀,呼吸阀|pcv valve,crankcase ventilation valve|engine
进气漏气|进气漏,真空泄漏,漏真空|vacuum leak,intake leak,air leak|engine
发电机不发电|发电机坏了,不充电|alternator not charging,no charge|electrical
蓄电池亏电|电瓶没电,电瓶亏电,亏电,没电了|dead battery,battery drained,flat battery,battery discharged|electrical
暗电流过大|漏电,静态电流大|parasitic drain,high quiescent current,parasitic draw|electrical
保险丝熔断|保险烧了,保险丝烧了,烧保险|blown fuse,fuse blown|electrical
线束破损|线磨破了,线束磨损,电线破皮|chafed wiring,damaged harness,worn wire|electrical
插头接触不良|插头松,接触不良,插接件松动|poor connection,loose connector,bad contact|electrical
通信故障|掉线,通讯故障,报U码,网络故障|communication fault,lost communication,can bus fault,network fault|electrical
仪表黑屏|仪表不亮,仪表盘黑了|instrument cluster blank,dash dead,cluster dark|electrical
中控屏死机|大屏死机,车机卡死,屏幕卡住|infotainment freeze,head unit frozen,screen frozen|electrical
倒车影像不显示|倒车影像黑屏,倒车影像没了|backup camera not working,rear camera black|electrical
遥控钥匙失灵|钥匙不好使,遥控不灵,钥匙没反应|key fob not working,remote not working|electrical
无钥匙进入失效|一键启动不认钥匙,感应不到钥匙|keyless entry not working,key not detected|electrical
大灯不亮|前大灯不亮,近光不亮,灯不亮|headlight out,headlamp not working|electrical
车窗升降故障|玻璃升不上去,车窗不动,玻璃降不下|window not working,power window stuck|body
中控锁故障|门锁不好使,锁不上车,锁车没反应|central locking fault,door lock not working|body
雨刮不工作|雨刷不动,雨刮器不动|wipers not working,wiper motor fault|electrical
喇叭不响|喇叭没声|horn not working|electrical
起动机不转|马达不转,启动机不转,打火没反应|starter not cranking,no crank,starter dead|electrical
起动机异响|启动机响,打马达响|starter noise,starter grinding|electrical
继电器故障|继电器坏了|relay fault,faulty relay|electrical
搭铁不良|地线虚接,接地不良|bad ground,poor earth,ground fault|electrical
变速箱打滑|跳挡打滑,挂挡打滑,挡位打滑|transmission slip,slipping gears,gear slip|transmission
换挡冲击|换挡顿挫,闯挡,换挡冲,换挡发冲|harsh shift,shift shock,hard shift,clunky shift|transmission
换挡延迟|挂挡慢,换挡慢,升挡慢|delayed shift,late shift,delayed engagement|transmission
变速箱异响|变速箱响,波箱响|transmission noise,gearbox whine|transmission
挂不上挡|进不了挡,挂挡困难,挂挡费劲|won't go into gear,hard to engage gear,gear engagement problem|transmission
起步抖动|起步发抖,起步顿挫,起步闯|judder on take-off,launch shudder,shudder when pulling away|transmission
离合器打滑|离合打滑,离合片磨没了|clutch slip,slipping clutch|transmission
变速箱油泄漏|变速箱漏油,波箱漏油|transmission fluid leak,atf leak|transmission
跛行模式|跛行,锁挡,应急模式,保护模式|limp mode,limp home,failsafe mode|transmission
变矩器|液力变矩器,涡轮变矩器|torque converter|transmission
双离合|dct,双离合变速箱|dual clutch,dct transmission|transmission
无级变速器|cvt,无级变速箱|cvt,continuously variable transmission|transmission
刹车异响|刹车响,刹车尖叫,刹车吱吱响|brake noise,brake squeal,squeaky brakes|chassis
刹车抖动|刹车发抖,踩刹车方向盘抖|brake judder,brake shudder,pulsating brakes|chassis
刹车偏软|刹车软,刹车踩到底,刹车没劲|spongy brake,soft brake pedal,brake pedal sinks|chassis
刹车跑偏|刹车往一边偏,刹车偏|brake pull,pulls when braking|chassis
刹车片磨损|刹车片薄了,刹车皮磨没了|worn brake pads,brake pads worn|chassis
刹车盘变形|刹车盘不平,碟片变形|warped rotor,warped brake disc|chassis
方向盘抖动|方向盘发抖,方向抖,打手|steering wheel shake,steering vibration,shimmy|chassis
方向沉重|方向重,打方向费劲,转向沉|heavy steering,hard steering,stiff steering|chassis
方向盘不正|方向跑偏,方向盘歪|steering wheel off center,crooked steering wheel|chassis
底盘异响|底盘响,咯噔响,过坎响|suspension noise,clunk,knocking over bumps,rattle underneath|chassis
减震器漏油|减震漏油,避震漏油|leaking shock absorber,shock leak|chassis
胎压报警|胎压灯亮,轮胎报警|tire pressure warning,tpms light|chassis
轮胎偏磨|吃胎,轮胎吃胎,啃胎|uneven tire wear,tire wear,feathering|chassis
四轮定位|做定位,定位不准|wheel alignment,alignment|chassis
abs故障灯亮|abs灯亮,防抱死灯亮|abs light on,abs warning|chassis
轮速传感器|轮速感应器,abs传感器|wheel speed sensor,abs sensor|chassis
电子手刹故障|电子驻车故障,手刹放不下|electronic parking brake fault,epb fault,parking brake stuck|chassis
转向助力失效|助力没了,方向没助力|power steering failure,loss of power steering,eps fault|chassis
球头松旷|球头旷,球头间隙大|worn ball joint,loose ball joint|chassis
车身异响|车内异响,内饰响,咯吱响|interior rattle,squeak,body noise|body
风噪大|风噪,门缝漏风,呼呼响|wind noise,door wind noise|body
车内漏水|漏水,进水,车里有水|water leak,water ingress|body
天窗漏水|天窗进水|sunroof leak|body
车门关不严|关门费劲,门关不上|door does not close,door hard to close|body
安全气囊故障灯亮|气囊灯亮,安全气囊灯亮|airbag light on,srs light on,airbag warning|body
安全带报警|安全带提示音,安全带灯|seat belt warning,seatbelt chime|body
座椅加热不工作|座椅加热不热,座椅不热|seat heater not working,heated seat fault|body
后视镜调节失灵|后视镜不动,镜子调不了|mirror not adjusting,power mirror fault|body
空调异味|空调有味,出风口有味,空调霉味,空调臭|a/c smell,musty smell,vent odor|hvac
压缩机不吸合|压缩机不工作,泵不吸,空调泵不转|compressor not engaging,compressor clutch not engaging|hvac
空调漏氟|缺氟,冷媒不足,漏冷媒|refrigerant leak,low refrigerant|hvac
鼓风机不转|空调不出风,风机不转|blower motor not working,no air flow|hvac
前挡起雾|玻璃起雾,除雾不好|windshield fogging,defrost not working|hvac
空调滤芯|空调格|cabin air filter,cabin filter|hvac
冷凝器|散热网|condenser|hvac
蒸发箱|蒸发器|evaporator|hvac
散热风扇常转|风扇一直转,电子扇常转|cooling fan always on,fan runs constantly|hvac
散热风扇不转|电子扇不转,风扇不转|cooling fan not working,fan does not run|hvac
续航下降|续航短,掉电快,续航缩水|range loss,reduced range,low range|ev
无法充电|充不进电,充不了电,不充电|won't charge,charging failure,not charging|ev
充电枪拔不下来|充电枪卡住,枪锁死|charging connector stuck,charge cable locked|ev
绝缘故障|绝缘低,漏电报警|isolation fault,insulation fault|ev
高压互锁故障|互锁故障,hvil故障|hv interlock fault,hvil fault|ev
无法上高压|上不了高压,上电失败,ready不亮|high voltage not enabled,no ready,hv not ready|ev
动力电池|电池包,高压电池|traction battery,hv battery,battery pack|ev
电机控制器|电控|motor controller,inverter|ev
驱动电机异响|电机响,电机啸叫|motor whine,drive motor noise|ev
动力中断|突然没动力,行驶中断电|loss of drive power,sudden power loss|ev
慢充|交流充电,家用充电|ac charging,slow charging|ev
快充|直流充电,快充桩|dc fast charging,rapid charging|ev
车载充电机|obc,充电机|on-board charger,obc|ev
`

export type ThesaurusEntry = { standard: string; colloquial: string[]; english: string[]; systemCode: string | null }

const words = (field: string) => field.split(',').map((word) => word.trim()).filter(Boolean)

export const thesaurusSeed: ThesaurusEntry[] = LINES.trim()
  .split('\n')
  .map((line) => {
    const [standard, colloquial, english, systemCode] = line.split('|')
    return { standard: standard.trim(), colloquial: words(colloquial), english: words(english), systemCode: systemCode?.trim() || null }
  })
