import type { z } from 'zod'

/** Flattens zod issues to one message per field: `{ "vin": "…", "parts.0.qty": "…" }`. */
export function fieldErrors(error: z.ZodError) {
  const errors: Record<string, string> = {}
  for (const issue of error.issues) {
    const key = issue.path.join('.') || '_form'
    errors[key] ??= issue.message
  }
  return errors
}
