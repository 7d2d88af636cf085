import { beforeAll, describe, expect, test } from 'vitest'
import { acceptAnswer, createAnswer } from '../../app/modules/forum/answers.server'
import { listPostsOfPerson } from '../../app/modules/forum/contributions.server'
import { createQuestion } from '../../app/modules/forum/questions.server'
import { answerInputSchema, questionInputSchema } from '../../app/modules/forum/schema'
import { action as profileAction, loader as profileLoader } from '../../app/routes/me_.profile'
import { loader as fileLoader } from '../../app/routes/files.$fileId'
import { getDb } from '../../app/utils/db.server'
import type { SessionUser } from '../../app/utils/session-user'
import { createStation, createTestUser, sessionCookieFor } from '../factories'
import { callRoute, routeArgs } from '../route-calls'

// The member profile through the real route: multipart form, real attachment store, real PostgreSQL.
const PNG = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex')
const PDF = Buffer.from('%PDF-1.4\n%âãÏÓ\n1 0 obj\n<<>>\nendobj\n', 'latin1')

let tech: SessionUser
let other: SessionUser
const cookies = new Map<string, string>()

function profileForm(fields: Record<string, string | string[]>, avatar?: { bytes: Buffer; name: string; type: string }) {
  const form = new FormData()
  for (const [name, value] of Object.entries(fields)) for (const item of [value].flat()) form.append(name, item)
  if (avatar) form.append('avatar', new Blob([new Uint8Array(avatar.bytes)], { type: avatar.type }), avatar.name)
  else form.append('avatar', new Blob([], { type: 'application/octet-stream' }), '')
  return form
}

const post = (user: SessionUser, form: FormData) =>
  callRoute(() => profileAction(routeArgs(new Request('http://test/me/profile', { method: 'POST', headers: { Cookie: cookies.get(user.id)! }, body: form }))))
const profileOf = (user: SessionUser) => getDb().user.findUniqueOrThrow({ where: { id: user.id }, select: { name: true, expertise: true, languages: true, avatarId: true } })
const attachmentCount = () => getDb().attachment.count()
const errorsOf = async (response: Response) => ((await response.json()) as { errors: Record<string, string> }).errors

beforeAll(async () => {
  const station = await createStation()
  tech = await createTestUser({ stationId: station.id })
  other = await createTestUser({ stationId: (await createStation()).id })
  for (const user of [tech, other]) cookies.set(user.id, await sessionCookieFor(user.id))
})

describe('editing the profile', () => {
  test('name, expertise, languages and a picture are saved together; everyone signed in sees the picture', async () => {
    const response = await post(tech, profileForm({ name: '  王师傅  ', expertise: ['engine', 'ev', 'engine'], languages: ['zh', 'yue'] }, { bytes: PNG, name: 'me.png', type: 'image/png' }))
    expect(response.status).toBe(302)
    expect(response.headers.get('Location')).toBe('/me?saved=profile')
    const saved = await profileOf(tech)
    expect(saved).toMatchObject({ name: '王师傅', expertise: ['engine', 'ev'], languages: ['zh', 'yue'] })
    expect(saved.avatarId).toBeTruthy()
    const picture = await callRoute(() => fileLoader(routeArgs(new Request(`http://test/files/${saved.avatarId}`, { headers: { Cookie: cookies.get(other.id)! } }), { fileId: saved.avatarId! })))
    expect(picture.status).toBe(200)
    expect(picture.headers.get('Content-Type')).toBe('image/png')
    expect(Buffer.from(await picture.arrayBuffer()).equals(PNG)).toBe(true)
    const page = (await profileLoader(routeArgs(new Request('http://test/me/profile', { headers: { Cookie: cookies.get(tech.id)! } })))) as { profile: { avatarId: string } }
    expect(page.profile.avatarId).toBe(saved.avatarId)
  })

  test('a new picture replaces the old one, whose bytes are removed; "remove picture" clears it', async () => {
    const first = (await profileOf(tech)).avatarId!
    expect((await post(tech, profileForm({ name: '王师傅' }, { bytes: PNG, name: 'new.png', type: 'image/png' }))).status).toBe(302)
    const second = (await profileOf(tech)).avatarId!
    expect(second).not.toBe(first)
    expect(await getDb().attachment.findUnique({ where: { id: first } })).toBeNull()
    expect((await post(tech, profileForm({ name: '王师傅', removeAvatar: 'on' }))).status).toBe(302)
    expect((await profileOf(tech)).avatarId).toBeNull()
    expect(await getDb().attachment.findUnique({ where: { id: second } })).toBeNull()
  })

  test('bad input gets one message per field and changes nothing, the uploaded picture included', async () => {
    const before = await profileOf(tech)
    const count = await attachmentCount()
    const response = await post(tech, profileForm({ name: ' ', languages: ['klingon'] }, { bytes: PNG, name: 'me.png', type: 'image/png' }))
    expect(response.status).toBe(400)
    expect(Object.keys(await errorsOf(response)).sort()).toEqual(['languages', 'name'])
    expect(await profileOf(tech)).toEqual(before)
    expect(await attachmentCount()).toBe(count)
  })

  test('a picture that is not an image (whatever it claims) or too large is refused and not stored', async () => {
    const count = await attachmentCount()
    const pdf = await post(tech, profileForm({ name: '王师傅' }, { bytes: PDF, name: 'me.png', type: 'image/png' }))
    expect(pdf.status).toBe(415)
    expect(await errorsOf(pdf)).toEqual({ avatar: 'unsupported-type' })
    const huge = await post(tech, profileForm({ name: '王师傅' }, { bytes: Buffer.concat([PNG, Buffer.alloc(3 * 1024 * 1024)]), name: 'big.png', type: 'image/png' }))
    expect(huge.status).toBe(413)
    expect(await attachmentCount()).toBe(count)
  })

  test('an API token cannot change the profile; anonymous visitors are sent to sign in', async () => {
    const withToken = await callRoute(() => profileAction(routeArgs(new Request('http://test/me/profile', { method: 'POST', headers: { Authorization: 'Bearer x' }, body: profileForm({ name: 'x' }) }))))
    expect(withToken.status).toBe(403)
    const anonymous = await callRoute(() => profileAction(routeArgs(new Request('http://test/me/profile', { method: 'POST', body: profileForm({ name: 'x' }) }))))
    expect(anonymous.status).toBe(302)
    expect(anonymous.headers.get('Location')).toMatch(/^\/login/)
  })
})

describe('my questions and answers', () => {
  test('the member center lists what one asked and answered, solved and accepted marked', async () => {
    const asked = await createQuestion({ user: tech, input: questionInputSchema.parse({ title: '冷车启动后 EPC 灯亮怎么查', body: '只在早上出现。' }) })
    if (!asked.ok) throw new Error('not asked')
    const answered = await createAnswer({ user: other, questionId: asked.id, input: answerInputSchema.parse({ body: '先查节气门体插头。' }) })
    if (!answered.ok) throw new Error('not answered')
    expect((await acceptAnswer({ user: tech, questionId: asked.id, answerId: answered.id })).ok).toBe(true)

    const mine = await listPostsOfPerson({ userId: tech.id })
    expect(mine.questions).toEqual([expect.objectContaining({ id: asked.id, title: '冷车启动后 EPC 灯亮怎么查', answerCount: 1, solved: true })])
    expect(mine.answers).toEqual([])
    const theirs = await listPostsOfPerson({ userId: other.id })
    expect(theirs.answers).toEqual([expect.objectContaining({ id: answered.id, accepted: true, question: { id: asked.id, title: '冷车启动后 EPC 灯亮怎么查' } })])
  })
})
