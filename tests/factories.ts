import crypto from 'node:crypto'
import { vehicleModels } from '../app/modules/catalogue/demo-catalogue.server'
import { toRichDoc } from '../app/editor/rich-text.server'
import type { Role } from '../app/generated/prisma/enums'
import type { CaseContent } from '../app/modules/cases/case.server'
import { createUser } from '../app/utils/user.server'
import { getDb } from '../app/utils/db.server'

const unique = () => crypto.randomBytes(4).toString('hex')

export async function createStation(overrides: Partial<{ code: string; name: string; region: string }> = {}) {
  const suffix = unique()
  return getDb().station.create({
    data: { code: `S${suffix}`, name: `Station ${suffix}`, region: 'East', ...overrides },
    select: { id: true, code: true, name: true },
  })
}

export function createTestUser({ role = 'TECHNICIAN', stationId = null }: { role?: Role; stationId?: string | null } = {}) {
  return createUser({ email: `${role.toLowerCase()}-${unique()}@test.local`, name: `${role} ${unique()}`, password: 'test-password', role, stationId })
}

export async function ensureVehicleModels() {
  await getDb().vehicleModel.createMany({ data: vehicleModels, skipDuplicates: true })
  return getDb().vehicleModel.findMany({ select: { id: true, nameZh: true, nameEn: true } })
}

export async function caseContent(overrides: Partial<CaseContent> = {}): Promise<CaseContent> {
  const [model] = await ensureVehicleModels()
  return {
    title: 'Rough idle when cold, MIL on with P0171',
    modelId: model.id,
    year: 2021,
    vin: null,
    mileageKm: 42000,
    systemCode: 'engine',
    dtcs: ['P0171'],
    symptoms: toRichDoc('The engine idles roughly after a cold start.'),
    diagnosis: toRichDoc('<ol><li><p>Smoke test found a leak.</p></li></ol>'),
    rootCause: toRichDoc('Cracked PCV hose.'),
    fix: toRichDoc('Replaced the PCV hose.'),
    parts: [{ number: '1016051231', name: 'PCV hose', qty: 1 }],
    language: 'en',
    ...overrides,
  }
}

/** A `Cookie` header for a real signed-in session of this user. */
export async function sessionCookieFor(userId: string) {
  const { createSession } = await import('../app/utils/user.server')
  const { getSessionStorage } = await import('../app/utils/session.server')
  const storage = getSessionStorage()
  const session = await storage.getSession()
  session.set('sessionId', await createSession(userId))
  return (await storage.commitSession(session)).split(';')[0]
}

/** A small real PNG (its signature and header), uploaded as `user` through the attachment store. */
export async function uploadPng(user: { id: string }, fileName = 'photo.png') {
  const { saveAttachment } = await import('../app/modules/files/attachment.server')
  const bytes = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex')
  return saveAttachment({ user, fileName, data: (async function* () { yield bytes })(), limitBytes: 1024 })
}
