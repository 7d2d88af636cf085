import type { CaseImportInput } from '../schema'
import { createRandom, randomVin } from '~/utils/seeded-random'
import { vehicleModels } from '~/modules/catalogue/demo-catalogue.server'
import { caseTemplates, conditions, details } from './case-templates'

/** Mileage as a technician writes it: "3.2 万公里" / "32,000 km". */
const mileageText = (km: number, language: 'zh' | 'en') => (language === 'zh' ? `${(km / 10_000).toFixed(1)} 万公里` : `${km.toLocaleString('en-US')} km`)

/** Realistic bilingual cases in the import-line shape, for the demo seed, tests and benchmarks. */
export function* generateCases({ count, seed = 1, startAt = 1 }: { count: number; seed?: number; startAt?: number }) {
  const random = createRandom(seed)
  const titles = new Set<string>()
  for (let n = startAt; n < startAt + count; n++) {
    const template = random.pick(caseTemplates)
    const model = random.pick(vehicleModels)
    const language = random.next() < 0.6 ? 'zh' : 'en'
    const condition = random.pick(conditions)[language]
    const text = (value: { zh: string; en: string }) => value[language].replace('{cond}', condition)
    const year = random.int(model.yearFrom, model.yearTo)
    const mileageKm = random.int(800, 180_000)
    const vin = randomVin(random)
    // Written the way different technicians write: with or without the vehicle, the mileage, the
    // condition; never the same title twice.
    const modelName = language === 'zh' ? model.nameZh : model.nameEn
    const vehicle = random.pick([`${modelName} `, language === 'zh' ? `${year}款${modelName} ` : `${year} ${modelName}: `, ''])
    const suffix = random.pick([language === 'zh' ? `（${mileageText(mileageKm, language)}）` : ` (${mileageText(mileageKm, language)})`, language === 'zh' ? `，${condition}明显` : `, worst ${condition}`, ''])
    let title = `${vehicle}${text(random.pick(template.titles ?? [template.title]))}${suffix}`
    if (titles.has(title)) title = `${title} · ${vin.slice(-6)}`
    titles.add(title)
    const extra = random.pick(details)[language]
    const line: CaseImportInput = {
      externalId: `DEMO-${String(n).padStart(6, '0')}`,
      title,
      model: modelName,
      modelZh: model.nameZh,
      modelEn: model.nameEn,
      year,
      vin,
      mileageKm,
      system: template.system as CaseImportInput['system'],
      dtcs: template.dtcs,
      symptoms: [text(template.symptoms), extra].filter(Boolean).join(language === 'zh' ? '' : ' '),
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
