import { beforeAll, describe, expect, test } from 'vitest'
import { toRichDoc } from '../../app/editor/rich-text.server'
import { createCase } from '../../app/modules/cases/case.server'
import { ensureSearchIndexes } from '../../search/indexed-entities'
import { drainOutbox } from '../../search/outbox-indexer'
import { searchCases } from '../../search/search-cases'
import { caseContent, createTestUser, ensureVehicleModels } from '../factories'

// Technicians do not write like case authors. Each case below is written the standard way; each
// query is how a technician asks for it: colloquial Chinese, another English word form, or a
// paraphrase of the symptom. The built-in thesaurus and stemming must bring the case into the top 5.
type Kind = 'colloquial' | 'word form' | 'paraphrase'
const library: Array<{ title: string; symptoms: string; system?: string; language?: 'zh' | 'en'; query: string; kind: Kind }> = [
  { title: '行驶中发动机熄火抛锚', symptoms: '车辆在高速上行驶时突然熄火，无法再次启动，需拖车。', language: 'zh', query: '半路趴窝', kind: 'colloquial' },
  { title: '机油消耗过大，排气冒蓝烟', symptoms: '每1000公里机油消耗约1升，冷启动排气管冒蓝烟。', language: 'zh', query: '烧机油', kind: 'colloquial' },
  { title: '行驶跑偏，方向盘不正', symptoms: '直线行驶时车辆向右偏，松手后明显偏向一侧。', system: 'chassis', language: 'zh', query: '车往一边跑', kind: 'colloquial' },
  { title: '冬季暖风不热', symptoms: '发动机水温正常，但暖风出风口温度低。', system: 'hvac', language: 'zh', query: '暖气不热', kind: 'colloquial' },
  { title: '换挡冲击，2挡升3挡时明显', symptoms: '升挡时车身前后冲击，冷车更严重。', system: 'transmission', language: 'zh', query: '换挡顿挫', kind: 'colloquial' },
  { title: '蓄电池亏电无法启动', symptoms: '停放三天后仪表不亮，测量蓄电池电压10.8V。', system: 'electrical', language: 'zh', query: '电瓶没电', kind: 'colloquial' },
  { title: '刹车异响，低速制动尖叫', symptoms: '低速轻踩制动踏板时前轮发出尖锐叫声。', system: 'chassis', language: 'zh', query: '刹车吱吱响', kind: 'colloquial' },
  { title: '空调不制冷，出风口吹热风', symptoms: '开启空调后出风温度接近环境温度。', system: 'hvac', language: 'zh', query: '冷气不冷', kind: 'colloquial' },
  { title: 'Engine stalls when coming to a stop', symptoms: 'The engine stalls at junctions when the driver brakes to a stop.', language: 'en', query: 'stalling at stop', kind: 'word form' },
  { title: 'Rear main seal leaks oil', symptoms: 'Oil leaks between the engine and the gearbox; drops on the floor overnight.', language: 'en', query: 'oil leaking between engine and gearbox', kind: 'word form' },
  { title: 'Wipers stopped working intermittently', symptoms: 'The wipers stop mid-sweep in heavy rain.', system: 'electrical', language: 'en', query: 'wiper stops', kind: 'word form' },
  { title: 'Door lock actuator fails in cold weather', symptoms: 'Front door fails to unlock below freezing.', system: 'body', language: 'en', query: 'door lock failing cold', kind: 'word form' },
  { title: 'Headlamp condensation after car wash', symptoms: 'Water droplets form inside the headlamps after washing.', system: 'electrical', language: 'en', query: 'headlamps condensing', kind: 'word form' },
  { title: 'Brake pedal vibrates when braking from speed', symptoms: 'Pedal pulsation and steering shake when braking from 100 km/h.', system: 'chassis', language: 'en', query: 'brakes vibrating', kind: 'word form' },
  { title: 'Heater blows cold air at idle', symptoms: 'Cabin heater blows cold air while idling; warm when driving.', system: 'hvac', language: 'en', query: 'no heat at idle', kind: 'paraphrase' },
  { title: 'Car pulls to the left', symptoms: 'Vehicle drifts left on a straight road with hands off.', system: 'chassis', language: 'en', query: 'vehicle pulling left', kind: 'paraphrase' },
  { title: 'No start, engine cranks normally', symptoms: 'Engine cranks at normal speed but does not fire.', language: 'en', query: "won't start", kind: 'paraphrase' },
  { title: 'Sluggish acceleration under load', symptoms: 'Weak acceleration when climbing hills fully loaded.', language: 'en', query: 'lack of power uphill', kind: 'paraphrase' },
  { title: 'Dead battery after parking overnight', symptoms: 'Battery drained after the car sat for one night; parasitic draw 180 mA.', system: 'electrical', language: 'en', query: 'flat battery in the morning', kind: 'paraphrase' },
  { title: '仪表多个故障灯亮，CAN通信故障', symptoms: '仪表同时点亮多个故障灯，报多个U码。', system: 'electrical', language: 'zh', query: '掉线 故障灯', kind: 'colloquial' },
]
// Cases that share words with the ones above, so a match has to be earned.
const distractors = [
  { title: '发动机怠速抖动', symptoms: '冷车怠速时发动机抖动，故障灯亮。' },
  { title: 'Engine noise at idle', symptoms: 'Ticking noise from the engine at idle.' },
  { title: 'Oil change interval question', symptoms: 'Customer asks about the oil change interval.' },
  { title: '刹车片更换后异响', symptoms: '更换刹车片后倒车时有响声。' },
  { title: 'Door trim rattle', symptoms: 'Rattle from the door trim on rough roads.' },
  { title: '空调出风口有异味', symptoms: '开空调时出风口有霉味。' },
]

const ids: string[] = []

beforeAll(async () => {
  const author = await createTestUser({ role: 'ENGINEER' })
  await ensureVehicleModels()
  await ensureSearchIndexes()
  for (const item of [...library, ...distractors]) {
    const { system, language } = item as { system?: string; language?: 'zh' | 'en' }
    const created = await createCase({
      author,
      status: 'APPROVED',
      content: await caseContent({ title: item.title, symptoms: toRichDoc(item.symptoms), dtcs: [], systemCode: system ?? 'engine', language: language ?? (/[a-z]/i.test(item.title) ? 'en' : 'zh'), rootCause: toRichDoc('—'), fix: toRichDoc('—'), diagnosis: toRichDoc('—') }),
    })
    ids.push(created.id)
  }
  await drainOutbox()
}, 120_000)

describe('real phrasings find the case', () => {
  test('at least 18 of the 20 technician queries have their case in the top 5, each kind covered', async () => {
    const misses: string[] = []
    for (const [index, item] of library.entries()) {
      const top = (await searchCases({ q: item.query, limit: 5, offset: 0 })).hits.map((hit) => hit.id)
      if (!top.includes(ids[index])) misses.push(`${item.kind}: "${item.query}" → ${item.title}`)
    }
    expect(misses.length, misses.join('\n')).toBeLessThanOrEqual(2)
    expect(new Set(library.map((item) => item.kind))).toEqual(new Set(['colloquial', 'word form', 'paraphrase']))
  })
})
