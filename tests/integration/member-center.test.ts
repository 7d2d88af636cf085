import type { AddressInfo } from 'node:net'
import { SMTPServer } from 'smtp-server'
import { beforeAll, describe, expect, test } from 'vitest'
import { changePassword } from '../../app/modules/members/password.server'
import { contributionsOf, leaderboards } from '../../app/modules/members/points.server'
import { saveNotificationSettings } from '../../app/modules/members/settings.server'
import { writeDailyDigests } from '../../app/modules/notifications/digest.server'
import { sendPendingMail } from '../../app/modules/notifications/mailer.server'
import { countUnreadNotifications, markNotificationsRead, notifyUsers } from '../../app/modules/notifications/notification.server'
import { createCase, transitionCase } from '../../app/modules/cases/case.server'
import { acceptAnswer, createAnswer } from '../../app/modules/forum/answers.server'
import { createQuestion } from '../../app/modules/forum/questions.server'
import { answerInputSchema, questionInputSchema } from '../../app/modules/forum/schema'
import { getDb } from '../../app/utils/db.server'
import { resetEnvCache } from '../../app/utils/env.server'
import { verifyPassword } from '../../app/utils/password.server'
import { createSession } from '../../app/utils/user.server'
import type { SessionUser } from '../../app/utils/session-user'
import { caseContent, createStation, createTestUser } from '../factories'

// The member center on a real PostgreSQL, and the digest sent to a real SMTP server.
let tech: SessionUser

beforeAll(async () => {
  tech = await createTestUser({ stationId: (await createStation()).id })
})

describe('password', () => {
  test('a wrong current password changes nothing; the right one changes it and ends the other sessions', async () => {
    const user = await createTestUser()
    const here = await createSession(user.id)
    const elsewhere = await createSession(user.id)
    expect(await changePassword({ userId: user.id, sessionId: here, current: 'wrong-password', next: 'new-password-1' })).toEqual({ ok: false, errors: { current: 'the current password is not right' } })
    expect(await getDb().session.count({ where: { userId: user.id } })).toBe(2)
    expect(await changePassword({ userId: user.id, sessionId: here, current: 'test-password', next: 'new-password-1' })).toEqual({ ok: true })
    const { passwordHash } = await getDb().user.findUniqueOrThrow({ where: { id: user.id }, select: { passwordHash: true } })
    expect(await verifyPassword(passwordHash, 'new-password-1')).toBe(true)
    expect((await getDb().session.findMany({ where: { userId: user.id }, select: { id: true } })).map((session) => session.id)).toEqual([here])
    void elsewhere
  })

  test('guessing the current password is stopped after five tries', async () => {
    const user = await createTestUser()
    for (let attempt = 0; attempt < 5; attempt++) await changePassword({ userId: user.id, sessionId: null, current: `guess-${attempt}`, next: 'new-password-1' })
    const blocked = await changePassword({ userId: user.id, sessionId: null, current: 'test-password', next: 'new-password-1' })
    expect(blocked.ok).toBe(false)
  })
})

describe('notifications', () => {
  test('a muted kind is not notified; the others are', async () => {
    const user = await createTestUser()
    await saveNotificationSettings(user.id, { shown: ['assistance', 'case', 'forum'], emailDigest: false })
    expect(await notifyUsers([user.id], { kind: 'bulletin', title: 'Muted', link: '/bulletins/x' })).toBe(0)
    expect(await notifyUsers([user.id], { kind: 'assistance', title: 'Shown', link: '/assistance/x' })).toBe(1)
    expect((await getDb().notification.findMany({ where: { userId: user.id }, select: { title: true } })).map((row) => row.title)).toEqual(['Shown'])
    expect(await countUnreadNotifications(user.id)).toBe(1)
    await markNotificationsRead({ userId: user.id })
    expect(await countUnreadNotifications(user.id)).toBe(0)
  })

  test('the daily digest is written once a day for those who asked, and sent through SMTP', async () => {
    const received: Array<{ to: string; data: string }> = []
    const smtp = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      onData(stream, session, callback) {
        let data = ''
        stream.on('data', (chunk: Buffer) => (data += chunk.toString()))
        stream.on('end', () => {
          received.push({ to: session.envelope.rcptTo.map((rcpt) => rcpt.address).join(','), data })
          callback()
        })
      },
    })
    await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve))
    const port = (smtp.server.address() as AddressInfo).port
    try {
      const reader = await createTestUser()
      const quiet = await createTestUser()
      await saveNotificationSettings(reader.id, { shown: ['bulletin', 'assistance', 'case', 'forum'], emailDigest: true })
      await notifyUsers([reader.id, quiet.id], { kind: 'bulletin', title: 'No.7 冬季蓄电池检查', link: '/bulletins/abc' })
      const now = new Date()
      expect(await writeDailyDigests(now)).toBeGreaterThanOrEqual(1)
      expect(await writeDailyDigests(new Date(now.getTime() + 60_000))).toBe(0)
      const mails = await getDb().emailOutbox.findMany({ where: { to: { in: [(await getDb().user.findUniqueOrThrow({ where: { id: reader.id } })).email, (await getDb().user.findUniqueOrThrow({ where: { id: quiet.id } })).email] } } })
      expect(mails).toHaveLength(1)
      expect(mails[0].text).toContain('/bulletins/abc')

      // Without SMTP it waits; with it, it goes out.
      resetEnvCache()
      delete process.env.SMTP_URL
      expect(await sendPendingMail()).toEqual({ sent: 0, failed: 0 })
      process.env.SMTP_URL = `smtp://127.0.0.1:${port}`
      resetEnvCache()
      const outcome = await sendPendingMail()
      expect(outcome.sent).toBeGreaterThanOrEqual(1)
      expect(received.find((mail) => mail.to === mails[0].to)?.data).toContain('Subject:')
      expect(await getDb().emailOutbox.findUniqueOrThrow({ where: { id: mails[0].id } })).toMatchObject({ attempts: 1, lastError: null, sentAt: expect.any(Date) })
    } finally {
      delete process.env.SMTP_URL
      resetEnvCache()
      await new Promise<void>((resolve) => smtp.close(() => resolve()))
    }
  })
})

describe('points', () => {
  test('an approved case counts, a classic one more, and the leaderboards rank by points', async () => {
    const before = (await contributionsOf(tech.id)).points
    const created = await createCase({ author: tech, content: await caseContent(), status: 'SUBMITTED' })
    const engineer = await createTestUser({ role: 'ENGINEER' })
    await transitionCase({ user: engineer, caseId: created.id, action: 'approve' })
    expect((await contributionsOf(tech.id)).points).toBe(before + 10)
    const { national, station } = await leaderboards({ stationId: tech.stationId, size: 1000 })
    expect(national.find((row) => row.userId === tech.id)?.points).toBe(before + 10)
    expect(station.map((row) => row.userId)).toContain(tech.id)
  })

  test('an accepted forum answer earns its author points', async () => {
    const asker = await createTestUser()
    const expert = await createTestUser({ role: 'ENGINEER' })
    const before = (await contributionsOf(expert.id)).points
    const question = await createQuestion({ user: asker, input: questionInputSchema.parse({ title: '冷车抖动 P0300 怎么查', body: '早上冷车抖。' }) })
    if (!question.ok) throw new Error(JSON.stringify(question))
    const answer = await createAnswer({ user: expert, questionId: question.id, input: answerInputSchema.parse({ body: '先查 1 缸点火线圈。' }) })
    if (!answer.ok) throw new Error(JSON.stringify(answer))
    expect((await contributionsOf(expert.id)).points).toBe(before)
    expect((await acceptAnswer({ user: asker, questionId: question.id, answerId: answer.id })).ok).toBe(true)
    expect(await contributionsOf(expert.id)).toMatchObject({ acceptedAnswers: 1, points: before + 15 })
  })
})
