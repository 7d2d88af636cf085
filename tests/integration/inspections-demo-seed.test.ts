import { beforeAll, expect, test } from 'vitest'
import { seedDemoInspections } from '../../app/modules/inspections/demo/seed-inspections.server'
import { seedDemoStationsAndUsers } from '../../app/runtime/seed.server'
import { getDb } from '../../app/utils/db.server'

const CHINESE = /[\u4e00-\u9fff]/

beforeAll(async () => {
  await seedDemoStationsAndUsers()
  await seedDemoInspections()
})

const itemsOf = (key: string) =>
  getDb().checklistTemplate.findFirstOrThrow({
    where: { key },
    select: { version: true, nameZh: true, nameEn: true, sections: { orderBy: { position: 'asc' }, select: { titleZh: true, titleEn: true, items: { select: { textZh: true, textEn: true, weight: true, requiresPhoto: true } } } } },
  })

test('the service-reception checklist has 7 steps and 56 checkpoints, in Chinese with English names', async () => {
  const template = await itemsOf('service-reception')
  expect(template.version).toBe(1)
  expect(template.nameEn).toBe('Service reception process')
  expect(template.sections).toHaveLength(7)
  const items = template.sections.flatMap((section) => section.items)
  expect(items).toHaveLength(56)
  expect(items.every((item) => CHINESE.test(item.textZh) && /[A-Za-z]{3}/.test(item.textEn) && item.weight >= 1)).toBe(true)
  expect(template.sections.every((section) => CHINESE.test(section.titleZh) && /[A-Za-z]{3}/.test(section.titleEn))).toBe(true)
  expect(items.some((item) => item.requiresPhoto)).toBe(true)
})

test('the facilities checklist has 12 checkpoints', async () => {
  const template = await itemsOf('facilities')
  expect(template.nameZh).toBe('设施设备')
  expect(template.sections.flatMap((section) => section.items)).toHaveLength(12)
})

test('one inspection of the station managers\' station is scheduled, run by expert@; seeding again adds nothing', async () => {
  const inspections = await getDb().inspection.findMany({ select: { status: true, scheduledAt: true, station: { select: { code: true } }, inspector: { select: { email: true } } } })
  expect(inspections).toHaveLength(1)
  expect(inspections[0]).toMatchObject({ status: 'SCHEDULED', station: { code: 'BJ001' }, inspector: { email: 'expert@gtac.test' } })
  expect(inspections[0].scheduledAt.getTime()).toBeGreaterThan(Date.now())
  const manager = await getDb().user.findUniqueOrThrow({ where: { email: 'manager@gtac.test' }, select: { station: { select: { code: true } } } })
  expect(manager.station?.code).toBe('BJ001')

  expect(await seedDemoInspections()).toBe(0)
  expect(await getDb().checklistTemplate.count()).toBe(2)
  expect(await getDb().inspection.count()).toBe(1)
})
