import { z } from 'zod'

const emptyToUndefined = (value: unknown) => (value === '' || value === null ? undefined : value)
const id = (message: string) => z.string({ required_error: message }).trim().min(1, message).max(40, message)
const idList = z
  .union([z.string(), z.array(z.string())])
  .optional()
  .transform((value) => (Array.isArray(value) ? value : value ? value.split(',') : []).map((item) => item.trim()).filter(Boolean))
  .pipe(z.array(z.string().max(40)).max(20, 'at most 20 files'))

const chinese = (max: number) => z.string().trim().min(1, 'write it in Chinese').max(max, `at most ${max} characters`)
const english = (max: number) => z.string().trim().min(1, 'write it in English').max(max, `at most ${max} characters`)
const WEIGHT = 'a weight is a whole number from 1 to 10'

/** A checklist version, as the seed and the template editor write it. */
export const templateInputSchema = z.object({
  key: z.string().regex(/^[a-z][a-z0-9-]{1,40}$/, 'a key is lower-case letters, digits and dashes'),
  nameZh: chinese(100),
  nameEn: english(100),
  sections: z
    .array(
      z.object({
        titleZh: chinese(100),
        titleEn: english(100),
        items: z
          .array(
            z.object({
              textZh: chinese(300),
              textEn: english(300),
              guidanceZh: z.string().trim().max(1000, 'at most 1000 characters').default(''),
              guidanceEn: z.string().trim().max(1000, 'at most 1000 characters').default(''),
              weight: z.number({ invalid_type_error: WEIGHT, required_error: WEIGHT }).int(WEIGHT).min(1, WEIGHT).max(10, WEIGHT),
              requiresPhoto: z.boolean().default(false),
            }),
          )
          .min(1, 'a section needs at least one checkpoint')
          .max(100, 'at most 100 checkpoints in a section'),
      }),
    )
    .min(1, 'a checklist needs at least one section')
    .max(30, 'at most 30 sections'),
})

/** The editor's address for a checklist not written yet. */
export const NEW_TEMPLATE = 'new'

/** The editor's form, fields named by path (`sections.0.items.1.weight`), as a template input. */
export function templateFromForm(fields: Record<string, unknown>) {
  const list = (value: unknown) => (Array.isArray(value) ? value : [])
  const sections = list(fields.sections).map((section: Record<string, unknown>) => ({
    ...section,
    items: list(section?.items).map((item: Record<string, unknown>) => ({
      ...item,
      weight: typeof item?.weight === 'string' && item.weight.trim() !== '' ? Number(item.weight) : undefined,
      requiresPhoto: item?.requiresPhoto === 'on' || item?.requiresPhoto === 'true',
    })),
  }))
  return { ...fields, sections }
}
export type TemplateInput = z.input<typeof templateInputSchema>

const LOCAL_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/

/**
 * A form's `datetime-local` value has no time zone: the browser sends its offset
 * (`Date#getTimezoneOffset`, minutes) beside it. A full ISO time is taken as it is.
 */
function zonedTime(input: unknown) {
  if (!input || typeof input !== 'object') return input
  const { scheduledAt, timezoneOffset, ...rest } = input as Record<string, unknown>
  if (typeof scheduledAt !== 'string' || !LOCAL_DATE_TIME.test(scheduledAt)) return { ...rest, scheduledAt }
  const offset = Number(timezoneOffset ?? 0)
  const minutes = Number.isInteger(offset) && Math.abs(offset) <= 14 * 60 ? offset : 0
  return { ...rest, scheduledAt: new Date(Date.parse(`${scheduledAt}Z`) + minutes * 60_000) }
}

/** The schedule form on /inspections (and any JSON caller). */
export const scheduleSchema = z.preprocess(
  zonedTime,
  z.object({
    stationId: id('choose a station'),
    templateId: id('choose a checklist'),
    scheduledAt: z.preprocess(emptyToUndefined, z.coerce.date({ errorMap: () => ({ message: 'choose a date and time' }) })),
  }),
)

export const OUTCOMES = ['PASS', 'FAIL', 'NA'] as const

const signature = z.string({ required_error: 'type your name to sign' }).trim().min(2, 'type your name to sign').max(100, 'at most 100 characters')

/** Everything the inspection page posts, told apart by `intent`. */
export const inspectionActionSchema = z.discriminatedUnion('intent', [
  z.object({ intent: z.literal('start') }),
  z.object({
    intent: z.literal('score'),
    itemId: id('choose an item'),
    outcome: z.enum(OUTCOMES, { errorMap: () => ({ message: 'choose pass, fail or not applicable' }) }),
    note: z.string().trim().max(1000, 'at most 1000 characters').default(''),
  }),
  z.object({ intent: z.literal('note'), itemId: id('choose an item'), note: z.string().trim().max(1000, 'at most 1000 characters') }),
  z.object({ intent: z.literal('evidence'), itemId: id('choose an item'), attachmentId: id('a file is required') }),
  z.object({ intent: z.literal('sign'), signature }),
  z.object({
    intent: z.literal('raise-action'),
    itemId: id('choose an item'),
    ownerId: id('choose an owner at the station'),
    dueAt: z.preprocess(emptyToUndefined, z.coerce.date({ errorMap: () => ({ message: 'choose a due date' }) })),
    requiredProof: z.string({ required_error: 'say what proof is required' }).trim().min(2, 'say what proof is required').max(500, 'at most 500 characters'),
  }),
  z.object({
    intent: z.literal('submit-proof'),
    actionId: id('choose an action'),
    note: z.string().trim().max(1000, 'at most 1000 characters').default(''),
    proofIds: idList.refine((ids) => ids.length > 0, 'add at least one photo or file as proof'),
  }),
  z.object({ intent: z.literal('verify'), actionId: id('choose an action'), proofIds: idList, note: z.string().trim().max(1000, 'at most 1000 characters').default('') }),
  z.object({ intent: z.literal('reopen'), actionId: id('choose an action'), note: z.string({ required_error: 'say why it is reopened' }).trim().min(2, 'say why it is reopened').max(1000, 'at most 1000 characters') }),
])
export type InspectionAction = z.infer<typeof inspectionActionSchema>

/** `POST /api/inspections/:id/files`: a file the caller uploaded becomes a file of the inspection. */
export const attachFileSchema = z.object({ attachmentId: id('a file is required') }).strict()
