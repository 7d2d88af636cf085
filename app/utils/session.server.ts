import { createCookieSessionStorage } from '@remix-run/node'

type SessionData = { sessionId: string }

let storage: ReturnType<typeof createCookieSessionStorage<SessionData>> | undefined

export function getSessionStorage() {
  storage ??= createCookieSessionStorage<SessionData>({
    cookie: {
      name: 'gtac_session',
      httpOnly: true,
      sameSite: 'lax',
      path: '/',
      secure: process.env.COOKIE_SECURE === 'true',
      secrets: [process.env.SESSION_SECRET ?? missingSecret()],
      maxAge: 60 * 60 * 24 * 30,
    },
  })
  return storage
}

function missingSecret(): never {
  throw new Error('SESSION_SECRET is not set: start the services first')
}

export const SESSION_ID_KEY = 'sessionId' as const

export async function readSessionId(cookieHeader: string | null | undefined) {
  const session = await getSessionStorage().getSession(cookieHeader)
  const id = session.get(SESSION_ID_KEY)
  return typeof id === 'string' ? id : undefined
}
