import { z } from 'zod'

const emptyToUndefined = (value: unknown) => (value === '' || value === null ? undefined : value)
const id = (message: string) => z.string({ required_error: message }).trim().min(1, message).max(40, message)
const idList = z
  .union([z.string(), z.array(z.string())])
  .optional()
  .transform((value) => (Array.isArray(value) ? value : value ? value.split(',') : []).map((item) => item.trim()).filter(Boolean))
  .pipe(z.array(z.string().max(40)).max(20, 'at most 20 files'))

/** A checklist version as the seed (or a future template editor) writes it. */
export const templateInputSchema = z.object({
  key: z.string().regex(/^[a-z][a-z0-9-]{1,40}$/, 'a key is lower-case letters, digits and dashes'),
  nameZh: z.string().trim().min(1).max(100),
  nameEn: z.string().trim().min(1).max(100),
  sections: z
    .array(
      z.object({
        titleZh: z.string().trim().min(1).max(100),
        titleEn: z.string().trim().min(1).max(100),
        items: z
          .array(
            z.object({
              textZh: z.string().trim().min(1).max(300),
              textEn: z.string().trim().min(1).max(300),
              guidanceZh: z.string().max(1000).default(''),
              guidanceEn: z.string().max(1000).default(''),
              weight: z.number().int().min(1).max(10),
              requiresPhoto: z.boolean().default(false),
            }),
          )
          .min(1),
      }),
    )
    .min(1),
})
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
