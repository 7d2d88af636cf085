import { beforeAll, expect, test } from 'vitest'
import { action as login } from '../../app/routes/login'
import { action as logout } from '../../app/routes/logout'
import { getUser } from '../../app/utils/auth.server'
import { createAttemptLimiter } from '../../app/utils/rate-limit.server'
import { createUser } from '../../app/utils/user.server'

const attempt = (email: string, password: string, clientIp = '10.0.0.1') =>
  login({
    request: new Request('http://test/login', { method: 'POST', body: new URLSearchParams({ email, password, redirectTo: '/cases?q=1' }) }),
    params: {},
    context: { clientIp },
  })

beforeAll(async () => {
  await createUser({ email: 'login-test@gtac.test', name: 'Login Test', password: 'correct-horse', role: 'TECHNICIAN' })
})

test('a correct password signs in with an httpOnly, SameSite cookie and redirects back', async () => {
  const response = (await attempt('Login-Test@gtac.test', 'correct-horse')) as Response
  expect(response.status).toBe(302)
  expect(response.headers.get('Location')).toBe('/cases?q=1')
  const cookie = response.headers.get('Set-Cookie')!
  expect(cookie).toMatch(/HttpOnly/i)
  expect(cookie).toMatch(/SameSite=Lax/i)

  const session = cookie.split(';')[0]
  const user = await getUser(new Request('http://test/cases', { headers: { Cookie: session } }))
  expect(user?.email).toBe('login-test@gtac.test')

  const out = (await logout({ request: new Request('http://test/logout', { method: 'POST', headers: { Cookie: session } }), params: {}, context: {} })) as Response
  expect(out.status).toBe(302)
  expect(await getUser(new Request('http://test/cases', { headers: { Cookie: session } }))).toBeNull()
})

test('an open redirect target is ignored', async () => {
  const response = (await login({
    request: new Request('http://test/login', {
      method: 'POST',
      body: new URLSearchParams({ email: 'login-test@gtac.test', password: 'correct-horse', redirectTo: '//evil.example/x' }),
    }),
    params: {},
    context: { clientIp: '10.0.0.9' },
  })) as Response
  expect(response.headers.get('Location')).toBe('/cases')
})

test('bad input gets field errors', async () => {
  const response = (await attempt('not-an-email', '')) as Response
  expect(response.status).toBe(400)
  const { errors } = await response.json()
  expect(Object.keys(errors).sort()).toEqual(['email', 'password'])
})

test('five wrong passwords lock that address and account out for a while, even with the right password', async () => {
  for (let i = 0; i < 5; i++) expect(((await attempt('login-test@gtac.test', 'wrong', '10.0.0.2')) as Response).status).toBe(400)
  const blocked = (await attempt('login-test@gtac.test', 'correct-horse', '10.0.0.2')) as Response
  expect(blocked.status).toBe(429)
  expect(Number(blocked.headers.get('Retry-After'))).toBeGreaterThan(0)
  // Another address is not affected.
  expect(((await attempt('login-test@gtac.test', 'correct-horse', '10.0.0.3')) as Response).status).toBe(302)
})

test('a burst of parallel guesses is held to the limit: five are tried, the rest refused', async () => {
  const replies = (await Promise.all(Array.from({ length: 12 }, () => attempt('login-test@gtac.test', 'wrong', '10.0.0.4')))) as Response[]
  expect(replies.map((reply) => reply.status).sort()).toEqual([...Array(5).fill(400), ...Array(7).fill(429)])
})

test('the count is kept in the database, so every node sees it, and a sign-in clears it', async () => {
  // Two nodes are two limiters of the same scope over one database.
  const [nodeA, nodeB] = [0, 1].map(() => createAttemptLimiter({ scope: 'login', maxFailures: 5, windowMs: 60_000 }))
  const key = '10.0.0.5|login-test@gtac.test'
  for (let i = 0; i < 3; i++) expect(await nodeA.begin(key)).toBe(0)
  for (let i = 0; i < 2; i++) expect(await nodeB.begin(key)).toBe(0)
  expect(await nodeA.begin(key)).toBeGreaterThan(0)
  expect(((await attempt('login-test@gtac.test', 'correct-horse', '10.0.0.5')) as Response).status).toBe(429)
  await nodeB.succeeded(key)
  expect(((await attempt('login-test@gtac.test', 'correct-horse', '10.0.0.5')) as Response).status).toBe(302)
})
