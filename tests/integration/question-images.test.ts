import { beforeAll, describe, expect, test } from 'vitest'
import { getAttempt, startAttempt } from '../../app/modules/exams/attempts.server'
import { parseQuestionFile, questionsToJson } from '../../app/modules/exams/question-file'
import { createQuestion, exportQuestions, InvalidQuestionImageError, importQuestions, updateQuestion } from '../../app/modules/exams/questions.server'
import { saveAttachment } from '../../app/modules/files/attachment.server'
import { action as startApi } from '../../app/routes/api.exams.$examId.attempts'
import { loader as fileLoader } from '../../app/routes/files.$fileId'
import { action as newQuestionAction } from '../../app/routes/exams.manage.questions.new'
import { createApiToken } from '../../app/utils/api-token.server'
import { getDb } from '../../app/utils/db.server'
import type { SessionUser } from '../../app/utils/session-user'
import { publishedPaper, singleChoice } from '../exam-factories'
import { createStation, createTestUser, sessionCookieFor, uploadPng } from '../factories'
import { callRoute, routeArgs } from '../route-calls'

// Pictures in a question's stem and options: checked when saved, shown to the candidates who
// draw the question (and to exam managers), to nobody else; an attempt keeps the pictures it drew.
let trainer: SessionUser
let otherTrainer: SessionUser
let candidate: SessionUser
let bystander: SessionUser
const cookies = new Map<string, string>()

const fetchFile = (user: SessionUser, fileId: string) =>
  callRoute(() => fileLoader(routeArgs(new Request(`http://test/files/${fileId}`, { headers: { Cookie: cookies.get(user.id)! } }), { fileId })))

const uploadPdf = (user: SessionUser) =>
  saveAttachment({ user, fileName: 'manual.pdf', data: (async function* () { yield Buffer.from('%PDF-1.4\n%%EOF\n') })(), limitBytes: 1024 })

const questionForm = (fields: Record<string, string | string[]>) => {
  const form = new URLSearchParams()
  for (const [name, value] of Object.entries(fields)) for (const item of [value].flat()) form.append(name, item)
  return form
}

beforeAll(async () => {
  const stationId = (await createStation()).id
  trainer = await createTestUser({ role: 'TRAINER' })
  otherTrainer = await createTestUser({ role: 'TRAINER' })
  candidate = await createTestUser({ stationId })
  bystander = await createTestUser({ stationId })
  for (const user of [trainer, otherTrainer, candidate, bystander]) cookies.set(user.id, await sessionCookieFor(user.id))
})

describe('question pictures', () => {
  test('a candidate sees the pictures of the questions drawn for them, by URL, and may load them; others may not', async () => {
    const [stemImage, optionImage] = [await uploadPng(trainer, 'connector.png'), await uploadPng(trainer, 'pin.png')]
    const base = singleChoice()
    const { id: questionId } = await createQuestion({
      user: trainer,
      input: { ...base, stemImageId: stemImage.id, options: base.options.map((option, index) => (index === 1 ? { ...option, imageId: optionImage.id } : option)) },
    })
    const paper = await publishedPaper(trainer, { fixed: [questionId] })

    // Before drawing it, the candidate cannot load the picture.
    expect((await fetchFile(candidate, stemImage.id)).status).toBe(404)

    const token = (await createApiToken({ userId: candidate.id, name: 'test' })).token
    const response = await callRoute(() => startApi(routeArgs(new Request(`http://test/api/exams/${paper}/attempts`, { method: 'POST', headers: { Authorization: `Bearer ${token}` } }), { examId: paper })))
    expect(response.status).toBe(201)
    const body = (await response.json()) as { questions: Array<{ stemImageUrl?: string; options: Array<{ text: string; imageUrl?: string; correct?: unknown }> }> }
    expect(body.questions[0].stemImageUrl).toBe(`/files/${stemImage.id}`)
    expect(body.questions[0].options.find((option) => option.text === 'wrong one')?.imageUrl).toBe(`/files/${optionImage.id}`)
    expect(body.questions[0].options.filter((option) => option.imageUrl)).toHaveLength(1)
    expect(JSON.stringify(body)).not.toContain('correct')

    expect((await fetchFile(candidate, stemImage.id)).status).toBe(200)
    expect((await fetchFile(candidate, optionImage.id)).status).toBe(200)
    expect((await fetchFile(bystander, stemImage.id)).status).toBe(404)
    expect((await fetchFile(otherTrainer, optionImage.id)).status).toBe(200)
  })

  test('a replaced picture stays with the attempt that drew the question', async () => {
    const [first, second] = [await uploadPng(trainer, 'v1.png'), await uploadPng(trainer, 'v2.png')]
    const input = { ...singleChoice(), stemImageId: first.id }
    const { id: questionId } = await createQuestion({ user: trainer, input })
    const paper = await publishedPaper(trainer, { fixed: [questionId] })
    const started = await startAttempt({ user: candidate, paperId: paper })
    if (!started.ok) throw new Error(started.reason)

    await updateQuestion({ user: trainer, questionId, input: { ...input, stemImageId: second.id } })
    const view = await getAttempt({ user: candidate, attemptId: started.attemptId })
    expect(view?.state === 'open' && view.questions[0].stemImageUrl).toBe(`/files/${first.id}`)
    expect((await fetchFile(candidate, first.id)).status).toBe(200)
    expect((await fetchFile(candidate, second.id)).status).toBe(404)
  })

  test('a PDF, another writer’s loose upload or an unknown id is refused with the field at fault, and nothing is saved', async () => {
    const [pdf, foreign] = [await uploadPdf(trainer), await uploadPng(otherTrainer, 'theirs.png')]
    const before = await getDb().question.count()
    const base = singleChoice()
    const attempt = (input: typeof base) => createQuestion({ user: trainer, input }).then(() => null, (error: unknown) => error)

    const notImage = await attempt({ ...base, stemImageId: pdf.id })
    expect(notImage).toBeInstanceOf(InvalidQuestionImageError)
    expect((notImage as InvalidQuestionImageError).fieldErrors()).toEqual({ stemImageId: 'invalid.image' })

    const theirs = await attempt({ ...base, options: base.options.map((option, index) => (index === 2 ? { ...option, imageId: foreign.id } : option)) })
    expect((theirs as InvalidQuestionImageError).fieldErrors()).toEqual({ 'options.2.imageId': 'invalid.image' })
    expect(await attempt({ ...base, stemImageId: 'cnotthere000000000000000' })).toBeInstanceOf(InvalidQuestionImageError)
    expect(await getDb().question.count()).toBe(before)
    expect(await getDb().attachment.findUniqueOrThrow({ where: { id: foreign.id }, select: { questionId: true } })).toEqual({ questionId: null })
  })

  test('the question form answers 400 with the picture field named', async () => {
    const pdf = await uploadPdf(trainer)
    const form = questionForm({ kind: 'SINGLE', stem: 'Which connector?', stemImageId: pdf.id, optionText: ['A one', 'B two'], optionImageId: ['', ''], correct: '0', systemCode: 'engine', difficulty: '1', level: 'TECHNICIAN' })
    const response = await callRoute(() =>
      newQuestionAction(routeArgs(new Request('http://test/exams/manage/questions/new', { method: 'POST', body: form, headers: { Cookie: cookies.get(trainer.id)!, 'Content-Type': 'application/x-www-form-urlencoded' } }))),
    )
    expect(response.status).toBe(400)
    expect(await response.json()).toEqual({ errors: { stemImageId: 'invalid.image' } })
  })

  test('a JSON export carries the picture ids and imports again; a bad id names its item', async () => {
    const image = await uploadPng(trainer, 'export.png')
    const stem = `Exported with a picture ${Date.now()}`
    await createQuestion({ user: trainer, input: { ...singleChoice(), stem, stemImageId: image.id } })
    const exported = (await exportQuestions({ user: trainer, filter: { q: stem } })).filter((question) => question.stem === stem)
    const json = questionsToJson(exported)
    expect(json).toContain(image.id)

    const parsed = parseQuestionFile({ fileName: 'bank.json', text: json })
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors))
    expect(await importQuestions({ user: otherTrainer, questions: parsed.questions })).toBe(1)

    const broken = parseQuestionFile({ fileName: 'bank.json', text: JSON.stringify([JSON.parse(json)[0], { ...JSON.parse(json)[0], stemImageId: 'cmissing00000000000000' }]) })
    if (!broken.ok) throw new Error('the file itself is valid')
    const error = await importQuestions({ user: trainer, questions: broken.questions }).catch((failure: unknown) => failure)
    expect((error as InvalidQuestionImageError).problems).toEqual([{ question: 1, field: 'stemImageId' }])
    expect(await getDb().question.count({ where: { stem } })).toBe(2)
  })
})
