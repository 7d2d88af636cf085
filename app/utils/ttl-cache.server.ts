/**
 * Values kept for a few seconds, loaded once per key while fresh (concurrent callers share the
 * load). For reads that are costly to compute and may lag their source by up to `ttlMs`.
 */
export class TtlCache<V> {
  private entries = new Map<string, { value: Promise<V>; expiresAt: number }>()

  constructor(private readonly options: { ttlMs: number; maxEntries: number }) {}

  get(key: string, load: () => Promise<V>): Promise<V> {
    const hit = this.entries.get(key)
    if (hit && hit.expiresAt > Date.now()) return hit.value
    if (this.entries.size >= this.options.maxEntries) this.entries.clear()
    const value = load()
    this.entries.set(key, { value, expiresAt: Date.now() + this.options.ttlMs })
    // A failed load is not kept.
    value.catch(() => this.entries.delete(key))
    return value
  }

  clear() {
    this.entries.clear()
  }
}
