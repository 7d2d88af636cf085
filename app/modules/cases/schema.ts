import { z } from 'zod'
import { SYSTEM_CODES, dtcListSchema, emptyToUndefined, mileageSchema, vinSchema, yearSchema } from '~/utils/vehicle-schema'

export const CASE_LANGUAGES = ['zh', 'en'] as const
export const partSchema = z.object({
  number: z.string().trim().min(1, 'part number is required').max(40),
  name: z.string().trim().min(1, 'part name is required').max(120),
  qty: z.coerce.number().int().min(1).max(999),
})

/** Rich text arrives as an editor document, or as plain text / old-system HTML through the API. */
export const richTextInputSchema = z.union([
  z.string().trim().min(1, 'required').max(100_000),
  z.object({ type: z.literal('doc') }).passthrough(),
])

/** One line of `cases:import`, and the body of `POST /api/cases`. */
export const caseImportSchema = z.object({
  externalId: z.string().trim().min(1).max(64).optional(),
  title: z.string().trim().min(4, 'title needs at least 4 characters').max(200),
  model: z.string().trim().min(1, 'model is required').max(100),
  modelZh: z.string().trim().min(1).max(100).optional(),
  modelEn: z.string().trim().min(1).max(100).optional(),
  year: yearSchema,
  vin: z.preprocess(emptyToUndefined, vinSchema.optional()),
  mileageKm: z.preprocess(emptyToUndefined, mileageSchema.optional()),
  system: z.enum(SYSTEM_CODES, { errorMap: () => ({ message: `system must be one of ${SYSTEM_CODES.join(', ')}` }) }),
  dtcs: dtcListSchema.default([]),
  symptoms: richTextInputSchema,
  diagnosis: richTextInputSchema,
  rootCause: richTextInputSchema,
  fix: richTextInputSchema,
  parts: z.array(partSchema).max(50).default([]),
  language: z.enum(CASE_LANGUAGES),
  status: z.enum(['draft', 'submitted', 'approved', 'classic']).optional(),
  stationCode: z.string().trim().min(1).max(32).optional(),
})
export type CaseImportInput = z.infer<typeof caseImportSchema>

const jsonText = <T extends z.ZodTypeAny>(schema: T) =>
  z.string().transform((text, ctx) => {
    try {
      return JSON.parse(text) as unknown
    } catch {
      ctx.addIssue({ code: z.ZodIssueCode.custom, message: 'not valid JSON' })
      return z.NEVER
    }
  }).pipe(schema)

const editorDocField = jsonText(z.object({ type: z.literal('doc') }).passthrough())

/** The case editor form (the browser posts editor documents as JSON strings). */
export const caseFormSchema = z.object({
  title: z.string().trim().min(4, 'title needs at least 4 characters').max(200),
  modelId: z.string().min(1, 'choose a model'),
  year: yearSchema,
  vin: z.preprocess(emptyToUndefined, vinSchema.optional()),
  mileageKm: z.preprocess(emptyToUndefined, mileageSchema.optional()),
  systemCode: z.enum(SYSTEM_CODES, { errorMap: () => ({ message: 'choose a system' }) }),
  dtcs: dtcListSchema,
  symptoms: editorDocField,
  diagnosis: editorDocField,
  rootCause: editorDocField,
  fix: editorDocField,
  parts: jsonText(z.array(partSchema).max(50)),
  language: z.enum(CASE_LANGUAGES),
  version: z.coerce.number().int().min(0).default(0),
  intent: z.enum(['save', 'submit']).default('save'),
})
export type CaseFormInput = z.infer<typeof caseFormSchema>
