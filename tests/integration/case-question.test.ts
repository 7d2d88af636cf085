import { beforeAll, expect, test } from 'vitest'
import { toRichDoc } from '../../app/editor/rich-text.server'
import { createCase } from '../../app/modules/cases/case.server'
import { loader as casePage } from '../../app/routes/cases.$caseId._index'
import { loader as newQuestionPage } from '../../app/routes/exams.manage.questions.new'
import type { SessionUser } from '../../app/utils/session-user'
import { caseContent, createTestUser, sessionCookieFor } from '../factories'
import { callRoute, routeArgs } from '../route-calls'

let trainer: SessionUser
let tech: SessionUser
let classicId: string
let approvedId: string

const get = async (user: SessionUser, url: string, params: Record<string, string>, loader: typeof newQuestionPage | typeof casePage) =>
  callRoute(async () => loader(routeArgs(new Request(`http://test${url}`, { headers: { Cookie: await sessionCookieFor(user.id) } }), params)))

beforeAll(async () => {
  trainer = await createTestUser({ role: 'TRAINER' })
  tech = await createTestUser()
  const author = await createTestUser({ role: 'ENGINEER' })
  const write = async (title: string, rootCause: string, status: 'CLASSIC' | 'APPROVED' | 'DRAFT', systemCode = 'engine') =>
    (await createCase({ author, status, content: await caseContent({ title, systemCode, rootCause: toRichDoc(rootCause), language: 'en' }) })).id
  classicId = await write('Rough idle when cold', 'Cracked PCV hose.', 'CLASSIC')
  approvedId = await write('Misfire under load', 'Worn ignition coil.', 'APPROVED')
  await write('Hesitation', 'Clogged injector.', 'CLASSIC')
  await write('Brake judder', 'Warped brake disc.', 'APPROVED', 'chassis')
  await write('Unpublished', 'Secret draft cause.', 'DRAFT')
})

test('a trainer gets a question drafted from a classic case: distractors come from other published cases of its system', async () => {
  const data = (await get(trainer, `/exams/manage/questions/new?fromCase=${classicId}`, {}, newQuestionPage)) as unknown as Awaited<ReturnType<typeof newQuestionPage>>
  expect(data.draft).toMatchObject({ caseId: classicId, caseTitle: 'Rough idle when cold', question: { kind: 'SINGLE', systemCode: 'engine' } })
  const options = data.draft!.question.options
  expect(options.filter((option) => option.correct).map((option) => option.text)).toEqual(['Cracked PCV hose.'])
  expect(options.filter((option) => !option.correct).map((option) => option.text).sort()).toEqual(['Clogged injector.', 'Worn ignition coil.'])
  expect(data.draft!.question.stem).toContain('rough')
})

test('only for classic cases, and only for trainers and admins; the case page offers the button to them alone', async () => {
  expect((await get(trainer, `/exams/manage/questions/new?fromCase=${approvedId}`, {}, newQuestionPage)).status).toBe(404)
  expect((await get(tech, `/exams/manage/questions/new?fromCase=${classicId}`, {}, newQuestionPage)).status).toBe(403)
  const forTrainer = (await get(trainer, `/cases/${classicId}`, { caseId: classicId }, casePage)) as unknown as { canDraftQuestion: boolean }
  expect(forTrainer.canDraftQuestion).toBe(true)
  const forTech = (await get(tech, `/cases/${classicId}`, { caseId: classicId }, casePage)) as unknown as { canDraftQuestion: boolean }
  expect(forTech.canDraftQuestion).toBe(false)
  const approved = (await get(trainer, `/cases/${approvedId}`, { caseId: approvedId }, casePage)) as unknown as { canDraftQuestion: boolean }
  expect(approved.canDraftQuestion).toBe(false)
})
