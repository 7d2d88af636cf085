import { expect, test } from 'vitest'
import { TtlCache } from '../../app/utils/ttl-cache.server'

test('a fresh key loads once, concurrent callers share the load, clear() and expiry load again, a failure is not kept', async () => {
  let loads = 0
  const load = async () => ++loads
  const cache = new TtlCache<number>({ ttlMs: 60_000, maxEntries: 10 })
  expect(await Promise.all([cache.get('a', load), cache.get('a', load)])).toEqual([1, 1])
  expect(await cache.get('b', load)).toBe(2)
  cache.clear()
  expect(await cache.get('a', load)).toBe(3)

  const stale = new TtlCache<number>({ ttlMs: -1, maxEntries: 10 })
  expect([await stale.get('a', load), await stale.get('a', load)]).toEqual([4, 5])

  await expect(cache.get('c', () => Promise.reject(new Error('down')))).rejects.toThrow('down')
  expect(await cache.get('c', load)).toBe(6)
})
