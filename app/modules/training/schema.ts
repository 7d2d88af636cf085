import { z } from 'zod'
import { CertificationLevel, Role } from '~/generated/prisma/enums'
import { emptyToUndefined } from '~/utils/vehicle-schema'

/** The technician levels in the order they are taken (the database enum's order). */
export const LEVELS = Object.values(CertificationLevel) as [CertificationLevel, ...CertificationLevel[]]
export const ROLES = Object.values(Role) as [Role, ...Role[]]

// Messages are keys of ./messages.ts, so forms speak the reader's language.
const text = (max: number, required: string) => z.string({ required_error: required, invalid_type_error: required }).trim().min(1, required).max(max, 'invalid.tooLong')
const checkbox = z.preprocess((value) => value === 'on' || value === true || value === 'true', z.boolean())

export const LESSON_KINDS = ['TEXT', 'VIDEO', 'PDF'] as const
export type LessonKindName = (typeof LESSON_KINDS)[number]

/** A course's own fields, from the trainer's form. */
export const courseInputSchema = z.object({
  title: text(200, 'invalid.title'),
  description: z.preprocess(emptyToUndefined, z.string().trim().max(4000, 'invalid.tooLong').optional()),
  openToAll: checkbox,
  requiredForLevel: z.preprocess(emptyToUndefined, z.enum(LEVELS, { errorMap: () => ({ message: 'invalid.level' }) }).optional()),
})
export type CourseInput = z.infer<typeof courseInputSchema>

/** A lesson: text lessons carry an editor document; video and PDF lessons a file (checked apart). */
export const lessonInputSchema = z
  .object({
    title: text(200, 'invalid.title'),
    kind: z.enum(LESSON_KINDS, { errorMap: () => ({ message: 'invalid.kind' }) }),
    body: z.preprocess(emptyToUndefined, z.object({ type: z.literal('doc') }, { invalid_type_error: 'invalid.body' }).passthrough().optional()),
  })
  .superRefine((lesson, context) => {
    if (lesson.kind === 'TEXT' && !lesson.body) context.addIssue({ code: 'custom', path: ['body'], message: 'invalid.body' })
  })
export type LessonInput = z.infer<typeof lessonInputSchema>

/** Who a course goes to: every criterion given must match; at least one is given. */
export const assignmentInputSchema = z
  .object({
    role: z.preprocess(emptyToUndefined, z.enum(ROLES, { errorMap: () => ({ message: 'invalid.role' }) }).optional()),
    level: z.preprocess(emptyToUndefined, z.enum(LEVELS, { errorMap: () => ({ message: 'invalid.level' }) }).optional()),
    station: z.preprocess(emptyToUndefined, z.string().trim().max(40, 'invalid.station').optional()),
  })
  .refine((input) => input.role || input.level || input.station, { path: ['role'], message: 'invalid.assignmentEmpty' })
export type AssignmentInput = z.infer<typeof assignmentInputSchema>

/** `/training/:courseId/lessons/:lessonId` actions. */
export const lessonProgressSchema = z.object({
  intent: z.literal('done', { errorMap: () => ({ message: 'invalid.intent' }) }),
})

// ---------------------------------------------------------------------------------------------
// In-house training: monthly plans and the stations' reports

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/
const DAY = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/
const id = z.string().trim().min(1).max(40)

/** A monthly plan, from the trainer's form. */
export const planInputSchema = z.object({
  month: z.string({ required_error: 'invalid.month' }).trim().regex(MONTH, 'invalid.month'),
  title: text(200, 'invalid.title'),
  content: text(8000, 'invalid.content'),
  examPaperId: z.preprocess(emptyToUndefined, id.optional()),
})
export type PlanInput = z.infer<typeof planInputSchema>

/** One session a station held; its photos are checked apart (multipart). */
export const sessionInputSchema = z.object({
  heldOn: z.string({ required_error: 'invalid.heldOn' }).trim().regex(DAY, 'invalid.heldOn'),
  topic: text(200, 'invalid.topic'),
  trainerName: text(100, 'invalid.trainerName'),
  notes: z.preprocess(emptyToUndefined, z.string().trim().max(2000, 'invalid.tooLong').optional()),
  attendees: z.array(id, { invalid_type_error: 'invalid.attendees' }).min(1, 'invalid.attendees').max(200, 'invalid.attendees'),
})
export type SessionInput = z.infer<typeof sessionInputSchema>

/** A trainer sends a submitted report back with a reason. */
export const returnReportSchema = z.object({ note: text(1000, 'invalid.returnNote') })

export const monthSchema = z.string().regex(MONTH)
