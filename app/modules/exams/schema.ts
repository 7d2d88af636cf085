import { z } from 'zod'
import { SYSTEM_CODES, emptyToUndefined } from '~/utils/vehicle-schema'
import { CERTIFICATION_LEVELS, KEY_POSITIONS, QUESTION_KINDS } from './levels'

// Messages are keys of ./messages.ts, so forms and import reports speak the reader's language.
const text = (max: number, required: string) => z.string({ required_error: required, invalid_type_error: required }).trim().min(1, required).max(max, 'invalid.tooLong')
const optionalText = (max: number) => z.preprocess(emptyToUndefined, z.string().trim().max(max, 'invalid.tooLong').optional())

export const MAX_OPTIONS = 8

/** A picture of the stem or an option: an uploaded image's id (checked to be an image the writer may use when saved). */
const imageId = z.preprocess(emptyToUndefined, z.string().max(40, 'invalid.image').regex(/^[a-z0-9]+$/, 'invalid.image').optional())

export const optionInputSchema = z.object({
  text: text(500, 'invalid.optionText'),
  correct: z.boolean(),
  imageId,
})

/** One question as the bank stores it: what the form, the CSV/JSON import and the export share. */
export const questionInputSchema = z
  .object({
    kind: z.enum(QUESTION_KINDS, { errorMap: () => ({ message: 'invalid.kind' }) }),
    stem: text(2000, 'invalid.stem'),
    stemImageId: imageId,
    options: z.array(optionInputSchema, { invalid_type_error: 'invalid.options' }).min(2, 'invalid.optionCount').max(MAX_OPTIONS, 'invalid.optionCount'),
    explanation: optionalText(4000),
    systemCode: z.enum(SYSTEM_CODES, { errorMap: () => ({ message: 'invalid.system' }) }),
    difficulty: z.coerce.number({ invalid_type_error: 'invalid.difficulty' }).int('invalid.difficulty').min(1, 'invalid.difficulty').max(3, 'invalid.difficulty'),
    level: z.enum(CERTIFICATION_LEVELS, { errorMap: () => ({ message: 'invalid.level' }) }),
  })
  .superRefine((question, context) => {
    const correct = question.options.filter((option) => option.correct).length
    if (question.kind === 'TRUE_FALSE' && question.options.length !== 2) context.addIssue({ code: 'custom', path: ['options'], message: 'invalid.trueFalseOptions' })
    if (question.kind !== 'MULTIPLE' && correct !== 1) context.addIssue({ code: 'custom', path: ['correct'], message: 'invalid.oneCorrect' })
    if (question.kind === 'MULTIPLE' && correct < 1) context.addIssue({ code: 'custom', path: ['correct'], message: 'invalid.someCorrect' })
    const texts = question.options.map((option) => option.text)
    if (new Set(texts).size !== texts.length) context.addIssue({ code: 'custom', path: ['options'], message: 'invalid.duplicateOptions' })
  })
export type QuestionInput = z.infer<typeof questionInputSchema>

/** The true/false answers, stored as the two options of such a question. */
export const TRUE_FALSE_TEXTS = ['正确', '错误'] as const

/**
 * The question form: repeated `optionText` and `optionImageId` fields and `correct` holding option
 * indexes (a radio for single choice and true/false, checkboxes for multiple choice).
 */
export function questionFromForm(form: FormData) {
  const kind = String(form.get('kind') ?? '')
  const correct = new Set(form.getAll('correct').map(String))
  const images = form.getAll('optionImageId').map(String)
  const texts = kind === 'TRUE_FALSE' ? [...TRUE_FALSE_TEXTS] : form.getAll('optionText').map(String)
  // Blank option rows are left out (after pairing each row with its `correct` index and picture).
  const options = texts
    .map((text, index) => ({ text, correct: correct.has(String(index)), imageId: kind === 'TRUE_FALSE' ? undefined : images[index] }))
    .filter((option) => option.text.trim() !== '')
  return questionInputSchema.safeParse({
    kind,
    stem: form.get('stem'),
    stemImageId: form.get('stemImageId'),
    options,
    explanation: form.get('explanation'),
    systemCode: form.get('systemCode'),
    difficulty: form.get('difficulty'),
    level: form.get('level'),
  })
}

const optionalEnum = <T extends readonly [string, ...string[]]>(values: T, message: string) =>
  z.preprocess(emptyToUndefined, z.enum(values, { errorMap: () => ({ message }) }).optional())

/** Draw `count` questions matching a category, difficulty and level (each optional: any). */
export const drawRuleSchema = z.object({
  systemCode: optionalEnum(SYSTEM_CODES, 'invalid.system'),
  difficulty: z.preprocess(emptyToUndefined, z.coerce.number().int().min(1).max(3).optional()),
  level: optionalEnum(CERTIFICATION_LEVELS, 'invalid.level'),
  count: z.coerce.number({ invalid_type_error: 'invalid.count' }).int('invalid.count').min(1, 'invalid.count').max(200, 'invalid.count'),
})
export type DrawRule = z.infer<typeof drawRuleSchema>

const number = (min: number, max: number, message: string) =>
  z.coerce.number({ invalid_type_error: message }).int(message).min(min, message).max(max, message)
const checkbox = z.preprocess((value) => value === 'on' || value === 'true' || value === true, z.boolean())

export const paperInputSchema = z.object({
  title: text(200, 'invalid.title'),
  description: optionalText(2000),
  level: optionalEnum(CERTIFICATION_LEVELS, 'invalid.level'),
  position: optionalEnum(KEY_POSITIONS, 'invalid.position'),
  timeLimitMinutes: number(1, 600, 'invalid.timeLimit'),
  passPercent: number(1, 100, 'invalid.passPercent'),
  maxAttempts: number(1, 50, 'invalid.maxAttempts'),
  cooldownMinutes: number(0, 10_080, 'invalid.cooldown'),
  partialCredit: checkbox,
  showAnswers: checkbox,
  drawRules: z.array(drawRuleSchema).max(30),
}).refine((paper) => !(paper.level && paper.position), { path: ['position'], message: 'invalid.levelAndPosition' })
export type PaperInput = z.infer<typeof paperInputSchema>

/** The paper form: one row of `rule*` fields per draw rule; rows without a count are blank. */
export function paperFromForm(form: FormData) {
  const column = (name: string) => form.getAll(name).map(String)
  const counts = column('ruleCount')
  const [systems, difficulties, levels] = [column('ruleSystem'), column('ruleDifficulty'), column('ruleLevel')]
  const drawRules = counts.flatMap((count, index) =>
    count.trim() === '' ? [] : [{ systemCode: systems[index], difficulty: difficulties[index], level: levels[index], count }],
  )
  const fields = Object.fromEntries([...form].filter(([, value]) => typeof value === 'string'))
  return paperInputSchema.safeParse({ ...fields, drawRules })
}

/** `PUT /api/attempts/:id/answers`: the whole current choice for one question (empty clears it). */
export const answerSchema = z.object({
  questionId: z.string().min(1).max(40),
  optionIds: z.array(z.string().min(1).max(40)).max(MAX_OPTIONS),
})
export type AnswerInput = z.infer<typeof answerSchema>

/** The answers a submit brings along (the page sends what it shows, in case a save is still in flight). */
export const answerMapSchema = z.record(z.string().max(40), z.array(z.string().max(40)).max(MAX_OPTIONS)).refine((map) => Object.keys(map).length <= 500)

/** The bank's filters in a URL (`?q=&system=&level=&difficulty=&kind=&status=&page=`); anything malformed is ignored. */
export const questionFilterSchema = z.object({
  q: z.string().trim().max(100).optional().catch(undefined),
  system: z.enum(SYSTEM_CODES).optional().catch(undefined),
  level: z.enum(CERTIFICATION_LEVELS).optional().catch(undefined),
  difficulty: z.coerce.number().int().min(1).max(3).optional().catch(undefined),
  kind: z.enum(QUESTION_KINDS).optional().catch(undefined),
  status: z.enum(['active', 'retired', 'all']).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(10_000).catch(1),
})
export type QuestionFilterParams = z.infer<typeof questionFilterSchema>

export function parseQuestionFilter(url: URL) {
  const params = questionFilterSchema.parse(Object.fromEntries([...url.searchParams].filter(([, value]) => value !== '')))
  return {
    page: params.page,
    filter: { q: params.q || undefined, systemCode: params.system, level: params.level, difficulty: params.difficulty, kind: params.kind, status: params.status },
  }
}
