import { withAdvisoryLock } from '~/utils/advisory-lock.server'
import { dtcCodes, demoStations, vehicleModels, vehicleSystems } from '~/modules/catalogue/demo-catalogue.server'
import { seedDemoRequests } from '~/modules/assistance/demo/seed-requests.server'
import { seedDemoBulletins } from '~/modules/bulletins/demo/seed-bulletins.server'
import { seedDemoExams } from '~/modules/exams/demo/seed-exams.server'
import { seedDemoPositions } from '~/modules/exams/demo/seed-positions.server'
import { seedDemoInhouseTraining, seedDemoTraining } from '~/modules/training/demo/seed-training.server'
import { seedDemoForum } from '~/modules/forum/demo/seed-forum.server'
import { seedDemoInspections } from '~/modules/inspections/demo/seed-inspections.server'
import { generateCases } from '~/modules/cases/demo/case-generator'
import { seedDemoFieldSpike } from '~/modules/cases/demo/seed-field-spike.server'
import { ImportContext, getImportAuthorId, importCaseBatch } from '~/modules/cases/case-import.server'
import { createCase } from '~/modules/cases/case.server'
import { createUser } from '~/utils/user.server'
import type { Role } from '~/generated/prisma/enums'
import { getDb } from '~/utils/db.server'
import { getEnv } from '~/utils/env.server'
import type { SystemCode } from '~/utils/vehicle-schema'
import { seedThesaurusIfEmpty } from '~/modules/search/vocabulary.server'

export const DEMO_PASSWORD = 'gtac-demo'

type DemoAccount = { email: string; name: string; role: Role; station?: string; systems?: SystemCode[] }

export const demoAccounts: DemoAccount[] = [
  { email: 'admin@gtac.test', name: '系统管理员 Admin', role: 'ADMIN' },
  { email: 'tech@gtac.test', name: '王师傅 Wang (technician)', role: 'TECHNICIAN', station: 'BJ001' },
  { email: 'tech2@gtac.test', name: '李师傅 Li (technician)', role: 'TECHNICIAN', station: 'SH002' },
  { email: 'manager@gtac.test', name: '张站长 Zhang (station manager)', role: 'STATION_MANAGER', station: 'BJ001' },
  { email: 'expert@gtac.test', name: '陈工 Chen (expert)', role: 'ENGINEER', systems: ['engine', 'transmission', 'ev'] },
  { email: 'expert2@gtac.test', name: '赵工 Zhao (expert)', role: 'ENGINEER', systems: ['electrical', 'body', 'hvac'] },
  { email: 'expert3@gtac.test', name: '孙工 Sun (expert)', role: 'ENGINEER', systems: ['chassis', 'engine'] },
  { email: 'trainer@gtac.test', name: '刘老师 Liu (trainer)', role: 'TRAINER' },
]

/** Vehicle systems and the DTC reference table: needed by every installation, demo or not. */
export async function seedReferenceData() {
  const db = getDb()
  await db.vehicleSystem.createMany({ data: vehicleSystems, skipDuplicates: true })
  await db.dtcCode.createMany({ data: dtcCodes, skipDuplicates: true })
  await seedThesaurusIfEmpty()
}

export async function seedDemoStationsAndUsers() {
  const db = getDb()
  await db.station.createMany({ data: demoStations, skipDuplicates: true })
  await db.vehicleModel.createMany({ data: vehicleModels, skipDuplicates: true })
  const stations = await db.station.findMany({ select: { id: true, code: true } })
  const stationId = (code?: string) => stations.find((station) => station.code === code)?.id ?? null
  const users = []
  for (const account of demoAccounts) {
    users.push(await createUser({ ...account, password: DEMO_PASSWORD, stationId: stationId(account.station) }))
  }
  await createExpertProfiles(users)
  return users
}

/** Experts start offline: going available is what puts them in a queue. */
async function createExpertProfiles(users: Array<{ id: string; email: string }>) {
  const profiles = demoAccounts.flatMap(({ email, systems }) => {
    const user = users.find((candidate) => candidate.email === email)
    return user && systems ? [{ userId: user.id, systems, available: false }] : []
  })
  await getDb().expertProfile.createMany({ data: profiles, skipDuplicates: true })
  // Their member profiles say what they know and that they work in Chinese and English.
  for (const profile of profiles) await getDb().user.update({ where: { id: profile.userId }, data: { expertise: profile.systems, languages: ['zh', 'en'] } })
}

// Whose queue has fresh requests waiting when the demo starts.
const LIVE_QUEUE_EXPERT = 'expert@gtac.test'

/** Six months of assistance requests for the KPI charts, plus a live queue for expert@. */
export async function seedDemoAssistanceRequests(log: (line: string) => void) {
  const liveQueueSystems = demoAccounts.find((account) => account.email === LIVE_QUEUE_EXPERT)?.systems ?? []
  const count = await seedDemoRequests({ liveQueueSystems })
  log(`Demo data: ${count} assistance requests`)
}

export async function importDemoCases(count: number, log: (line: string) => void) {
  const context = new ImportContext('APPROVED', null)
  const authorId = await getImportAuthorId()
  const lines = [...generateCases({ count })].map((raw, index) => ({ lineNo: index + 1, raw }))
  for (let start = 0; start < lines.length; start += 200) {
    const results = await importCaseBatch(lines.slice(start, start + 200), context, authorId)
    const failed = results.filter((result) => !result.ok)
    if (failed.length > 0) throw new Error(`demo case generator produced invalid cases: ${JSON.stringify(failed[0])}`)
  }
  log(`Demo data: ${lines.length} repair cases`)
}

/** A fresh database gets demo stations, accounts, cases and assistance requests unless SEED_DEMO=never. */
// Nodes starting together on an empty database seed it once: the others wait, then find it seeded.
const SEED_LOCK = 727_275

export async function seedDemoDataIfEmpty({ log }: { log: (line: string) => void }) {
  if (getEnv().SEED_DEMO === 'never') return
  await withAdvisoryLock(SEED_LOCK, { wait: true }, () => seedDemoData({ log }))
}

async function seedDemoData({ log }: { log: (line: string) => void }) {
  const env = getEnv()
  // A demo database made before the exams, inspections or courses existed gets their demo data too.
  if ((await getDb().user.count()) > 0) {
    await seedDemoExams({ log })
    await seedDemoPositions({ log })
    if (await seedDemoInspections()) log('Demo data: inspection checklists and a scheduled inspection')
    await seedDemoTraining({ log })
    await seedDemoInhouseTraining({ log })
    return
  }
  log('Demo data: seeding stations, accounts, cases and assistance requests…')
  const users = await seedDemoStationsAndUsers()
  await importDemoCases(env.DEMO_CASE_COUNT, log)
  const tech = users.find((user) => user.email === 'tech@gtac.test')!
  const [sample] = await getDb().repairCase.findMany({
    take: 1,
    select: { modelId: true, symptoms: true, diagnosis: true, rootCause: true, fix: true },
  })
  if (sample) {
    const base = {
      modelId: sample.modelId,
      year: 2022,
      systemCode: 'engine',
      dtcs: ['P0128'],
      symptoms: sample.symptoms as object,
      diagnosis: sample.diagnosis as object,
      rootCause: sample.rootCause as object,
      fix: sample.fix as object,
      parts: [],
      language: 'zh' as const,
    }
    await createCase({ author: tech, content: { ...base, title: '水温表长时间不上升（草稿）' }, status: 'DRAFT' })
    await createCase({ author: tech, content: { ...base, title: '冬季暖风不热，报P0128' }, status: 'SUBMITTED' })
  }
  await seedDemoAssistanceRequests(log)
  log(`Demo data: ${await seedDemoFieldSpike()} recent cases of one fault across stations (a field-issue signal)`)
  log(`Demo data: ${await seedDemoBulletins()} bulletins`)
  await seedDemoExams({ log })
  await seedDemoPositions({ log })
  await seedDemoTraining({ log })
  await seedDemoInhouseTraining({ log })
  log(`Demo data: ${await seedDemoForum()} forum questions`)
  log(`Demo data: ${await seedDemoInspections()} inspection checklists and a scheduled inspection`)
}
