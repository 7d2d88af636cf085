import { beforeAll, describe, expect, test } from 'vitest'
import { saveBulletin } from '../../app/modules/bulletins/bulletin.server'
import { bulletinInputSchema } from '../../app/modules/bulletins/schema'
import { loader as fileLoader } from '../../app/routes/files.$fileId'
import type { SessionUser } from '../../app/utils/session-user'
import { createStation, createTestUser, sessionCookieFor, uploadPng } from '../factories'
import { callRoute, routeArgs } from '../route-calls'

// A bulletin's attachments are read by those it is addressed to, and by nobody else.
let trainer: SessionUser
let north: SessionUser
let east: SessionUser
let fileId: string
const cookies = new Map<string, string>()

const fetchFile = (user: SessionUser) => callRoute(() => fileLoader(routeArgs(new Request(`http://test/files/${fileId}`, { headers: { Cookie: cookies.get(user.id)! } }), { fileId })))

beforeAll(async () => {
  trainer = await createTestUser({ role: 'TRAINER' })
  north = await createTestUser({ stationId: (await createStation({ region: 'North-files' })).id })
  east = await createTestUser({ stationId: (await createStation({ region: 'East-files' })).id })
  for (const user of [trainer, north, east]) cookies.set(user.id, await sessionCookieFor(user.id))
  fileId = (await uploadPng(trainer, 'wiring.png')).id
  const saved = await saveBulletin({
    user: trainer,
    input: bulletinInputSchema.parse({ title: '线束走向图', type: 'notice', body: '见附件。', audience: { regions: ['North-files'] }, requiresAck: false, publish: true, attachmentIds: [fileId] }),
  })
  expect(saved.ok).toBe(true)
})

describe('bulletin attachments', () => {
  test('a reader the bulletin is addressed to opens its file; another region gets 404; its author opens it', async () => {
    expect((await fetchFile(north)).status).toBe(200)
    expect((await fetchFile(east)).status).toBe(404)
    expect((await fetchFile(trainer)).status).toBe(200)
  })
})
