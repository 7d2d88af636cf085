import { parseCsv, csvLine } from './csv'
import { CERTIFICATION_LEVELS, QUESTION_KINDS, fromCode, toCode, type Kind, type Level } from './levels'
import { MAX_OPTIONS, TRUE_FALSE_TEXTS, questionInputSchema, type QuestionInput } from './schema'

/**
 * The import/export formats of the question bank.
 * CSV: a header row, then one question per row:
 *   kind,system,level,difficulty,stem,A,B,…,H,answer,explanation
 * `answer` is the right letters (`B`, `ACD`); for true_false `true`/`false` (正确/错误).
 * JSON: an array of `{ kind, system, level, difficulty, stem, stemImageId?, options: [{ text, correct, imageId? }], explanation? }`
 * (picture ids of this installation's uploads; CSV carries no pictures).
 * Codes are the API's: kind single|multiple|true_false, level technician|senior_technician|…
 */
export const OPTION_LETTERS = 'ABCDEFGH'.slice(0, MAX_OPTIONS).split('')
export const CSV_COLUMNS = ['kind', 'system', 'level', 'difficulty', 'stem', ...OPTION_LETTERS, 'answer', 'explanation'] as const
const REQUIRED_COLUMNS = ['kind', 'system', 'level', 'difficulty', 'stem', 'answer']
const KNOWN_COLUMNS = CSV_COLUMNS.map((column) => column.toLowerCase())
export const MAX_IMPORT_ROWS = 2000

/** One problem of an imported file: its row (a spreadsheet's row number, the header being row 1; a JSON file's item number) and field. */
export type ImportError = { row: number; field: string; message: string; value?: string }
export type ParsedFile = { ok: true; questions: QuestionInput[] } | { ok: false; errors: ImportError[] }

// Chinese spellings trainers use in their own spreadsheets.
const KIND_ALIASES: Record<string, Kind> = { 单选: 'SINGLE', 单选题: 'SINGLE', 多选: 'MULTIPLE', 多选题: 'MULTIPLE', 判断: 'TRUE_FALSE', 判断题: 'TRUE_FALSE' }
const LEVEL_ALIASES: Record<string, Level> = { 技术员: 'TECHNICIAN', 技师: 'SENIOR_TECHNICIAN', 中级技师: 'INTERMEDIATE_MASTER', 高级技师: 'SENIOR_MASTER' }
const TRUE_WORDS = ['true', 't', '正确', '对', '是', 'a']
const FALSE_WORDS = ['false', 'f', '错误', '错', '否', 'b']

const parseKind = (value: unknown) => (typeof value === 'string' ? (fromCode(QUESTION_KINDS, value) ?? KIND_ALIASES[value.trim()] ?? value) : value)
const parseLevel = (value: unknown) => (typeof value === 'string' ? (fromCode(CERTIFICATION_LEVELS, value) ?? LEVEL_ALIASES[value.trim()] ?? value) : value)
const parseSystem = (value: unknown) => (typeof value === 'string' ? value.trim().toLowerCase() : value)

function validate(row: number, candidate: unknown, errors: ImportError[], questions: QuestionInput[]) {
  const parsed = questionInputSchema.safeParse(candidate)
  if (parsed.success) {
    questions.push(parsed.data)
    return
  }
  const seen = new Set<string>()
  for (const issue of parsed.error.issues) {
    const field = fieldName(issue.path)
    if (seen.has(field)) continue
    seen.add(field)
    errors.push({ row, field, message: issue.message })
  }
}

// Errors name the file's columns, not the stored fields.
function fieldName(path: Array<string | number>) {
  const [first, index] = path
  if (first === 'systemCode') return 'system'
  if (first === 'correct') return 'answer'
  if (first === 'options' && typeof index === 'number') return OPTION_LETTERS[index] ?? 'options'
  return String(first ?? 'row')
}

function parseCsvFile(text: string): ParsedFile {
  const records = parseCsv(text)
  const header = (records[0] ?? []).map((cell) => cell.trim().toLowerCase())
  const missing = REQUIRED_COLUMNS.filter((column) => !header.includes(column))
  const unknown = header.filter((column) => column !== '' && !KNOWN_COLUMNS.includes(column))
  if (records.length === 0 || missing.length > 0 || unknown.length > 0) {
    return {
      ok: false,
      errors: [
        ...missing.map((column) => ({ row: 1, field: column, message: 'import.missingColumn' })),
        ...unknown.map((column) => ({ row: 1, field: column, message: 'import.unknownColumn' })),
      ],
    }
  }
  const errors: ImportError[] = []
  const questions: QuestionInput[] = []
  const cell = (record: string[], column: string) => {
    const index = header.indexOf(column)
    const value = index < 0 ? '' : (record[index] ?? '').trim()
    // Undo the export's guard against spreadsheet formulas ('=…), so an export imports as it was.
    return /^'[=+\-@]/.test(value) ? value.slice(1) : value
  }
  records.slice(1).forEach((record, index) => {
    const row = index + 2
    if (record.every((value) => value.trim() === '')) return
    if (record.length > header.length && record.slice(header.length).some((value) => value.trim() !== '')) {
      errors.push({ row, field: 'row', message: 'import.extraCells' })
      return
    }
    const kind = parseKind(cell(record, 'kind'))
    const answer = cell(record, 'answer')
    let options: Array<{ text: string; correct: boolean }>
    if (kind === 'TRUE_FALSE') {
      const word = answer.toLowerCase()
      const isTrue = TRUE_WORDS.includes(word)
      if (!isTrue && !FALSE_WORDS.includes(word)) {
        errors.push({ row, field: 'answer', message: 'import.trueFalseAnswer', value: answer })
        return
      }
      options = TRUE_FALSE_TEXTS.map((optionText, position) => ({ text: optionText, correct: position === (isTrue ? 0 : 1) }))
    } else {
      const letters = answer.toUpperCase().replace(/[\s,，;；、]/g, '').split('').filter(Boolean)
      const texts = OPTION_LETTERS.map((letter) => cell(record, letter.toLowerCase()))
      const lastFilled = texts.reduce((last, value, position) => (value !== '' ? position : last), -1)
      const gap = texts.slice(0, lastFilled + 1).findIndex((value) => value === '')
      if (gap >= 0) {
        errors.push({ row, field: OPTION_LETTERS[gap], message: 'invalid.optionText' })
        return
      }
      const badLetter = letters.find((letter) => !OPTION_LETTERS.slice(0, lastFilled + 1).includes(letter))
      if (letters.length === 0 || badLetter) {
        errors.push({ row, field: 'answer', message: 'import.answerLetters', value: answer })
        return
      }
      options = texts.slice(0, lastFilled + 1).map((optionText, position) => ({ text: optionText, correct: letters.includes(OPTION_LETTERS[position]) }))
    }
    validate(row, { kind, systemCode: parseSystem(cell(record, 'system')), level: parseLevel(cell(record, 'level')), difficulty: cell(record, 'difficulty'), stem: cell(record, 'stem'), explanation: cell(record, 'explanation'), options }, errors, questions)
  })
  return finish(errors, questions)
}

function parseJsonFile(text: string): ParsedFile {
  let data: unknown
  try {
    data = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text)
  } catch {
    return { ok: false, errors: [{ row: 0, field: 'file', message: 'import.badJson' }] }
  }
  const items = Array.isArray(data) ? data : (data as { questions?: unknown })?.questions
  if (!Array.isArray(items)) return { ok: false, errors: [{ row: 0, field: 'file', message: 'import.notArray' }] }
  const errors: ImportError[] = []
  const questions: QuestionInput[] = []
  items.forEach((item, index) => {
    const row = index + 1
    if (!item || typeof item !== 'object') {
      errors.push({ row, field: 'row', message: 'import.notObject' })
      return
    }
    const record = item as Record<string, unknown>
    const kind = parseKind(record.kind)
    const options = kind === 'TRUE_FALSE' && typeof record.answer === 'boolean'
      ? TRUE_FALSE_TEXTS.map((optionText, position) => ({ text: optionText, correct: position === (record.answer ? 0 : 1) }))
      : record.options
    validate(row, { kind, systemCode: parseSystem(record.system ?? record.systemCode), level: parseLevel(record.level), difficulty: record.difficulty, stem: record.stem, stemImageId: record.stemImageId ?? undefined, explanation: record.explanation ?? undefined, options }, errors, questions)
  })
  return finish(errors, questions)
}

function finish(errors: ImportError[], questions: QuestionInput[]): ParsedFile {
  if (errors.length > 0) return { ok: false, errors }
  if (questions.length === 0) return { ok: false, errors: [{ row: 0, field: 'file', message: 'import.empty' }] }
  if (questions.length > MAX_IMPORT_ROWS) return { ok: false, errors: [{ row: 0, field: 'file', message: 'import.tooMany' }] }
  return { ok: true, questions }
}

/** Reads a CSV or JSON question file (by its name, else by its first character). All rows are checked; any error rejects the file. */
export function parseQuestionFile({ fileName, text }: { fileName: string; text: string }): ParsedFile {
  const json = /\.json$/i.test(fileName) || (!/\.csv$/i.test(fileName) && /^\ufeff?\s*[[{]/.test(text))
  return json ? parseJsonFile(text) : parseCsvFile(text)
}

export type ExportQuestion = {
  kind: Kind
  systemCode: string
  level: Level
  difficulty: number
  stem: string
  stemImageId?: string | null
  options: Array<{ text: string; correct: boolean; imageId?: string }>
  explanation: string | null
}

export function questionsToCsv(questions: ExportQuestion[]) {
  const lines = [csvLine([...CSV_COLUMNS])]
  for (const question of questions) {
    const answer =
      question.kind === 'TRUE_FALSE'
        ? question.options[0]?.correct ? 'true' : 'false'
        : question.options.flatMap((option, index) => (option.correct ? [OPTION_LETTERS[index]] : [])).join('')
    const optionCells = OPTION_LETTERS.map((_, index) => (question.kind === 'TRUE_FALSE' ? '' : (question.options[index]?.text ?? '')))
    lines.push(csvLine([toCode(question.kind), question.systemCode, toCode(question.level), question.difficulty, question.stem, ...optionCells, answer, question.explanation ?? '']))
  }
  return lines.join('')
}

export function questionsToJson(questions: ExportQuestion[]) {
  return JSON.stringify(
    questions.map((question) => ({
      kind: toCode(question.kind),
      system: question.systemCode,
      level: toCode(question.level),
      difficulty: question.difficulty,
      stem: question.stem,
      ...(question.stemImageId ? { stemImageId: question.stemImageId } : {}),
      options: question.options.map(({ text, correct, imageId }) => (imageId ? { text, correct, imageId } : { text, correct })),
      explanation: question.explanation,
    })),
    null,
    2,
  )
}

