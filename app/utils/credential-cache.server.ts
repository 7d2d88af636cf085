import type { SessionUser } from './session-user'

const TTL_MS = 15_000
const MAX_ENTRIES = 50_000

/**
 * Resolved sessions and API tokens for a few seconds, so a busy API does not pay a database
 * round trip per call. Sign-out and revocation evict at once on this node; other nodes of a
 * scaled-out deployment notice within TTL_MS.
 */
class CredentialCache {
  private entries = new Map<string, { user: SessionUser | null; expiresAt: number }>()

  async resolve(key: string, load: () => Promise<SessionUser | null>) {
    const hit = this.entries.get(key)
    if (hit && hit.expiresAt > Date.now()) return hit.user
    const user = await load()
    if (this.entries.size >= MAX_ENTRIES) this.entries.clear()
    this.entries.set(key, { user, expiresAt: Date.now() + TTL_MS })
    return user
  }

  evict(key: string) {
    this.entries.delete(key)
  }

  clear() {
    this.entries.clear()
  }
}

export const credentialCache = new CredentialCache()
