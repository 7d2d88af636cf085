import type { CaseImportInput } from '../schema'
import { vinCheckDigitMatches } from '~/utils/vehicle-codes'
import { vehicleModels } from '~/modules/catalogue/demo-catalogue.server'
import { caseTemplates, conditions } from './case-templates'

/** Small deterministic PRNG (mulberry32), so a seed always yields the same demo data. */
export function createRandom(seed: number) {
  let state = seed >>> 0
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
  return {
    next,
    int: (min: number, max: number) => min + Math.floor(next() * (max - min + 1)),
    pick: <T>(items: readonly T[]) => items[Math.floor(next() * items.length)],
  }
}

const VIN_CHARS = 'ABCDEFGHJKLMNPRSTUVWXYZ0123456789'

function generateVin(random: ReturnType<typeof createRandom>) {
  const body = Array.from({ length: 17 }, () => VIN_CHARS[random.int(0, VIN_CHARS.length - 1)])
  body[0] = 'L' // China WMI region
  for (const digit of '0123456789X') {
    body[8] = digit
    if (vinCheckDigitMatches(body.join(''))) break
  }
  return body.join('')
}

/** Realistic bilingual cases in the import-line shape, for the demo seed, tests and benchmarks. */
export function* generateCases({ count, seed = 1, startAt = 1 }: { count: number; seed?: number; startAt?: number }) {
  const random = createRandom(seed)
  for (let n = startAt; n < startAt + count; n++) {
    const template = random.pick(caseTemplates)
    const model = random.pick(vehicleModels)
    const language = random.next() < 0.6 ? 'zh' : 'en'
    const condition = random.pick(conditions)[language]
    const text = (value: { zh: string; en: string }) => value[language].replace('{cond}', condition)
    const line: CaseImportInput = {
      externalId: `DEMO-${String(n).padStart(6, '0')}`,
      title: text(template.title),
      model: language === 'zh' ? model.nameZh : model.nameEn,
      modelZh: model.nameZh,
      modelEn: model.nameEn,
      year: random.int(model.yearFrom, model.yearTo),
      vin: generateVin(random),
      mileageKm: random.int(800, 180_000),
      system: template.system as CaseImportInput['system'],
      dtcs: template.dtcs,
      symptoms: text(template.symptoms),
      diagnosis: `<ol>${template.steps.map((step) => `<li><p>${text(step)}</p></li>`).join('')}</ol>`,
      rootCause: text(template.rootCause),
      fix: text(template.fix),
      parts: template.parts.map((part) => ({ number: part.number, name: part[language], qty: random.int(1, 2) })),
      language,
      status: random.next() < 0.08 ? 'classic' : 'approved',
    }
    yield line
  }
}
