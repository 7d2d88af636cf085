import crypto from 'node:crypto'
import { credentialCache } from './credential-cache.server'
import { getDb } from './db.server'
import { hashPassword, verifyPassword } from './password.server'
import type { Role } from '~/generated/prisma/enums'
import type { SessionUser } from './session-user'

const SESSION_DAYS = 30

const sessionUserSelect = {
  id: true,
  email: true,
  name: true,
  role: true,
  stationId: true,
  station: { select: { name: true } },
} as const

type SelectedUser = { id: string; email: string; name: string; role: Role; stationId: string | null; station: { name: string } | null }

const toSessionUser = ({ station, ...user }: SelectedUser): SessionUser => ({ ...user, stationName: station?.name ?? null })

export async function createUser({
  email,
  name,
  password,
  role,
  stationId,
}: {
  email: string
  name: string
  password: string
  role: Role
  stationId?: string | null
}) {
  const passwordHash = await hashPassword(password)
  const user = await getDb().user.create({
    data: { email: email.toLowerCase(), name, passwordHash, role, stationId: stationId ?? null },
    select: sessionUserSelect,
  })
  return toSessionUser(user)
}

export async function verifyLogin({ email, password }: { email: string; password: string }) {
  const user = await getDb().user.findUnique({
    where: { email: email.toLowerCase() },
    select: { ...sessionUserSelect, passwordHash: true },
  })
  if (!user || !(await verifyPassword(user.passwordHash, password))) return null
  const { passwordHash: _ignored, ...rest } = user
  return toSessionUser(rest)
}

export async function createSession(userId: string) {
  const session = await getDb().session.create({
    data: {
      id: crypto.randomBytes(32).toString('base64url'),
      userId,
      expiresAt: new Date(Date.now() + SESSION_DAYS * 24 * 60 * 60 * 1000),
    },
    select: { id: true },
  })
  return session.id
}

export async function deleteSession(sessionId: string) {
  await getDb().session.deleteMany({ where: { id: sessionId } })
  credentialCache.evict(`session:${sessionId}`)
}

export async function getUserBySessionId(sessionId: string): Promise<SessionUser | null> {
  const session = await getDb().session.findFirst({
    where: { id: sessionId, expiresAt: { gt: new Date() } },
    select: { user: { select: sessionUserSelect } },
  })
  return session ? toSessionUser(session.user) : null
}

export async function listUsers({ skip = 0, take = 50 }: { skip?: number; take?: number } = {}) {
  const [users, total] = await Promise.all([
    getDb().user.findMany({
      orderBy: { createdAt: 'desc' },
      skip,
      take,
      select: { ...sessionUserSelect, createdAt: true },
    }),
    getDb().user.count(),
  ])
  return { users: users.map((user) => ({ ...toSessionUser(user), createdAt: user.createdAt })), total }
}

export async function findUserByEmail(email: string) {
  const user = await getDb().user.findUnique({ where: { email: email.toLowerCase() }, select: sessionUserSelect })
  return user ? toSessionUser(user) : null
}
