import { z } from 'zod'
import { SYSTEM_CODES, dtcListSchema, emptyToUndefined, mileageSchema, vinSchema, yearSchema } from '~/utils/vehicle-schema'

const text = (max: number, message = 'required') => z.string().trim().min(1, message).max(max, `at most ${max} characters`)
const optionalText = (max: number) => z.preprocess(emptyToUndefined, z.string().trim().max(max, `at most ${max} characters`).optional())

const vehicleAndFault = {
  year: yearSchema,
  vin: z.preprocess(emptyToUndefined, vinSchema.optional()),
  mileageKm: z.preprocess(emptyToUndefined, mileageSchema.optional()),
  dtcs: dtcListSchema.default([]),
  symptoms: text(4000, 'describe the symptoms'),
  tried: optionalText(4000),
  readings: optionalText(4000),
}

/** `POST /api/assistance` (a dealer system). */
export const assistanceApiSchema = z.object({
  model: text(100, 'model is required'),
  system: z.enum(SYSTEM_CODES, { errorMap: () => ({ message: `system must be one of ${SYSTEM_CODES.join(', ')}` }) }),
  urgency: z.enum(['vor', 'normal'], { errorMap: () => ({ message: 'urgency must be "vor" or "normal"' }) }).default('normal'),
  ...vehicleAndFault,
})
export type AssistanceApiInput = z.infer<typeof assistanceApiSchema>

const attachmentIdList = z
  .string()
  .optional()
  .transform((value) => (value ? value.split(',').filter(Boolean) : []))
  .pipe(z.array(z.string().max(40)).max(20, 'at most 20 files'))

/** The request form on /assistance/new. */
export const assistanceFormSchema = z.object({
  modelId: z.string().min(1, 'choose a model'),
  systemCode: z.enum(SYSTEM_CODES, { errorMap: () => ({ message: 'choose a system' }) }),
  vor: z.preprocess((value) => value === 'on' || value === 'true', z.boolean()),
  noneSolves: z.preprocess(
    (value) => value === 'on' || value === 'true',
    z.literal(true, { errorMap: () => ({ message: 'confirm that none of the suggested cases solves it' }) }),
  ),
  attachmentIds: attachmentIdList,
  ...vehicleAndFault,
})
export type AssistanceFormInput = z.infer<typeof assistanceFormSchema>

export type NewRequestInput = Omit<AssistanceFormInput, 'vor' | 'noneSolves' | 'attachmentIds'> & { urgency: 'VOR' | 'NORMAL' }

export const messageSchema = z.object({
  body: z.string().trim().max(4000, 'at most 4000 characters').default(''),
  attachmentIds: attachmentIdList,
}).refine((message) => message.body.length > 0 || message.attachmentIds.length > 0, { message: 'write a message or attach a file', path: ['body'] })

/** A browser's `datetime-local` value (no zone) and the browser's offset from UTC in minutes (Date#getTimezoneOffset). */
export function localDateTimeToInstant(local: string, offsetMinutes: number) {
  return new Date(Date.parse(`${local.length === 16 ? `${local}:00` : local}Z`) + offsetMinutes * 60_000)
}
const localDateTime = z.string().regex(/^\d{4}-\d\d-\d\dT\d\d:\d\d(:\d\d)?$/, 'a date and time')

/** The request page's actions, one per button. */
export const requestActionSchema = z.discriminatedUnion('intent', [
  z.object({ intent: z.literal('claim') }),
  z.object({ intent: z.literal('transfer'), toExpertId: z.string().min(1, 'choose an expert'), note: optionalText(1000) }),
  z.object({
    intent: z.literal('escalate'),
    scheduledAt: localDateTime,
    tzOffset: z.coerce.number().int().min(-840).max(840).default(0),
    note: optionalText(1000),
  }),
  z.object({ intent: z.literal('visit-outcome'), visitId: z.string().min(1), outcome: text(2000) }),
  z.object({ intent: z.literal('resolve'), cause: text(4000, 'describe the cause'), fix: text(4000, 'describe the fix') }),
  z.object({ intent: z.literal('confirm'), firstTimeFix: z.enum(['yes', 'no'], { errorMap: () => ({ message: 'choose yes or no' }) }) }),
  z.object({ intent: z.literal('reopen'), reason: text(2000, 'say what is still wrong') }),
  z.object({ intent: z.literal('draft-case') }),
])
export type RequestAction = z.infer<typeof requestActionSchema>

export const expertProfileSchema = z.object({
  systems: z.array(z.enum(SYSTEM_CODES)).max(SYSTEM_CODES.length),
  available: z.boolean(),
})
