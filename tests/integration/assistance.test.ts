import { beforeAll, describe, expect, test } from 'vitest'
import { createRequest, getRequest, listActivity, queuePosition, recordDeflection, addMessage, listMessages, THREAD_LENGTH } from '../../app/modules/assistance/assistance.server'
import { performRequestAction } from '../../app/modules/assistance/request-actions.server'
import { getCase } from '../../app/modules/cases/case.server'
import { action as claimApi } from '../../app/routes/api.assistance.$requestId.claim'
import { loader as getRequestApi } from '../../app/routes/api.assistance.$requestId'
import { action as createApi } from '../../app/routes/api.assistance'
import { createApiToken } from '../../app/utils/api-token.server'
import { getDb } from '../../app/utils/db.server'
import type { SessionUser } from '../../app/utils/session-user'
import { caseContent, createStation, createTestUser, ensureVehicleModels, uploadPng } from '../factories'
import { callRoute, jsonRequest, routeArgs } from '../route-calls'

let station: { id: string; code: string }
let tech: SessionUser
let manager: SessionUser
let otherTech: SessionUser
let trainer: SessionUser
let admin: SessionUser
let experts: SessionUser[]
let modelId: string
let modelName: string
const tokens = new Map<string, string>()
const tokenOf = (user: SessionUser) => tokens.get(user.id)!

const validBody = () => ({
  model: modelName,
  year: 2021,
  vin: 'LSGJA52U7BH123456',
  mileageKm: 38000,
  system: 'engine',
  dtcs: ['p0171', 'P0174'],
  symptoms: '冷车启动后怠速抖动，发动机故障灯亮',
  tried: '清洗节气门，更换火花塞',
  urgency: 'vor',
})

const postRequest = (token: string | undefined, body: unknown) => callRoute(() => createApi(routeArgs(jsonRequest('/api/assistance', { token, body }))))
const getRequestJson = (token: string, id: string) => callRoute(() => getRequestApi(routeArgs(jsonRequest(`/api/assistance/${id}`, { token }), { requestId: id })))
const claimViaApi = (token: string, id: string) =>
  callRoute(() => claimApi(routeArgs(jsonRequest(`/api/assistance/${id}/claim`, { token, method: 'POST' }), { requestId: id })))

const newRequest = (user = tech, overrides: Partial<Parameters<typeof createRequest>[0]['input']> = {}) =>
  createRequest({
    user,
    input: { modelId, year: 2020, systemCode: 'engine', dtcs: ['P0300'], symptoms: 'Misfire under load', urgency: 'NORMAL', ...overrides },
  })

beforeAll(async () => {
  station = await createStation()
  tech = await createTestUser({ stationId: station.id })
  manager = await createTestUser({ role: 'STATION_MANAGER', stationId: station.id })
  otherTech = await createTestUser({ stationId: (await createStation()).id })
  trainer = await createTestUser({ role: 'TRAINER' })
  admin = await createTestUser({ role: 'ADMIN' })
  experts = await Promise.all(Array.from({ length: 6 }, () => createTestUser({ role: 'ENGINEER' })))
  for (const user of [tech, manager, otherTech, trainer, admin, ...experts]) tokens.set(user.id, (await createApiToken({ userId: user.id, name: 'test' })).token)
  const [model] = await ensureVehicleModels()
  modelId = model.id
  modelName = model.nameEn
})

describe('POST /api/assistance', () => {
  test('401 without credentials, 403 for roles that do not file requests', async () => {
    expect((await postRequest(undefined, validBody())).status).toBe(401)
    expect((await postRequest(tokenOf(experts[0]), validBody())).status).toBe(403)
    expect((await postRequest(tokenOf(trainer), validBody())).status).toBe(403)
  })

  test('400 with a message per field, and nothing written', async () => {
    const before = await getDb().assistanceRequest.count()
    const response = await postRequest(tokenOf(tech), { ...validBody(), vin: 'IOQ123', system: 'warp-drive', dtcs: ['X9999'], symptoms: ' ', urgency: 'soon' })
    expect(response.status).toBe(400)
    const { errors } = await response.json()
    expect(Object.keys(errors).sort()).toEqual(['dtcs.0', 'symptoms', 'system', 'urgency', 'vin'])
    const unknownModel = await postRequest(tokenOf(tech), { ...validBody(), model: 'No Such Car' })
    expect(await unknownModel.json()).toEqual({ errors: { model: expect.stringContaining('unknown model') } })
    expect(await getDb().assistanceRequest.count()).toBe(before)
  })

  test('201 with the id; GET shows status and SLA dates in ISO 8601', async () => {
    const response = await postRequest(tokenOf(tech), validBody())
    expect(response.status).toBe(201)
    const { id } = await response.json()
    const shown = await (await getRequestJson(tokenOf(tech), id)).json()
    expect(shown).toMatchObject({ id, status: 'open', urgency: 'vor', system: 'engine', dtcs: ['P0171', 'P0174'], assignee: null, claimedAt: null, station: station.code })
    const created = Date.parse(shown.createdAt)
    expect(shown.createdAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/)
    expect(Date.parse(shown.responseDueAt) - created).toBe(2 * 3600_000)
    expect(Date.parse(shown.resolutionDueAt) - created).toBe(3 * 24 * 3600_000)
  })
})

describe('who sees a request', () => {
  test('its station and the experts while it is open; not another station or a trainer', async () => {
    const { id } = await newRequest()
    expect((await getRequestJson(tokenOf(manager), id)).status).toBe(200)
    expect((await getRequestJson(tokenOf(experts[0]), id)).status).toBe(200)
    expect((await getRequestJson(tokenOf(admin), id)).status).toBe(200)
    expect((await getRequestJson(tokenOf(otherTech), id)).status).toBe(404)
    expect((await getRequestJson(tokenOf(trainer), id)).status).toBe(404)
  })

  test('once claimed, other experts no longer see it; the holder does', async () => {
    const { id } = await newRequest()
    expect((await claimViaApi(tokenOf(experts[1]), id)).status).toBe(200)
    expect((await getRequestJson(tokenOf(experts[1]), id)).status).toBe(200)
    expect((await getRequestJson(tokenOf(experts[2]), id)).status).toBe(404)
  })
})

describe('claiming', () => {
  test('six experts at once: exactly one wins, the others get 409 naming the holder', async () => {
    const { id } = await newRequest()
    const responses = await Promise.all(experts.map((expert) => claimViaApi(tokenOf(expert), id)))
    const statuses = responses.map((response) => response.status).sort()
    expect(statuses).toEqual([200, 409, 409, 409, 409, 409])
    const winner = experts[responses.findIndex((response) => response.status === 200)]
    const loser = await responses.find((response) => response.status === 409)!.json()
    expect(loser.assignee).toEqual({ id: winner.id, name: winner.name })
    const stored = await getDb().assistanceRequest.findUniqueOrThrow({ where: { id }, select: { assigneeId: true, status: true, claimedAt: true } })
    expect(stored).toMatchObject({ assigneeId: winner.id, status: 'CLAIMED' })
    expect(await getDb().assistanceEvent.count({ where: { requestId: id, kind: 'claimed' } })).toBe(1)
    expect((await claimViaApi(tokenOf(winner), id)).status).toBe(200)
  })

  test('403 for a technician, 404 for an unknown request', async () => {
    const { id } = await newRequest()
    expect((await claimViaApi(tokenOf(tech), id)).status).toBe(403)
    expect((await claimViaApi(tokenOf(experts[0]), 'nope')).status).toBe(404)
  })

  test('queue position: vehicle-off-road requests go first, then the oldest', async () => {
    const system = 'hvac'
    const first = await newRequest(tech, { systemCode: system })
    const second = await newRequest(tech, { systemCode: system })
    const urgent = await newRequest(tech, { systemCode: system, urgency: 'VOR' })
    const position = async (id: string) => queuePosition((await getDb().assistanceRequest.findUniqueOrThrow({ where: { id } }))!)
    expect([await position(urgent.id), await position(first.id), await position(second.id)]).toEqual([1, 2, 3])
    await performRequestAction({ user: experts[0], requestId: urgent.id, action: { intent: 'claim' } })
    expect([await position(first.id), await position(second.id), await position(urgent.id)]).toEqual([1, 2, null])
  })
})

describe('from claim to a repair case', () => {
  test('transfer, on-site escalation with a visit record, resolve, reopen, confirm, draft case linked both ways', async () => {
    const [holder, colleague] = experts
    const { id } = await newRequest(tech, { dtcs: ['P0171'], symptoms: '怠速抖动，加速无力', tried: '更换火花塞' })
    const photo = await uploadPng(tech, 'idle.png')
    expect(await addMessage({ user: tech, requestId: id, body: '数据流见附件', attachmentIds: [photo.id] })).not.toBeNull()
    const act = (user: SessionUser, action: Parameters<typeof performRequestAction>[0]['action']) => performRequestAction({ user, requestId: id, action })

    expect(await act(holder, { intent: 'claim' })).toEqual({ ok: true })
    expect(await act(colleague, { intent: 'resolve', cause: 'x', fix: 'y' })).toMatchObject({ ok: false, reason: 'not-found' })
    expect(await act(tech, { intent: 'transfer', toExpertId: colleague.id })).toMatchObject({ ok: false, reason: 'forbidden' })
    expect(await act(holder, { intent: 'transfer', toExpertId: tech.id })).toMatchObject({ ok: false, errors: { toExpertId: 'choose an expert' } })
    expect(await act(holder, { intent: 'transfer', toExpertId: colleague.id, note: '电气问题' })).toEqual({ ok: true })
    expect((await getRequest({ user: colleague, requestId: id }))?.assignee?.id).toBe(colleague.id)

    // 09:30 in Shanghai (UTC+8, getTimezoneOffset -480) is 01:30Z.
    const scheduledAt = new Date('2030-05-02T01:30:00Z')
    expect(await act(colleague, { intent: 'escalate', scheduledAt: '2030-05-02T09:30', tzOffset: -480 })).toEqual({ ok: true })
    const onsite = await getRequest({ user: colleague, requestId: id })
    expect(onsite).toMatchObject({ status: 'ONSITE', visits: [{ scheduledAt, outcome: null, expert: { id: colleague.id } }] })
    expect(await act(colleague, { intent: 'visit-outcome', visitId: onsite!.visits[0].id, outcome: '进气歧管垫漏气' })).toEqual({ ok: true })

    expect(await act(tech, { intent: 'confirm', firstTimeFix: 'yes' })).toMatchObject({ ok: false, reason: 'invalid-state' })
    expect(await act(colleague, { intent: 'resolve', cause: '进气歧管垫老化漏气', fix: '更换进气歧管垫' })).toEqual({ ok: true })
    expect(await act(tech, { intent: 'reopen', reason: '两天后又抖' })).toEqual({ ok: true })
    expect((await getRequest({ user: tech, requestId: id }))?.status).toBe('CLAIMED')
    expect(await act(colleague, { intent: 'resolve', cause: '进气歧管垫老化漏气', fix: '更换进气歧管垫并清除积碳' })).toEqual({ ok: true })
    expect(await act(otherTech, { intent: 'confirm', firstTimeFix: 'yes' })).toMatchObject({ ok: false, reason: 'not-found' })
    expect(await act(manager, { intent: 'confirm', firstTimeFix: 'yes' })).toEqual({ ok: true })
    const closed = await getRequest({ user: tech, requestId: id })
    expect(closed).toMatchObject({ status: 'CLOSED', firstTimeFix: false, reopenCount: 1 })

    const drafted = await act(tech, { intent: 'draft-case' })
    expect(drafted).toMatchObject({ ok: true, caseId: expect.any(String) })
    const caseId = (drafted as { caseId: string }).caseId
    expect(await act(colleague, { intent: 'draft-case' })).toEqual({ ok: true, caseId })
    const draft = await getCase({ user: tech, caseId })
    expect(draft).toMatchObject({ status: 'DRAFT', dtcs: ['P0171'], language: 'zh', canEdit: true })
    expect(draft!.attachments.map((file) => file.id)).toEqual([photo.id])
    const texts = await getDb().repairCase.findUniqueOrThrow({ where: { id: caseId }, select: { stationId: true, systemCode: true, symptomsText: true, diagnosisText: true, rootCauseText: true, fixText: true } })
    expect(texts).toMatchObject({ stationId: station.id, systemCode: 'engine' })
    expect(texts.symptomsText).toBe('怠速抖动，加速无力')
    expect(texts.diagnosisText).toContain('更换火花塞')
    expect(texts.diagnosisText).toContain('数据流见附件')
    expect(texts.rootCauseText).toBe('进气歧管垫老化漏气')
    expect(texts.fixText).toBe('更换进气歧管垫并清除积碳')
    expect((await getRequest({ user: tech, requestId: id }))?.caseId).toBe(caseId)

    const kinds = (await listActivity({ requestId: id })).map((event) => event.kind)
    expect(kinds).toEqual(['created', 'claimed', 'transferred', 'escalated', 'visited', 'resolved', 'reopened', 'resolved', 'confirmed', 'case-drafted'])
  })

  test('messages: both sides write; a file already used elsewhere is refused and nothing is written', async () => {
    const { id } = await newRequest()
    await performRequestAction({ user: experts[3], requestId: id, action: { intent: 'claim' } })
    await addMessage({ user: experts[3], requestId: id, body: '请读一下长期燃油修正' })
    await addMessage({ user: tech, requestId: id, body: 'LTFT +18%' })
    expect((await listMessages({ requestId: id })).messages.map((message) => message.body)).toEqual(['请读一下长期燃油修正', 'LTFT +18%'])
    expect(await addMessage({ user: otherTech, requestId: id, body: 'not mine' })).toBeNull()
    const photo = await uploadPng(tech)
    await addMessage({ user: tech, requestId: id, body: 'photo', attachmentIds: [photo.id] })
    await expect(addMessage({ user: tech, requestId: id, body: 'again', attachmentIds: [photo.id] })).rejects.toThrow('invalid request')
    expect((await listMessages({ requestId: id })).messages.map((message) => message.body)).toEqual(['请读一下长期燃油修正', 'LTFT +18%', 'photo'])
  })
})

test('a long thread shows its latest messages, the newest included, and counts the earlier ones', async () => {
  const { id } = await newRequest()
  const start = Date.UTC(2026, 10, 1)
  await getDb().assistanceMessage.createMany({
    data: Array.from({ length: THREAD_LENGTH + 3 }, (_, n) => ({ requestId: id, authorId: tech.id, body: `message ${n}`, createdAt: new Date(start + n * 1000) })),
  })
  const { messages, earlier } = await listMessages({ requestId: id })
  expect(earlier).toBe(3)
  expect(messages).toHaveLength(THREAD_LENGTH)
  expect(messages[0].body).toBe('message 3')
  expect(messages.at(-1)!.body).toBe(`message ${THREAD_LENGTH + 2}`)
})

test('"this case solved it" confirms the fix on the case and files no request', async () => {
  const before = await getDb().assistanceRequest.count()
  const { createCase } = await import('../../app/modules/cases/case.server')
  const published = await createCase({ author: experts[0], content: await caseContent(), status: 'APPROVED' })
  expect(await recordDeflection({ user: tech, caseId: published.id })).toBe(true)
  expect(await getDb().caseDeflection.count({ where: { caseId: published.id, userId: tech.id } })).toBe(1)
  expect((await getDb().repairCase.findUniqueOrThrow({ where: { id: published.id } })).confirmCount).toBe(1)
  expect(await recordDeflection({ user: tech, caseId: 'missing' })).toBe(false)
  expect(await getDb().assistanceRequest.count()).toBe(before)
})

test("a request's files: its station and its expert may fetch them, another station may not", async () => {
  const { loader: fileLoader } = await import('../../app/routes/files.$fileId')
  const { sessionCookieFor } = await import('../factories')
  const { id } = await newRequest()
  await performRequestAction({ user: experts[4], requestId: id, action: { intent: 'claim' } })
  const photo = await uploadPng(experts[4], 'from-expert.png')
  await addMessage({ user: experts[4], requestId: id, body: '看这里', attachmentIds: [photo.id] })
  const fetchAs = async (user: SessionUser) =>
    (await callRoute(async () => fileLoader(routeArgs(new Request(`http://test/files/${photo.id}`, { headers: { Cookie: await sessionCookieFor(user.id) } }), { fileId: photo.id }) as never))).status
  expect(await fetchAs(manager)).toBe(200)
  expect(await fetchAs(tech)).toBe(200)
  expect(await fetchAs(experts[4])).toBe(200)
  expect(await fetchAs(otherTech)).toBe(404)
  expect(await fetchAs(experts[5])).toBe(404)
})

test('POST /api/assistance/:id/files links a frame frozen in the call to the request, once, for its participants only', async () => {
  const { action: filesApi } = await import('../../app/routes/api.assistance.$requestId.files')
  const { id } = await newRequest()
  await performRequestAction({ user: experts[4], requestId: id, action: { intent: 'claim' } })
  const attach = (user: SessionUser, attachmentId: string) =>
    callRoute(() => filesApi(routeArgs(jsonRequest(`/api/assistance/${id}/files`, { token: tokenOf(user), body: { attachmentId } }), { requestId: id })))
  const frame = await uploadPng(experts[4], 'frozen.png')
  expect((await attach(otherTech, frame.id)).status).toBe(404)
  expect((await attach(tech, frame.id)).status).toBe(400)
  expect((await attach(experts[4], frame.id)).status).toBe(201)
  expect((await attach(experts[4], frame.id)).status).toBe(400)
  const request = await getRequest({ user: tech, requestId: id })
  expect(request?.attachments.map((file) => file.id)).toEqual([frame.id])
})
