import { z } from 'zod'
import { fieldErrors } from './validation'

/** Parses a form with a zod schema; failures become a 400 with one message per field. */
export async function parseForm<T extends z.ZodTypeAny>(request: Request, schema: T) {
  const form = await request.formData()
  const parsed = schema.safeParse(Object.fromEntries(form))
  if (parsed.success) return { ok: true as const, data: parsed.data as z.infer<T>, form }
  return { ok: false as const, response: Response.json({ errors: fieldErrors(parsed.error) }, { status: 400 }) }
}
