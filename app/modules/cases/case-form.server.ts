import { convertRichFields, parseRichDoc } from '~/editor/rich-text.server'
import type { CaseContent } from './case.server'
import { caseFormSchema } from './schema'
import { fieldErrors } from '~/utils/validation'

const RICH_FIELDS = ['symptoms', 'diagnosis', 'rootCause', 'fix'] as const

export type ParsedCaseForm =
  | { ok: true; content: CaseContent; version: number; intent: 'save' | 'submit'; attachmentIds: string[] }
  | { ok: false; errors: Record<string, string> }

/** The case editor's form: schema validation, then each editor document against the editor schema. */
export async function parseCaseForm(request: Request): Promise<ParsedCaseForm> {
  const form = await request.formData()
  const attachmentIds = form.getAll('attachmentIds').map(String).filter((id) => /^[\w-]{1,40}$/.test(id)).slice(0, 50)
  const parsed = caseFormSchema.safeParse(Object.fromEntries(form))
  if (!parsed.success) return { ok: false, errors: fieldErrors(parsed.error) }
  const { version, intent, ...fields } = parsed.data
  const { docs, errors } = convertRichFields(RICH_FIELDS, (field) => parseRichDoc(fields[field]))
  if (Object.keys(errors).length > 0) return { ok: false, errors }
  return { ok: true, content: { ...fields, ...docs }, version, intent, attachmentIds }
}
