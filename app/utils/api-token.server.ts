import crypto from 'node:crypto'
import { credentialCache } from './credential-cache.server'
import { getDb } from './db.server'
import type { SessionUser } from './session-user'

const hashToken = (token: string) => crypto.createHash('sha256').update(token).digest('hex')

/** Returns the token once; only its hash is stored. */
export async function createApiToken({ userId, name }: { userId: string; name: string }) {
  const token = `gtac_${crypto.randomBytes(32).toString('base64url')}`
  const record = await getDb().apiToken.create({
    data: { userId, name, tokenHash: hashToken(token) },
    select: { id: true, name: true, createdAt: true },
  })
  return { ...record, token }
}

export function listApiTokens({ userId }: { userId: string }) {
  return getDb().apiToken.findMany({
    where: { userId },
    orderBy: { createdAt: 'desc' },
    select: { id: true, name: true, createdAt: true, lastUsedAt: true },
  })
}

export async function revokeApiToken({ userId, tokenId }: { userId: string; tokenId: string }) {
  const { count } = await getDb().apiToken.deleteMany({ where: { id: tokenId, userId } })
  // Only the hash is stored, so the cached entry cannot be found by token: drop them all.
  if (count > 0) credentialCache.clear()
  return count > 0
}

export async function getUserByApiToken(token: string): Promise<SessionUser | null> {
  const record = await getDb().apiToken.findUnique({
    where: { tokenHash: hashToken(token) },
    select: {
      id: true,
      lastUsedAt: true,
      user: {
        select: { id: true, email: true, name: true, role: true, stationId: true, station: { select: { name: true } } },
      },
    },
  })
  if (!record) return null
  // Touch at most once a minute so API traffic does not turn every read into a write.
  if (!record.lastUsedAt || Date.now() - record.lastUsedAt.getTime() > 60_000) {
    await getDb().apiToken.update({ where: { id: record.id }, data: { lastUsedAt: new Date() }, select: { id: true } })
  }
  const { station, ...user } = record.user
  return { ...user, stationName: station?.name ?? null }
}
