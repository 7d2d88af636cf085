import { createRandom } from '../../app/utils/seeded-random'
import { dtcCodes, vehicleModels } from '../../app/modules/catalogue/demo-catalogue.server'

const phrases = [
  '冷车怠速抖', '怠速抖动', '加速无力', '变速箱打滑', '三挡打滑', '空调不制冷', '异响', '故障灯亮', '无法启动', '安全气囊',
  '高压互锁', '绝缘故障', '风噪', '霉味', '减速带异响', 'ABS故障灯',
  'rough idle', 'transmission slips', 'misfire', 'no start battery drained', 'airbag light', 'wind noise',
  'A/C blows warm', 'judder highway', 'clunk speed bumps', 'isolation fault', 'lost communication',
]
const typos = ['transmision slipps', 'rouhg idle', 'misfrie cylinder', 'baterry drained', 'airbgg light', 'compresor', 'judedr']
const systems = ['engine', 'transmission', 'electrical', 'chassis', 'body', 'hvac', 'ev']

export type BenchQuery = { q: string; system?: string; dtc?: string; classic?: boolean }

/** A reproducible mix: DTCs, Chinese and English phrases, typos, model names, with and without filters. */
export function mixedQueries(count: number, seed = 7): BenchQuery[] {
  const random = createRandom(seed)
  return Array.from({ length: count }, (_, index) => {
    switch (index % 6) {
      case 0:
        return { q: random.pick(dtcCodes).code }
      case 1:
        return { q: `${random.pick(dtcCodes).code} ${random.pick(phrases)}` }
      case 2:
        return { q: random.pick(phrases), system: random.pick(systems) }
      case 3:
        return { q: random.pick(typos) }
      case 4:
        return { q: `${random.pick(vehicleModels)[random.next() < 0.5 ? 'nameZh' : 'nameEn']} ${random.pick(phrases)}` }
      default:
        return { q: random.pick(phrases), classic: random.next() < 0.5 ? true : undefined }
    }
  })
}
