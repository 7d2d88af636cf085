import { beforeAll, expect, test } from 'vitest'
import { createRequest } from '../../app/modules/assistance/assistance.server'
import { createCase } from '../../app/modules/cases/case.server'
import { seedDemoFieldSpike } from '../../app/modules/cases/demo/seed-field-spike.server'
import { createUser } from '../../app/utils/user.server'
import { loader as newBulletinPage } from '../../app/routes/bulletins.new'
import { loader as signalsPage } from '../../app/routes/signals'
import type { SessionUser } from '../../app/utils/session-user'
import { caseContent, createStation, createTestUser, ensureVehicleModels, sessionCookieFor } from '../factories'
import { callRoute, routeArgs } from '../route-calls'

// Field-issue signals on real cases and requests: a rise across stations is found, with its
// evidence, and opens a prefilled bulletin draft; only engineers, trainers and admins see them.
let engineer: SessionUser
let technicians: SessionUser[]
let modelId: string

type SignalsData = { signals: Array<{ dtc: string | null; modelId: string; reportCount: number; stationCount: number; evidence: Array<{ kind: string; link: string }>; chart: string }> }
const signalsFor = async (user: SessionUser) => (await signalsPage(routeArgs(new Request('http://test/signals', { headers: { Cookie: await sessionCookieFor(user.id) } })))) as SignalsData

beforeAll(async () => {
  engineer = await createTestUser({ role: 'ENGINEER' })
  technicians = []
  for (let index = 0; index < 4; index++) technicians.push(await createTestUser({ stationId: (await createStation({ region: `R${index}` })).id }))
  const models = await ensureVehicleModels()
  modelId = models[models.length - 1].id
  // Six reports of one model and code from four stations this week: four requests and two cases.
  for (const [index, tech] of technicians.entries()) {
    await createRequest({ user: tech, input: { modelId, year: 2022, systemCode: 'engine', dtcs: ['P0087'], symptoms: `冷车启动困难 ${index}`, urgency: 'NORMAL' } })
  }
  for (const tech of technicians.slice(0, 2)) await createCase({ author: tech, content: await caseContent({ modelId, dtcs: ['P0087'], title: 'Hard start, low rail pressure' }), status: 'SUBMITTED' })
})

test('a rise of one model and code across stations is a card with its evidence', async () => {
  const { signals } = await signalsFor(engineer)
  const signal = signals.find((candidate) => candidate.dtc === 'P0087' && candidate.modelId === modelId)
  expect(signal).toMatchObject({ reportCount: 6, stationCount: 4 })
  expect(signal!.evidence.filter((item) => item.kind === 'request')).toHaveLength(4)
  expect(signal!.evidence.filter((item) => item.kind === 'case')).toHaveLength(2)
  expect(signal!.chart).toContain('<svg')
})

test('the draft bulletin opens with the vehicle, the code and the evidence', async () => {
  const evidence = ['/assistance/abc123', '/cases/def456', 'https://evil.example/x']
  const query = new URLSearchParams({ model: modelId, dtc: 'P0087', system: 'engine', title: 'Possible field issue' })
  for (const link of evidence) query.append('evidence', link)
  const request = new Request(`http://test/bulletins/new?${query}`, { headers: { Cookie: await sessionCookieFor(engineer.id) } })
  const { draft } = (await newBulletinPage(routeArgs(request))) as { draft: { modelIds: string[]; dtcs: string[]; systems: string[]; body: unknown } }
  expect(draft).toMatchObject({ modelIds: [modelId], dtcs: ['P0087'], systems: ['engine'] })
  expect(JSON.stringify(draft.body)).toContain('/assistance/abc123')
  expect(JSON.stringify(draft.body)).not.toContain('evil.example')
})

test('technicians do not see field signals', async () => {
  const response = await callRoute(async () => signalsPage(routeArgs(new Request('http://test/signals', { headers: { Cookie: await sessionCookieFor(technicians[0].id) } }))))
  expect(response.status).toBe(403)
})

test('the demo seeds a field issue the page shows (once)', async () => {
  for (let index = 0; index < 4; index++) await createStation()
  await createUser({ email: 'tech@gtac.test', name: 'Demo tech', password: 'test-password', role: 'TECHNICIAN', stationId: (await createStation()).id })
  expect(await seedDemoFieldSpike()).toBe(6)
  expect(await seedDemoFieldSpike()).toBe(0)
  const { signals } = await signalsFor(engineer)
  expect(signals.find((signal) => signal.dtc === 'P0420')).toMatchObject({ reportCount: 6, stationCount: 4 })
})
