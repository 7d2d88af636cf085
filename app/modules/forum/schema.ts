import { z } from 'zod'
import { SYSTEM_CODES, dtcListSchema, dtcSchema, emptyToUndefined, yearSchema } from '~/utils/vehicle-schema'

const MAX_DOC_CHARS = 200_000
const TAG_PATTERN = /^[\p{L}\p{N}][\p{L}\p{N}._+#-]*$/u

type DocNode = { text?: unknown; content?: unknown }
const hasText = (node: DocNode): boolean =>
  (typeof node.text === 'string' && node.text.trim() !== '') || (Array.isArray(node.content) && node.content.some((child) => typeof child === 'object' && child !== null && hasText(child as DocNode)))

/** Plain text, or an editor document with some text in it (checked against the editor schema when saved). */
const richBody = (label: string) =>
  z.union(
    [
      z.string({ required_error: `${label} is required` }).trim().min(1, `${label} is required`).max(20_000, 'at most 20,000 characters'),
      z
        .object({ type: z.literal('doc') })
        .passthrough()
        .refine((doc) => JSON.stringify(doc).length <= MAX_DOC_CHARS, 'the text is too long')
        .refine((doc) => hasText(doc as DocNode), `${label} is required`),
    ],
    { errorMap: () => ({ message: `${label} is plain text or an editor document` }) },
  )

const tagSchema = z
  .string()
  .trim()
  .min(1, 'a tag cannot be empty')
  .max(24, 'a tag has at most 24 characters')
  .regex(TAG_PATTERN, 'a tag is one word: letters, digits and . _ + # -')
  .transform((tag) => tag.toLowerCase())

/**
 * A question as `POST /api/questions` takes it and as the ask form is turned into. The model is
 * its Chinese or English name or its id; the server checks it is in the catalogue.
 */
export const questionInputSchema = z
  .object({
    title: z.string({ required_error: 'a title is required' }).trim().min(4, 'the title needs at least 4 characters').max(150, 'at most 150 characters'),
    body: richBody('the question'),
    model: z.preprocess(emptyToUndefined, z.string().trim().max(80, 'at most 80 characters').optional()),
    system: z.preprocess(emptyToUndefined, z.enum(SYSTEM_CODES, { errorMap: () => ({ message: `a system is one of ${SYSTEM_CODES.join(', ')}` }) }).optional()),
    dtcs: z.preprocess((value) => value ?? [], dtcListSchema),
    tags: z
      .preprocess((value) => (typeof value === 'string' ? value.split(/[\s,，;；]+/).filter(Boolean) : (value ?? [])), z.array(tagSchema).max(5, 'at most 5 tags'))
      .transform((tags) => [...new Set(tags)]),
  })
  .strict()
export type QuestionInput = z.infer<typeof questionInputSchema>

/** An edit names the version it started from, so a newer edit is never overwritten unseen. */
export const questionEditSchema = questionInputSchema.extend({ version: z.coerce.number().int().min(1) })

export const answerInputSchema = z.object({ body: richBody('the answer') }).strict()
export type AnswerInput = z.infer<typeof answerInputSchema>
export const answerEditSchema = answerInputSchema.extend({ version: z.coerce.number().int().min(1) })

/** Comments are plain text: shown as text, never as markup. */
export const commentInputSchema = z
  .object({
    body: z.string({ required_error: 'a comment is required' }).trim().min(1, 'a comment is required').max(1000, 'at most 1,000 characters'),
    answerId: z.preprocess(emptyToUndefined, z.string().max(40).optional()),
  })
  .strict()
export type CommentInput = z.infer<typeof commentInputSchema>

/** Up, down, or 0 to take one's vote back. */
export const voteInputSchema = z.object({
  target: z.enum(['question', 'answer']),
  id: z.string().min(1).max(40),
  value: z.coerce.number().int().refine((value) => value === 1 || value === -1 || value === 0, 'a vote is 1, -1 or 0'),
})
export type VoteInput = z.infer<typeof voteInputSchema>

/**
 * The duplicate's original: a link to it (`/forum/<id>`, `/cases/<id>`, also as a full URL) or
 * an id with its kind.
 */
export const duplicateInputSchema = z
  .object({
    kind: z.enum(['question', 'case']).default('question'),
    target: z.string({ required_error: 'the original question or case is required' }).trim().min(1, 'the original question or case is required').max(300),
  })
  .transform(({ kind, target }, context) => {
    const link = /\/(forum|cases)\/([\w-]{1,40})\/?(?:[?#].*)?$/.exec(target)
    if (link) return { kind: link[1] === 'cases' ? ('case' as const) : ('question' as const), id: link[2] }
    if (/^[\w-]{1,40}$/.test(target)) return { kind, id: target }
    context.addIssue({ code: 'custom', path: ['target'], message: 'a link to a question or a case, or its id' })
    return z.NEVER
  })
export type DuplicateInput = z.infer<typeof duplicateInputSchema>

/** What a draft case needs that a question may not have said: the model, the system, the year. */
export const draftCaseInputSchema = z.object({
  modelId: z.preprocess(emptyToUndefined, z.string({ required_error: 'choose a model' }).max(40)),
  system: z.preprocess(emptyToUndefined, z.enum(SYSTEM_CODES, { errorMap: () => ({ message: 'choose a system' }) })),
  year: z.preprocess(emptyToUndefined, yearSchema),
})
export type DraftCaseInput = z.infer<typeof draftCaseInputSchema>

export const QUESTION_VIEWS = ['all', 'unanswered', 'solved'] as const
export const QUESTION_SORTS = ['newest', 'votes', 'activity'] as const
export type QuestionView = (typeof QUESTION_VIEWS)[number]
export type QuestionSort = (typeof QUESTION_SORTS)[number]

/** The list's URL: anything unusable falls back to the default rather than failing the page. */
export const questionListSchema = z.object({
  view: z.enum(QUESTION_VIEWS).catch('all'),
  sort: z.enum(QUESTION_SORTS).catch('newest'),
  q: z.string().trim().max(100).catch('').default(''),
  tag: z.preprocess(emptyToUndefined, tagSchema.optional()).catch(undefined),
  dtc: z.preprocess(emptyToUndefined, dtcSchema.optional()).catch(undefined),
  page: z.coerce.number().int().min(1).max(1000).catch(1).default(1),
})
export type QuestionListQuery = z.infer<typeof questionListSchema>
