/** RFC 4180 quoting; a leading = + - @ would make Excel run the cell as a formula, so it is defused. */
export function csvCell(value: string | number | null | undefined) {
  const text = value === null || value === undefined ? '' : String(value)
  const safe = typeof value === 'string' && /^[=+\-@\t\r]/.test(text) ? `'${text}` : text
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe
}

/** A CSV file: the byte-order mark tells Excel it is UTF-8, or Chinese names come out garbled. */
export const csvDocument = (lines: string[]) => `\uFEFF${lines.join('\r\n')}\r\n`
