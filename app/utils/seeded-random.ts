import { vinCheckDigitMatches } from './vehicle-codes'

/** Small deterministic PRNG (mulberry32): a seed always yields the same demo data. */
export function createRandom(seed: number) {
  let state = seed >>> 0
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
  return {
    next,
    chance: (probability: number) => next() < probability,
    int: (min: number, max: number) => min + Math.floor(next() * (max - min + 1)),
    between: (min: number, max: number) => min + next() * (max - min),
    pick: <T>(items: readonly T[]) => items[Math.floor(next() * items.length)],
  }
}

export type Random = ReturnType<typeof createRandom>

const VIN_CHARS = 'ABCDEFGHJKLMNPRSTUVWXYZ0123456789'

/** A plausible Chinese-market VIN with a valid check digit. */
export function randomVin(random: Random) {
  const body = Array.from({ length: 17 }, () => VIN_CHARS[random.int(0, VIN_CHARS.length - 1)])
  body[0] = 'L' // China WMI region
  for (const digit of '0123456789X') {
    body[8] = digit
    if (vinCheckDigitMatches(body.join(''))) break
  }
  return body.join('')
}
