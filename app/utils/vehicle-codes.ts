const VIN_VALUES: Record<string, number> = {
  A: 1, B: 2, C: 3, D: 4, E: 5, F: 6, G: 7, H: 8, J: 1, K: 2, L: 3, M: 4, N: 5, P: 7, R: 9, S: 2, T: 3,
  U: 4, V: 5, W: 6, X: 7, Y: 8, Z: 9,
}
const VIN_WEIGHTS = [8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2]

export const VIN_PATTERN = /^[A-HJ-NPR-Z0-9]{17}$/

export function normalizeVin(vin: string) {
  return vin.trim().toUpperCase()
}

/** ISO 3779 check digit (position 9). Many markets do not use it, so a mismatch is only a warning. */
export function vinCheckDigitMatches(vin: string) {
  const sum = [...vin].reduce((total, char, index) => {
    const value = /\d/.test(char) ? Number(char) : (VIN_VALUES[char] ?? 0)
    return total + value * VIN_WEIGHTS[index]
  }, 0)
  const remainder = sum % 11
  return vin[8] === (remainder === 10 ? 'X' : String(remainder))
}

export const DTC_PATTERN = /^[PBCU][0-3][0-9A-F]{3}$/

export function normalizeDtc(code: string) {
  return code.trim().toUpperCase()
}

/** Splits free text such as "p0171, P0174 u0100" into normalised codes. */
export function splitDtcList(text: string) {
  return text
    .split(/[\s,，;；、]+/)
    .map(normalizeDtc)
    .filter(Boolean)
}

/** DTC-shaped words in a search query, so they can be matched exactly. */
export function dtcsInQuery(query: string) {
  return splitDtcList(query).filter((word) => DTC_PATTERN.test(word))
}
