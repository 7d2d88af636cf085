const UNSAFE_SEGMENTS = new Set(['__proto__', 'prototype', 'constructor'])

/**
 * Form fields named by path (`sections.0.items.2.textZh`) as one nested value: a numeric segment
 * makes an array (gaps closed, in index order), any other an object. Fields whose path clashes
 * with another's (`a` and `a.b`) keep the first. What comes out is unchecked: validate it.
 */
export function nestFormEntries(entries: Iterable<[string, FormDataEntryValue]>): Record<string, unknown> {
  const root: Record<string, unknown> = Object.create(null)
  for (const [name, value] of entries) {
    if (typeof value !== 'string') continue
    const path = name.split('.')
    if (path.some((segment) => UNSAFE_SEGMENTS.has(segment))) continue
    let node: Record<string, unknown> = root
    for (const [depth, segment] of path.entries()) {
      if (depth === path.length - 1) {
        if (!(segment in node)) node[segment] = value
        break
      }
      const next = node[segment]
      if (next === undefined) node = node[segment] = Object.create(null) as Record<string, unknown>
      else if (typeof next === 'object') node = next as Record<string, unknown>
      else break
    }
  }
  return closeArrays(root) as Record<string, unknown>
}

/** Objects whose keys are all indices become arrays in index order. */
function closeArrays(value: unknown): unknown {
  if (typeof value !== 'object' || value === null) return value
  const entries = Object.entries(value as Record<string, unknown>).map(([key, child]) => [key, closeArrays(child)] as const)
  if (entries.length > 0 && entries.every(([key]) => /^\d{1,4}$/.test(key))) {
    return entries.sort(([a], [b]) => Number(a) - Number(b)).map(([, child]) => child)
  }
  return Object.fromEntries(entries)
}
