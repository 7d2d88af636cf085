import type { CaseImportInput } from '../schema'
import { createRandom, randomVin } from '~/utils/seeded-random'
import { vehicleModels } from '~/modules/catalogue/demo-catalogue.server'
import { caseTemplates, conditions } from './case-templates'


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
      vin: randomVin(random),
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
