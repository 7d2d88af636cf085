import { dtcCodes, demoStations, vehicleModels, vehicleSystems } from '~/modules/catalogue/demo-catalogue.server'
import { generateCases } from '~/modules/cases/demo/case-generator'
import { ImportContext, getImportAuthorId, importCaseBatch } from '~/modules/cases/case-import.server'
import { createCase } from '~/modules/cases/case.server'
import { createUser } from '~/utils/user.server'
import type { Role } from '~/generated/prisma/enums'
import { getDb } from '~/utils/db.server'
import { getEnv } from '~/utils/env.server'

export const DEMO_PASSWORD = 'gtac-demo'

export const demoAccounts: Array<{ email: string; name: string; role: Role; station?: string }> = [
  { email: 'admin@gtac.test', name: '系统管理员 Admin', role: 'ADMIN' },
  { email: 'tech@gtac.test', name: '王师傅 Wang (technician)', role: 'TECHNICIAN', station: 'BJ001' },
  { email: 'tech2@gtac.test', name: '李师傅 Li (technician)', role: 'TECHNICIAN', station: 'SH002' },
  { email: 'manager@gtac.test', name: '张站长 Zhang (station manager)', role: 'STATION_MANAGER', station: 'BJ001' },
  { email: 'expert@gtac.test', name: '陈工 Chen (expert)', role: 'ENGINEER' },
  { email: 'trainer@gtac.test', name: '刘老师 Liu (trainer)', role: 'TRAINER' },
]

/** Vehicle systems and the DTC reference table: needed by every installation, demo or not. */
export async function seedReferenceData() {
  const db = getDb()
  await db.vehicleSystem.createMany({ data: vehicleSystems, skipDuplicates: true })
  await db.dtcCode.createMany({ data: dtcCodes, skipDuplicates: true })
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
  return users
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

/** A fresh database gets demo stations, accounts and cases unless SEED_DEMO=never. */
export async function seedDemoDataIfEmpty({ log }: { log: (line: string) => void }) {
  const env = getEnv()
  if (env.SEED_DEMO === 'never' || (await getDb().user.count()) > 0) return
  log('Demo data: seeding stations, accounts and cases…')
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
}
