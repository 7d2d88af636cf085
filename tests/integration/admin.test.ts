import { beforeAll, describe, expect, test } from 'vitest'
import { createApiToken } from '../../app/utils/api-token.server'
import { createSession, verifyLogin } from '../../app/utils/user.server'
import type { SessionUser } from '../../app/utils/session-user'
import { loader as adminIndexLoader } from '../../app/routes/admin._index'
import { action as stationsAction, loader as stationsLoader } from '../../app/routes/admin.stations'
import { action as usersAction, loader as usersLoader } from '../../app/routes/admin.users'
import { action as meAction, loader as meLoader } from '../../app/routes/me'
import { getUser } from '../../app/utils/auth.server'
import { getDb } from '../../app/utils/db.server'
import { getSessionStorage, SESSION_ID_KEY } from '../../app/utils/session.server'
import { createStation, createTestUser } from '../factories'

let admin: SessionUser
let tech: SessionUser
let otherTech: SessionUser
let adminCookie: string
let techCookie: string
let otherTechCookie: string
let stationId: string

/** A `Cookie` header carrying a real session of this user, as the login route would set it. */
async function cookieFor(userId: string) {
  const storage = getSessionStorage()
  const session = await storage.getSession()
  session.set(SESSION_ID_KEY, await createSession(userId))
  return (await storage.commitSession(session)).split(';')[0]
}

const args = (request: Request) => ({ request, params: {}, context: {} })

const get = (path: string, cookie?: string) =>
  new Request(`http://test${path}`, { headers: cookie ? { Cookie: cookie } : {} })

const post = (path: string, cookie: string, fields: Record<string, string>) =>
  new Request(`http://test${path}`, {
    method: 'POST',
    headers: { Cookie: cookie, 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(fields),
  })

/** Loaders and actions throw Responses (redirects, 403, 404) and return Responses (400) or plain data. */
async function run<T>(call: () => Promise<T>) {
  try {
    return await call()
  } catch (thrown) {
    if (thrown instanceof Response) return thrown
    throw thrown
  }
}

async function expectStatus(result: unknown, status: number) {
  expect(result).toBeInstanceOf(Response)
  const response = result as Response
  expect(response.status).toBe(status)
  return response
}

async function errorsOf(result: unknown) {
  const response = await expectStatus(result, 400)
  return ((await response.json()) as { errors: Record<string, string> }).errors
}

const validUser = (overrides: Record<string, string> = {}) => ({
  email: `new-${Math.random().toString(36).slice(2)}@test.local`,
  name: '赵师傅 Zhao',
  password: 'long-enough-password',
  role: 'TECHNICIAN',
  stationId,
  ...overrides,
})

beforeAll(async () => {
  stationId = (await createStation()).id
  admin = await createTestUser({ role: 'ADMIN' })
  tech = await createTestUser({ stationId })
  otherTech = await createTestUser({ stationId })
  ;[adminCookie, techCookie, otherTechCookie] = await Promise.all([cookieFor(admin.id), cookieFor(tech.id), cookieFor(otherTech.id)])
})

describe('admin access', () => {
  test('a non-admin gets 403 from every admin loader and action', async () => {
    for (const user of [tech, await createTestUser({ role: 'ENGINEER' })]) {
      const cookie = await cookieFor(user.id)
      await expectStatus(await run(() => adminIndexLoader(args(get('/admin', cookie)))), 403)
      await expectStatus(await run(() => stationsLoader(args(get('/admin/stations', cookie)))), 403)
      await expectStatus(await run(() => usersLoader(args(get('/admin/users', cookie)))), 403)
      await expectStatus(await run(() => stationsAction(args(post('/admin/stations', cookie, { code: 'HACK1', name: 'Not allowed', region: 'East' })))), 403)
      await expectStatus(await run(() => usersAction(args(post('/admin/users', cookie, validUser({ role: 'ADMIN', stationId: '' }))))), 403)
    }
    expect(await getDb().station.count({ where: { code: 'HACK1' } })).toBe(0)
  })

  test('an anonymous visitor is sent to sign in', async () => {
    const response = await expectStatus(await run(() => stationsLoader(args(get('/admin/stations?page=2')))), 302)
    expect(response.headers.get('Location')).toBe('/login?redirectTo=%2Fadmin%2Fstations%3Fpage%3D2')
  })

  test('/admin sends an admin to the stations', async () => {
    const response = await expectStatus(await run(() => adminIndexLoader(args(get('/admin', adminCookie)))), 302)
    expect(response.headers.get('Location')).toBe('/admin/stations')
  })
})

describe('stations', () => {
  test('an admin creates a station, which is listed with its user count', async () => {
    const created = await stationsAction(args(post('/admin/stations', adminCookie, { code: ' hz-010 ', name: '杭州西湖服务站', region: '华东' })))
    expect(created).toMatchObject({ created: { code: 'HZ-010', name: '杭州西湖服务站', region: '华东' } })
    await createTestUser({ stationId: (created as { created: { id: string } }).created.id })

    const data = await stationsLoader(args(get('/admin/stations', adminCookie)))
    expect(data).not.toBeInstanceOf(Response)
    const { stations, total, page, pages } = data as Exclude<typeof data, Response>
    expect({ page, pages }).toEqual({ page: 1, pages: 1 })
    expect(total).toBe(stations.length)
    expect(stations.find((station) => station.code === 'HZ-010')).toMatchObject({ name: '杭州西湖服务站', region: '华东', userCount: 1 })
    expect(stations.find((station) => station.id === stationId)?.userCount).toBe(2)
  })

  test('a duplicate code is a 400 with an error on code', async () => {
    await stationsAction(args(post('/admin/stations', adminCookie, { code: 'DUP-1', name: 'First', region: 'North' })))
    const errors = await errorsOf(await stationsAction(args(post('/admin/stations', adminCookie, { code: 'dup-1', name: 'Second', region: 'North' }))))
    expect(errors).toEqual({ code: 'validation.codeTaken' })
    expect(await getDb().station.count({ where: { code: 'DUP-1' } })).toBe(1)
  })

  test('each invalid field gets its own message', async () => {
    const errors = await errorsOf(await stationsAction(args(post('/admin/stations', adminCookie, { code: 'BJ 01!', name: 'X', region: '' }))))
    expect(errors).toEqual({ code: 'validation.codeFormat', name: 'validation.stationName', region: 'validation.region' })
    expect(await errorsOf(await stationsAction(args(post('/admin/stations', adminCookie, { code: 'A'.repeat(17), name: 'Long code', region: 'East' }))))).toEqual({
      code: 'validation.codeFormat',
    })
    expect(await errorsOf(await stationsAction(args(post('/admin/stations', adminCookie, {}))))).toMatchObject({
      code: 'validation.codeFormat',
      name: 'validation.stationName',
      region: 'validation.region',
    })
  })

  test('50 stations a page, ?page= picks one, past the end goes to the last page', async () => {
    await getDb().station.createMany({
      data: Array.from({ length: 60 }, (_, index) => ({ code: `PG-${String(index).padStart(3, '0')}`, name: `Page test ${index}`, region: 'Test' })),
    })
    const total = await getDb().station.count()
    const first = (await stationsLoader(args(get('/admin/stations', adminCookie)))) as { stations: unknown[]; pages: number }
    expect(first.stations).toHaveLength(50)
    expect(first.pages).toBe(Math.ceil(total / 50))
    const second = (await stationsLoader(args(get('/admin/stations?page=2', adminCookie)))) as { stations: unknown[]; page: number }
    expect(second.page).toBe(2)
    expect(second.stations).toHaveLength(total - 50)
    const junk = (await stationsLoader(args(get('/admin/stations?page=abc', adminCookie)))) as { page: number }
    expect(junk.page).toBe(1)
    const past = await expectStatus(await run(() => stationsLoader(args(get('/admin/stations?page=99', adminCookie)))), 302)
    expect(past.headers.get('Location')).toBe(`/admin/stations?page=${first.pages}`)
  })
})

describe('users', () => {
  test('a technician without a station is a 400 with an error on stationId', async () => {
    const errors = await errorsOf(await usersAction(args(post('/admin/users', adminCookie, validUser({ stationId: '' })))))
    expect(errors).toEqual({ stationId: 'validation.stationRequired' })
    const managerErrors = await errorsOf(await usersAction(args(post('/admin/users', adminCookie, validUser({ role: 'STATION_MANAGER', stationId: '' })))))
    expect(managerErrors).toEqual({ stationId: 'validation.stationRequired' })
  })

  test('the station rule is reported together with the other field errors', async () => {
    const errors = await errorsOf(await usersAction(args(post('/admin/users', adminCookie, validUser({ email: 'not-an-email', password: 'short', stationId: '' })))))
    expect(errors).toEqual({ email: 'validation.email', password: 'validation.password', stationId: 'validation.stationRequired' })
  })

  test('an unknown station or role is a field error, not a 500', async () => {
    expect(await errorsOf(await usersAction(args(post('/admin/users', adminCookie, validUser({ stationId: 'no-such-station' })))))).toEqual({
      stationId: 'validation.stationUnknown',
    })
    expect(await errorsOf(await usersAction(args(post('/admin/users', adminCookie, validUser({ role: 'SUPERUSER' })))))).toEqual({ role: 'validation.role' })
  })

  test('an admin creates a user who can sign in; the same email again is a field error', async () => {
    const fields = validUser({ email: 'Zhao.New@Test.Local' })
    const created = await usersAction(args(post('/admin/users', adminCookie, fields)))
    expect(created).toMatchObject({ created: { email: 'zhao.new@test.local' } })
    const signedIn = await verifyLogin({ email: 'zhao.new@test.local', password: fields.password })
    expect(signedIn).toMatchObject({ role: 'TECHNICIAN', stationId, name: '赵师傅 Zhao' })

    const errors = await errorsOf(await usersAction(args(post('/admin/users', adminCookie, validUser({ email: 'zhao.new@test.local', role: 'ENGINEER', stationId: '' })))))
    expect(errors).toEqual({ email: 'validation.emailTaken' })

    const list = (await usersLoader(args(get('/admin/users', adminCookie)))) as { users: Array<{ email: string; stationName: string | null }>; stations: Array<{ id: string }> }
    expect(list.users[0]).toMatchObject({ email: 'zhao.new@test.local' })
    expect(list.stations.map((station) => station.id)).toContain(stationId)
  })

  test('engineers, trainers and admins need no station', async () => {
    for (const role of ['ENGINEER', 'TRAINER', 'ADMIN']) {
      expect(await usersAction(args(post('/admin/users', adminCookie, validUser({ role, stationId: '' }))))).toMatchObject({ created: {} })
    }
  })
})

describe('member center', () => {
  test('shows the signed-in user', async () => {
    const data = await meLoader(args(get('/me', techCookie)))
    expect(data.user).toMatchObject({ id: tech.id, email: tech.email, role: 'TECHNICIAN', stationId })
    expect(data.tokens).toEqual([])
  })

  test('a created token is shown once and then authenticates API calls', async () => {
    const result = await meAction(args(post('/me', techCookie, { intent: 'create', name: ' DMS 对接 ' })))
    const { created } = result as { created: { id: string; name: string; token: string } }
    expect(created.name).toBe('DMS 对接')
    expect(created.token).toMatch(/^gtac_/)

    const apiUser = await getUser(new Request('http://test/api/cases/search', { headers: { Authorization: `Bearer ${created.token}` } }))
    expect(apiUser).toMatchObject({ id: tech.id, email: tech.email })

    const { tokens } = await meLoader(args(get('/me', techCookie)))
    expect(tokens).toHaveLength(1)
    expect(tokens[0]).toMatchObject({ id: created.id, name: 'DMS 对接' })
    expect(tokens[0].lastUsedAt).not.toBeNull()
    expect(JSON.stringify(tokens)).not.toContain(created.token)
  })

  test('a token name must be 1-60 characters', async () => {
    expect(await errorsOf(await meAction(args(post('/me', techCookie, { intent: 'create', name: '   ' }))))).toEqual({ name: 'validation.tokenName' })
    expect(await errorsOf(await meAction(args(post('/me', techCookie, { intent: 'create', name: 'x'.repeat(61) }))))).toEqual({ name: 'validation.tokenName' })
  })

  test("revoking somebody else's token is a 404 and leaves it working; revoking your own ends it", async () => {
    const { id, token } = await createApiToken({ userId: otherTech.id, name: 'workshop tablet' })
    await expectStatus(await run(() => meAction(args(post('/me', techCookie, { intent: 'revoke', tokenId: id })))), 404)
    await expectStatus(await run(() => meAction(args(post('/me', techCookie, { intent: 'revoke', tokenId: 'no-such-token' })))), 404)
    const bearer = () => getUser(new Request('http://test/api/cases/search', { headers: { Authorization: `Bearer ${token}` } }))
    expect(await bearer()).toMatchObject({ id: otherTech.id })

    expect(await meAction(args(post('/me', otherTechCookie, { intent: 'revoke', tokenId: id })))).toEqual({ revoked: true })
    expect(await bearer()).toBeNull()
    expect((await meLoader(args(get('/me', otherTechCookie)))).tokens).toEqual([])
  })

  test('an anonymous visitor is sent to sign in', async () => {
    const response = await expectStatus(await run(() => meAction(args(post('/me', '', { intent: 'create', name: 'x' })))), 302)
    expect(response.headers.get('Location')).toBe('/login?redirectTo=%2Fme')
  })
})

test('an API token cannot create or revoke tokens', async () => {
  const { createApiToken } = await import('../../app/utils/api-token.server')
  const { createTestUser } = await import('../factories')
  const { action } = await import('../../app/routes/me')
  const user = await createTestUser()
  const { token } = await createApiToken({ userId: user.id, name: 'leaked' })
  let status = 0
  try {
    const response = await action({
      request: new Request('http://test/me', { method: 'POST', headers: { Authorization: `Bearer ${token}` }, body: new URLSearchParams({ intent: 'create', name: 'x' }) }),
      params: {},
      context: {},
    })
    status = (response as Response).status
  } catch (thrown) {
    status = (thrown as Response).status
  }
  expect(status).toBe(403)
})
