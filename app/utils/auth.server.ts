import { redirect } from '@remix-run/node'
import { getUserByApiToken } from './api-token.server'
import { getUserBySessionId } from './user.server'
import type { SessionUser } from './session-user'
import { credentialCache } from './credential-cache.server'
import { readSessionId } from './session.server'

const userCache = new WeakMap<Request, Promise<SessionUser | null>>()

async function resolveUser(request: Request) {
  const authorization = request.headers.get('Authorization')
  if (authorization?.startsWith('Bearer ')) {
    const token = authorization.slice('Bearer '.length).trim()
    return credentialCache.resolve(`token:${token}`, () => getUserByApiToken(token))
  }
  const sessionId = await readSessionId(request.headers.get('Cookie'))
  return sessionId ? credentialCache.resolve(`session:${sessionId}`, () => getUserBySessionId(sessionId)) : null
}

/** The signed-in user (session cookie or `Authorization: Bearer <token>`), looked up once per request. */
export function getUser(request: Request) {
  let pending = userCache.get(request)
  if (!pending) {
    pending = resolveUser(request)
    userCache.set(request, pending)
  }
  return pending
}

/** For pages: an anonymous visitor is sent to the sign-in page and comes back afterwards. */
export async function requireUser(request: Request) {
  const user = await getUser(request)
  if (user) return user
  const url = new URL(request.url)
  throw redirect(`/login?redirectTo=${encodeURIComponent(url.pathname + url.search)}`)
}

/** For the JSON API: anonymous calls get 401. */
export async function requireApiUser(request: Request) {
  const user = await getUser(request)
  if (user) return user
  throw Response.json({ error: 'authentication required' }, { status: 401, headers: { 'WWW-Authenticate': 'Bearer' } })
}
