import { beforeAll, describe, expect, test } from 'vitest'
import { acceptAnswer, createAnswer, updateAnswer } from '../../app/modules/forum/answers.server'
import { addComment } from '../../app/modules/forum/comments.server'
import { draftCaseFromAcceptedAnswer, splitAnswer } from '../../app/modules/forum/draft-case.server'
import { POSTING_LIMITS } from '../../app/modules/forum/posting-limit.server'
import { closeAsDuplicate, createQuestion, getQuestionThread, listQuestions, questionHistory, updateQuestion, yearMentioned } from '../../app/modules/forum/questions.server'
import { answerInputSchema, questionInputSchema, questionListSchema } from '../../app/modules/forum/schema'
import { castVote } from '../../app/modules/forum/votes.server'
import { getCase } from '../../app/modules/cases/case.server'
import { action as createApi } from '../../app/routes/api.questions'
import { action as questionPageAction } from '../../app/routes/forum.$questionId._index'
import { loader as editPageLoader } from '../../app/routes/forum.$questionId.edit'
import { createApiToken } from '../../app/utils/api-token.server'
import { getDb } from '../../app/utils/db.server'
import type { SessionUser } from '../../app/utils/session-user'
import { createStation, createTestUser, ensureVehicleModels, sessionCookieFor } from '../factories'
import { callRoute, jsonRequest, routeArgs } from '../route-calls'

// The "know" forum through its API, page actions and data functions on a real PostgreSQL.
let station: { id: string }
let admin: SessionUser
let modelName: string
let modelId: string
const tokens = new Map<string, string>()

const post = (user: SessionUser | null, body: unknown) =>
  callRoute(() => createApi(routeArgs(jsonRequest('/api/questions', { token: user ? tokens.get(user.id) : undefined, body }))))

async function tokenFor(user: SessionUser) {
  tokens.set(user.id, (await createApiToken({ userId: user.id, name: 'test' })).token)
  return user
}

const question = (overrides: Record<string, unknown> = {}) =>
  questionInputSchema.parse({ title: '冷车启动后怠速抖动 P0300', body: '早上冷车抖，热车正常。', model: modelName, system: 'engine', dtcs: ['P0300'], tags: ['冷启动'], ...overrides })
const answer = (body: string) => answerInputSchema.parse({ body })

/** Fresh people per test keep the posting limits out of the tests that are not about them. */
async function people() {
  return {
    asker: await tokenFor(await createTestUser({ stationId: station.id })),
    otherTech: await createTestUser({ stationId: station.id }),
    expert: await createTestUser({ role: 'ENGINEER' }),
  }
}

async function asked(user: SessionUser, overrides: Record<string, unknown> = {}) {
  const created = await createQuestion({ user, input: question(overrides) })
  if (!created.ok) throw new Error(JSON.stringify(created))
  return created.id
}
async function answered(questionId: string, user: SessionUser, body = '原因：PCV 胶管漏气。\n处理：更换 PCV 胶管。') {
  const created = await createAnswer({ user, questionId, input: answer(body) })
  if (!created.ok) throw new Error(JSON.stringify(created))
  return created.id
}

beforeAll(async () => {
  station = await createStation()
  admin = await createTestUser({ role: 'ADMIN' })
  const [model] = await ensureVehicleModels()
  modelName = model.nameEn
  modelId = model.id
})

describe('POST /api/questions', () => {
  test('201 with the id; the body is plain text or an editor document; markup in text stays text', async () => {
    const user = await tokenFor(await createTestUser())
    const plain = await post(user, { title: '博越 冷车怠速抖 <b>P0300</b>', body: '<script>alert(1)</script>\n第二行', model: modelName, system: 'engine', dtcs: ['p0300'], tags: ['冷启动', 'Idle'] })
    expect(plain.status).toBe(201)
    const { id } = (await plain.json()) as { id: string }
    const stored = await getDb().forumQuestion.findUniqueOrThrow({ where: { id }, select: { title: true, bodyHtml: true, dtcs: true, tags: true, modelId: true, authorId: true } })
    expect(stored).toMatchObject({ dtcs: ['P0300'], tags: ['冷启动', 'idle'], modelId, authorId: user.id })
    expect(stored.bodyHtml).toBe('<p>&lt;script&gt;alert(1)&lt;/script&gt;</p><p>第二行</p>')

    const doc = { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: '点这里', marks: [{ type: 'link', attrs: { href: 'javascript:alert(1)' } }] }] }] }
    const rich = await post(user, { title: 'An editor document body', body: doc })
    expect(rich.status).toBe(201)
    const richId = ((await rich.json()) as { id: string }).id
    const html = (await getDb().forumQuestion.findUniqueOrThrow({ where: { id: richId }, select: { bodyHtml: true } })).bodyHtml
    expect(html).toBe('<p>点这里</p>')
  })

  test('400 names each bad field and stores nothing; 401 without credentials', async () => {
    const { asker } = await people()
    const before = await getDb().forumQuestion.count()
    const bad = await post(asker, { title: 'x', body: '', system: 'wheels', dtcs: ['P01'], tags: ['two words'], extra: 1 })
    expect(bad.status).toBe(400)
    const { errors } = (await bad.json()) as { errors: Record<string, string> }
    expect(Object.keys(errors)).toEqual(expect.arrayContaining(['title', 'body', 'system', 'dtcs.0', 'tags.0']))
    const unknownModel = await post(asker, { title: '一个正常的标题', body: '正文', model: 'Trabant' })
    expect(unknownModel.status).toBe(400)
    expect(await unknownModel.json()).toEqual({ errors: { model: 'unknown model "Trabant"' } })
    const notADoc = await post(asker, { title: '一个正常的标题', body: { type: 'doc', content: [{ type: 'script', text: 'x' }] } })
    expect(notADoc.status).toBe(400)
    expect(Object.keys(((await notADoc.json()) as { errors: Record<string, string> }).errors)).toEqual(['body'])
    // An empty editor document is missing text, reported together with the other fields.
    const empty = await post(asker, { title: '', body: { type: 'doc', content: [{ type: 'paragraph' }] } })
    expect(((await empty.json()) as { errors: Record<string, string> }).errors).toEqual({ title: 'the title needs at least 4 characters', body: 'the question is required' })
    expect((await post(null, { title: '一个正常的标题', body: '正文' })).status).toBe(401)
    expect(await getDb().forumQuestion.count()).toBe(before)
  })

  test('posting too fast gets 429 with a clear message and Retry-After; nothing more is stored', async () => {
    const user = await tokenFor(await createTestUser())
    for (let index = 0; index < POSTING_LIMITS.question.max; index++) {
      expect((await post(user, { title: `第 ${index + 1} 个问题的标题`, body: '正文' })).status).toBe(201)
    }
    const limited = await post(user, { title: '再来一个问题的标题', body: '正文' })
    expect(limited.status).toBe(429)
    expect(Number(limited.headers.get('Retry-After'))).toBeGreaterThan(0)
    const body = (await limited.json()) as { error: string; reason: string; retryAfterSeconds: number }
    expect(body.reason).toBe('rate-limited')
    expect(body.error).toMatch(/^too many posts: try again in \d+ minutes?$/)
    expect(await getDb().forumQuestion.count({ where: { authorId: user.id } })).toBe(POSTING_LIMITS.question.max)
    // Another user is not held back by it.
    const { asker } = await people()
    expect((await post(asker, { title: '别人的问题照常发布', body: '正文' })).status).toBe(201)
  })

  test('answers and comments have their own limits', async () => {
    const user = await createTestUser()
    const questionId = await asked(await createTestUser())
    for (let index = 0; index < POSTING_LIMITS.comment.max; index++) {
      expect((await addComment({ user, questionId, input: { body: `评论 ${index}` } })).ok).toBe(true)
    }
    expect(await addComment({ user, questionId, input: { body: '一条太多' } })).toMatchObject({ ok: false, reason: 'rate-limited' })
    for (let index = 0; index < POSTING_LIMITS.answer.max; index++) await answered(questionId, user, `回答 ${index}`)
    expect(await createAnswer({ user, questionId, input: answer('一个太多') })).toMatchObject({ ok: false, reason: 'rate-limited' })
  })
})

describe('who may do what', () => {
  test('a technician cannot edit others’ questions or answers; the author and an admin can', async () => {
    const { asker, otherTech, expert } = await people()
    const questionId = await asked(asker)
    const answerId = await answered(questionId, expert)
    expect(await updateQuestion({ user: otherTech, questionId, input: question({ title: '被别人改掉的标题' }), version: 1 })).toEqual({ ok: false, reason: 'forbidden' })
    expect(await updateAnswer({ user: otherTech, answerId, input: answer('改掉'), version: 1 })).toEqual({ ok: false, reason: 'forbidden' })
    // An engineer moderates, but does not rewrite other people's words either.
    expect(await updateQuestion({ user: expert, questionId, input: question({ title: '专家改的标题' }), version: 1 })).toEqual({ ok: false, reason: 'forbidden' })
    expect((await updateQuestion({ user: asker, questionId, input: question({ title: '提问人自己改的标题' }), version: 1 })).ok).toBe(true)
    expect((await updateAnswer({ user: admin, answerId, input: answer('管理员修正了错别字'), version: 1 })).ok).toBe(true)

    // Through the pages: the edit page refuses with 403.
    const cookie = await sessionCookieFor(otherTech.id)
    const page = await callRoute(() => editPageLoader(routeArgs(new Request(`http://test/forum/${questionId}/edit`, { headers: { Cookie: cookie } }), { questionId })))
    expect(page.status).toBe(403)
  })

  test('only the asker, an engineer or an admin accepts an answer', async () => {
    const { asker, otherTech, expert } = await people()
    const questionId = await asked(asker)
    const first = await answered(questionId, otherTech, '试试换火花塞')
    const second = await answered(questionId, expert)
    expect(await acceptAnswer({ user: otherTech, questionId, answerId: first })).toEqual({ ok: false, reason: 'forbidden' })
    expect((await acceptAnswer({ user: asker, questionId, answerId: first })).ok).toBe(true)
    expect((await acceptAnswer({ user: expert, questionId, answerId: second })).ok).toBe(true)
    expect((await acceptAnswer({ user: admin, questionId, answerId: first })).ok).toBe(true)
    // An answer of another question cannot be accepted here.
    const elsewhere = await answered(await asked(asker), expert)
    expect(await acceptAnswer({ user: asker, questionId, answerId: elsewhere })).toEqual({ ok: false, reason: 'not-found' })
  })

  test('engineers and admins close a duplicate of a question or a case; the page links to it and answers stop', async () => {
    const { asker, expert } = await people()
    const original = await asked(asker)
    const duplicate = await asked(asker)
    expect(await closeAsDuplicate({ user: asker, questionId: duplicate, input: { kind: 'question', id: original } })).toEqual({ ok: false, reason: 'forbidden' })
    expect(await closeAsDuplicate({ user: expert, questionId: duplicate, input: { kind: 'question', id: duplicate } })).toMatchObject({ ok: false, reason: 'invalid' })
    expect(await closeAsDuplicate({ user: expert, questionId: duplicate, input: { kind: 'question', id: 'nope' } })).toMatchObject({ ok: false, reason: 'invalid', errors: { target: 'no such question' } })
    expect((await closeAsDuplicate({ user: expert, questionId: duplicate, input: { kind: 'question', id: original } })).ok).toBe(true)
    const thread = await getQuestionThread({ user: asker, questionId: duplicate })
    expect(thread?.question.duplicateOfQuestion).toEqual({ id: original, title: expect.any(String) })
    expect(thread?.can.answer).toBe(false)
    expect(await createAnswer({ user: expert, questionId: duplicate, input: answer('晚了') })).toEqual({ ok: false, reason: 'closed' })

    // A case: through the page's form, with a link pasted in.
    const solved = await asked(asker)
    await acceptAnswer({ user: asker, questionId: solved, answerId: await answered(solved, expert) })
    const drafted = await draftCaseFromAcceptedAnswer({ user: expert, questionId: solved, input: { modelId, system: 'engine', year: 2021 } })
    if (!drafted.ok) throw new Error(JSON.stringify(drafted))
    const another = await asked(asker)
    const cookie = await sessionCookieFor(admin.id)
    const form = new URLSearchParams({ intent: 'close', kind: 'question', target: `https://gtac.example/cases/${drafted.caseId}` })
    const response = await callRoute(() =>
      questionPageAction(routeArgs(new Request(`http://test/forum/${another}`, { method: 'POST', body: form, headers: { Cookie: cookie, 'Content-Type': 'application/x-www-form-urlencoded' } }), { questionId: another })),
    )
    expect(response).toEqual({ ok: true })
    const closed = await getQuestionThread({ user: admin, questionId: another })
    expect(closed?.question.duplicateOfCase).toMatchObject({ id: drafted.caseId })
  })
})

describe('votes', () => {
  test('one per user and post, changeable and withdrawable; the score follows; never on one’s own post', async () => {
    const { asker, expert } = await people()
    const questionId = await asked(asker)
    const answerId = await answered(questionId, expert)
    const voters = await Promise.all([createTestUser(), createTestUser(), createTestUser()])
    expect(await castVote({ user: voters[0], input: { target: 'question', id: questionId, value: 1 } })).toEqual({ ok: true, score: 1, value: 1 })
    expect(await castVote({ user: voters[0], input: { target: 'question', id: questionId, value: 1 } })).toEqual({ ok: true, score: 1, value: 1 })
    expect(await castVote({ user: voters[1], input: { target: 'question', id: questionId, value: 1 } })).toEqual({ ok: true, score: 2, value: 1 })
    expect(await castVote({ user: voters[0], input: { target: 'question', id: questionId, value: -1 } })).toEqual({ ok: true, score: 0, value: -1 })
    expect(await castVote({ user: voters[0], input: { target: 'question', id: questionId, value: 0 } })).toEqual({ ok: true, score: 1, value: 0 })
    expect(await castVote({ user: asker, input: { target: 'question', id: questionId, value: 1 } })).toEqual({ ok: false, reason: 'own-post' })
    expect(await castVote({ user: expert, input: { target: 'answer', id: answerId, value: 1 } })).toEqual({ ok: false, reason: 'own-post' })

    // Many votes at once from one user still leave one row and a right score.
    await Promise.all(([1, -1, 1, 1, -1, 1] as const).map((value) => castVote({ user: voters[2], input: { target: 'answer', id: answerId, value } })))
    const rows = await getDb().forumVote.findMany({ where: { answerId }, select: { value: true } })
    expect(rows).toHaveLength(1)
    expect((await getDb().forumAnswer.findUniqueOrThrow({ where: { id: answerId }, select: { score: true } })).score).toBe(rows[0].value)

    // The database itself refuses a second vote by the same user.
    await expect(getDb().forumVote.create({ data: { userId: voters[1].id, questionId, value: 1 } })).rejects.toThrow()
    expect(await getDb().forumQuestion.findUniqueOrThrow({ where: { id: questionId }, select: { score: true } })).toEqual({ score: 1 })

    // Through the page: a vote on one's own post is a 403 with its reason.
    const cookie = await sessionCookieFor(asker.id)
    const form = new URLSearchParams({ intent: 'vote', target: 'question', id: questionId, value: '1' })
    const response = await callRoute(() =>
      questionPageAction(routeArgs(new Request(`http://test/forum/${questionId}`, { method: 'POST', body: form, headers: { Cookie: cookie, 'Content-Type': 'application/x-www-form-urlencoded' } }), { questionId })),
    )
    expect(response.status).toBe(403)
    expect(await response.json()).toMatchObject({ reason: 'own-post' })
  })
})

describe('the list', () => {
  test('accepting solves the question: filters, sorts, title search and pages follow', async () => {
    const { otherTech, expert } = await people()
    const tag = `t${Date.now().toString(36)}`
    const open = await asked(await createTestUser(), { title: '缤越 偶发 U0140 通讯故障', tags: [tag], dtcs: ['U0140'] })
    const answeredOnly = await asked(await createTestUser(), { title: '帝豪 空调异味反复', tags: [tag], dtcs: [] })
    const solved = await asked(await createTestUser(), { title: '星越L 换挡顿挫怎么学习', tags: [tag], dtcs: [] })
    await answered(answeredOnly, otherTech)
    const accepted = await answered(solved, expert)
    const before = await listQuestions(questionListSchema.parse({ tag, view: 'solved' }))
    expect(before.questions).toHaveLength(0)
    await acceptAnswer({ user: expert, questionId: solved, answerId: accepted })

    const ids = async (query: Record<string, string>) => (await listQuestions(questionListSchema.parse({ tag, ...query }))).questions.map((row) => row.id)
    expect(await ids({ view: 'solved' })).toEqual([solved])
    expect(await ids({ view: 'unanswered' })).toEqual([open])
    expect(await ids({})).toEqual([solved, answeredOnly, open])
    const row = (await listQuestions(questionListSchema.parse({ tag, view: 'solved' }))).questions[0]
    expect(row).toMatchObject({ solved: true, answerCount: 1, expertAnswered: true })

    await castVote({ user: otherTech, input: { target: 'question', id: open, value: 1 } })
    expect((await ids({ sort: 'votes' }))[0]).toBe(open)
    await addComment({ user: otherTech, questionId: answeredOnly, input: { body: '我也遇到过' } })
    expect((await ids({ sort: 'activity' }))[0]).toBe(answeredOnly)

    expect(await ids({ q: 'u0140' })).toEqual([open])
    expect(await ids({ q: '空调异味' })).toEqual([answeredOnly])
    expect(await ids({ q: '%' })).toEqual([])
    expect(await ids({ q: '_' })).toEqual([])
    // A bad page or sort falls back instead of failing the page.
    expect(questionListSchema.parse({ page: 'x', sort: 'random', view: 'weird' })).toMatchObject({ page: 1, sort: 'newest', view: 'all' })
    const paged = await listQuestions(questionListSchema.parse({ page: '2' }))
    expect(paged.pages).toBeGreaterThanOrEqual(1)
  })

  test('the thread shows the accepted answer first and marks expert answers', async () => {
    const { asker, otherTech, expert } = await people()
    const questionId = await asked(asker)
    const popular = await answered(questionId, otherTech, '先看燃油修正')
    const byExpert = await answered(questionId, expert)
    await castVote({ user: asker, input: { target: 'answer', id: popular, value: 1 } })
    let thread = await getQuestionThread({ user: asker, questionId })
    expect(thread?.answers.map((row) => row.id)).toEqual([popular, byExpert])
    await acceptAnswer({ user: asker, questionId, answerId: byExpert })
    thread = await getQuestionThread({ user: asker, questionId })
    expect(thread?.answers.map((row) => [row.id, row.accepted, row.expert])).toEqual([
      [byExpert, true, true],
      [popular, false, false],
    ])
    expect(thread?.answers[1].myVote).toBe(1)
  })
})

describe('edits keep their history', () => {
  test('every version is kept with who wrote it; an edit from an old version is refused', async () => {
    const { asker, expert } = await people()
    const questionId = await asked(asker, { title: '第一版标题：冷车抖动' })
    expect((await updateQuestion({ user: asker, questionId, input: question({ title: '第二版标题：冷车抖动 P0300', body: '补充：长期修正 +12%' }), version: 1 })).ok).toBe(true)
    expect(await updateQuestion({ user: asker, questionId, input: question({ title: '从旧版本改的' }), version: 1 })).toEqual({ ok: false, reason: 'conflict' })
    expect((await updateQuestion({ user: admin, questionId, input: question({ title: '第三版标题：冷车抖动 P0300' }), version: 2 })).ok).toBe(true)
    const history = await questionHistory({ questionId })
    expect(history?.revisions.map((revision) => [revision.version, revision.title, revision.editor.name])).toEqual([
      [3, '第三版标题：冷车抖动 P0300', admin.name],
      [2, '第二版标题：冷车抖动 P0300', asker.name],
      [1, '第一版标题：冷车抖动', asker.name],
    ])
    expect(history?.revisions[1].bodyHtml).toBe('<p>补充：长期修正 +12%</p>')
    const current = await getDb().forumQuestion.findUniqueOrThrow({ where: { id: questionId }, select: { title: true, version: true, editedAt: true } })
    expect(current).toMatchObject({ title: '第三版标题：冷车抖动 P0300', version: 3, editedAt: expect.any(Date) })

    const answerId = await answered(questionId, expert, '第一版回答')
    await updateAnswer({ user: expert, answerId, input: answer('第二版回答'), version: 1 })
    const revisions = await getDb().forumRevision.findMany({ where: { answerId }, orderBy: { version: 'asc' }, select: { version: true, bodyHtml: true } })
    expect(revisions).toEqual([
      { version: 1, bodyHtml: '<p>第一版回答</p>' },
      { version: 2, bodyHtml: '<p>第二版回答</p>' },
    ])
  })
})

describe('an accepted answer becomes a draft repair case', () => {
  test('title, vehicle, DTCs and symptoms from the question, cause and fix from the answer; linked; made once', async () => {
    const { asker, otherTech, expert } = await people()
    const questionId = await asked(asker, { title: '博越 冷车怠速抖动 P0300 求助', body: '2021 款，冷车 2 分钟内抖，热车好。' })
    const answerId = await answered(questionId, expert, '冷车燃油修正偏正，先查漏气。\n原因：PCV 胶管低温变硬漏气。\n处理：更换 PCV 胶管总成，冷车复测。')
    await addComment({ user: asker, questionId, input: { body: '长期修正 +12%', answerId } })

    expect(await draftCaseFromAcceptedAnswer({ user: asker, questionId, input: { modelId, system: 'engine', year: 2021 } })).toEqual({ ok: false, reason: 'invalid-state' })
    await acceptAnswer({ user: asker, questionId, answerId })
    // The form starts with the model year the question names.
    expect((await getQuestionThread({ user: asker, questionId }))?.question.yearMentioned).toBe(2021)
    expect(yearMentioned('MY2019 Boyue')).toBe(2019)
    expect(yearMentioned('换了 2 个火花塞')).toBeNull()
    expect(await draftCaseFromAcceptedAnswer({ user: otherTech, questionId, input: { modelId, system: 'engine', year: 2021 } })).toEqual({ ok: false, reason: 'forbidden' })
    expect(await draftCaseFromAcceptedAnswer({ user: asker, questionId, input: { modelId: 'nope', system: 'engine', year: 2021 } })).toMatchObject({ ok: false, reason: 'invalid' })

    const drafted = await draftCaseFromAcceptedAnswer({ user: asker, questionId, input: { modelId, system: 'engine', year: 2021 } })
    if (!drafted.ok) throw new Error(JSON.stringify(drafted))
    // The asker sees the draft (their own station's) on the case page.
    const record = await getCase({ user: asker, caseId: drafted.caseId })
    expect(record).toMatchObject({ title: '博越 冷车怠速抖动 P0300 求助', status: 'DRAFT', year: 2021, dtcs: ['P0300'], language: 'zh', authorId: asker.id, stationId: station.id })
    expect(record?.model.id).toBe(modelId)
    expect(record?.system.code).toBe('engine')
    const texts = await getDb().repairCase.findUniqueOrThrow({ where: { id: drafted.caseId }, select: { symptomsText: true, diagnosisText: true, rootCauseText: true, fixText: true } })
    expect(texts).toMatchObject({ symptomsText: '2021 款，冷车 2 分钟内抖，热车好。', rootCauseText: '原因：PCV 胶管低温变硬漏气。', fixText: '处理：更换 PCV 胶管总成，冷车复测。' })
    expect(texts.diagnosisText).toContain('冷车燃油修正偏正，先查漏气。')
    expect(texts.diagnosisText).toContain('长期修正 +12%')
    expect((await getQuestionThread({ user: asker, questionId }))?.question.draftCase).toMatchObject({ id: drafted.caseId })

    // A second click, or an engineer afterwards, gets the same draft.
    expect(await draftCaseFromAcceptedAnswer({ user: expert, questionId, input: { modelId, system: 'engine', year: 2021 } })).toEqual({ ok: true, caseId: drafted.caseId })
    expect(await getDb().forumQuestion.count({ where: { caseId: drafted.caseId } })).toBe(1)
  })

  test('an answer without labels goes into both cause and fix; the lead before labels into the diagnosis', () => {
    const paragraph = (text: string) => ({ type: 'paragraph', content: [{ type: 'text', text }] })
    const plain = { type: 'doc', content: [paragraph('更换节温器')] }
    expect(splitAnswer(plain)).toEqual({ lead: [], rootCause: plain, fix: plain })
    const labelled = { type: 'doc', content: [paragraph('先看水温曲线'), paragraph('Cause: stuck thermostat'), paragraph('Fix: replace it'), paragraph('then re-test')] }
    expect(splitAnswer(labelled)).toEqual({
      lead: [paragraph('先看水温曲线')],
      rootCause: { type: 'doc', content: [paragraph('Cause: stuck thermostat')] },
      fix: { type: 'doc', content: [paragraph('Fix: replace it'), paragraph('then re-test')] },
    })
  })
})

describe('notifications', () => {
  test('an answer to my question, my answer accepted, a comment on my post; never for one’s own doing', async () => {
    const { asker, otherTech, expert } = await people()
    const questionId = await asked(asker)
    const forAsker = () => getDb().notification.findMany({ where: { userId: asker.id, link: { startsWith: `/forum/${questionId}` } }, select: { kind: true, title: true, link: true }, orderBy: { createdAt: 'asc' } })
    const forExpert = () => getDb().notification.findMany({ where: { userId: expert.id, link: { startsWith: `/forum/${questionId}` } }, select: { kind: true, title: true, link: true }, orderBy: { createdAt: 'asc' } })

    const answerId = await answered(questionId, expert)
    expect(await forAsker()).toEqual([{ kind: 'forum', title: '新回答 / New answer: 冷车启动后怠速抖动 P0300', link: `/forum/${questionId}#answer-${answerId}` }])
    await answered(questionId, asker, '自己补充一句')
    expect(await forAsker()).toHaveLength(1)

    await acceptAnswer({ user: asker, questionId, answerId })
    expect(await forExpert()).toEqual([{ kind: 'forum', title: '回答被采纳 / Answer accepted: 冷车启动后怠速抖动 P0300', link: `/forum/${questionId}#answer-${answerId}` }])

    await addComment({ user: otherTech, questionId, input: { body: '同问' } })
    await addComment({ user: asker, questionId, input: { body: '谢谢', answerId } })
    await addComment({ user: asker, questionId, input: { body: '自己的帖子自己评论' } })
    expect((await forAsker()).map((row) => row.title)).toEqual(['新回答 / New answer: 冷车启动后怠速抖动 P0300', '新评论 / New comment: 冷车启动后怠速抖动 P0300'])
    expect((await forExpert()).map((row) => row.title)).toContain('新评论 / New comment: 冷车启动后怠速抖动 P0300')
    expect(await getDb().notification.count({ where: { userId: otherTech.id, link: { startsWith: `/forum/${questionId}` } } })).toBe(0)
  })
})
