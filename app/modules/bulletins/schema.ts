import { z } from 'zod'
import { SYSTEM_CODES, dtcListSchema, dtcSchema, emptyToUndefined, vinSchema, yearSchema } from '~/utils/vehicle-schema'

export const BULLETIN_TYPES = ['tsb', 'campaign', 'notice'] as const
export type BulletinTypeName = (typeof BULLETIN_TYPES)[number]
export const AUDIENCE_ROLES = ['TECHNICIAN', 'STATION_MANAGER', 'ENGINEER', 'TRAINER', 'ADMIN'] as const

const names = (label: string, max: number) => z.array(z.string().trim().min(1, `${label} cannot be empty`).max(80)).max(max, `at most ${max} ${label}`).default([])
const optionalDate = z.preprocess(emptyToUndefined, z.coerce.date({ invalid_type_error: 'a date such as 2026-12-31' }).optional())

/**
 * A bulletin as the API takes it (`POST /api/bulletins`) and as the editor form is turned into.
 * Models, stations and regions are names/codes; the server checks they exist.
 */
export const bulletinInputSchema = z
  .object({
    title: z.string({ required_error: 'a title is required' }).trim().min(4, 'the title needs at least 4 characters').max(200, 'at most 200 characters'),
    type: z.enum(BULLETIN_TYPES, { errorMap: () => ({ message: 'type is tsb, campaign or notice' }) }),
    body: z.union([
      z.string().trim().min(1, 'the bulletin needs a text').max(100_000, 'the text is too long'),
      z.object({ type: z.literal('doc') }).passthrough(),
    ]),
    models: names('models', 50),
    yearFrom: z.preprocess(emptyToUndefined, yearSchema.optional()),
    yearTo: z.preprocess(emptyToUndefined, yearSchema.optional()),
    vinFrom: z.preprocess(emptyToUndefined, vinSchema.optional()),
    vinTo: z.preprocess(emptyToUndefined, vinSchema.optional()),
    systems: z.array(z.enum(SYSTEM_CODES, { errorMap: () => ({ message: `a system is one of ${SYSTEM_CODES.join(', ')}` }) })).max(10).default([]),
    dtcs: z.preprocess((value) => value ?? [], dtcListSchema),
    audience: z
      .object({
        regions: names('regions', 50),
        stations: names('stations', 2000),
        roles: z.array(z.string().transform((role) => role.toUpperCase()).pipe(z.enum(AUDIENCE_ROLES, { errorMap: () => ({ message: 'a role is technician, station_manager, engineer, trainer or admin' }) }))).default([]),
      })
      .strict()
      .default({}),
    requiresAck: z.boolean().default(false),
    publish: z.boolean().default(false),
    /** When it shows and is announced; now when publishing without one. */
    publishAt: optionalDate,
    expiresAt: optionalDate,
    supersedes: z.preprocess(emptyToUndefined, z.string().max(40).optional()),
    attachmentIds: z.array(z.string().max(40)).max(30).default([]),
  })
  .strict()
  .superRefine((input, context) => {
    if (input.yearFrom && input.yearTo && input.yearFrom > input.yearTo) context.addIssue({ code: 'custom', path: ['yearTo'], message: 'the last year comes after the first' })
    if (input.vinFrom && input.vinTo && input.vinFrom > input.vinTo) context.addIssue({ code: 'custom', path: ['vinTo'], message: 'the VIN range ends after it starts' })
    const start = input.publishAt ?? new Date()
    if (input.expiresAt && input.expiresAt <= start) context.addIssue({ code: 'custom', path: ['expiresAt'], message: 'it expires after it is published' })
  })

export type BulletinInput = z.infer<typeof bulletinInputSchema>

/** Filters of `GET /api/bulletins` and of the list page. */
export const bulletinFilterSchema = z.object({
  model: z.preprocess(emptyToUndefined, z.string().trim().max(80).optional()),
  year: z.preprocess(emptyToUndefined, yearSchema.optional()),
  vin: z.preprocess(emptyToUndefined, vinSchema.optional()),
  dtc: z.preprocess(emptyToUndefined, dtcSchema.optional()),
  system: z.preprocess(emptyToUndefined, z.enum(SYSTEM_CODES).optional()),
})
export type BulletinFilters = z.infer<typeof bulletinFilterSchema>
