import { z } from 'zod'
import { getDb } from '~/utils/db.server'
import { hashPassword, verifyPassword } from '~/utils/password.server'
import { createAttemptLimiter } from '~/utils/rate-limit.server'

export const passwordChangeSchema = z
  .object({
    current: z.string().min(1, 'required').max(200),
    next: z.string().min(8, 'the new password needs at least 8 characters').max(200, 'at most 200 characters'),
    repeat: z.string().max(200),
  })
  .refine((input) => input.next === input.repeat, { path: ['repeat'], message: 'the two new passwords differ' })
  .refine((input) => input.next !== input.current, { path: ['next'], message: 'choose a password different from the current one' })

// Guessing the current password from a stolen session is as slow as guessing at the login.
const wrongPasswords = createAttemptLimiter({ scope: 'password-change', maxFailures: 5, windowMs: 15 * 60 * 1000 })

/**
 * Changes the password after checking the current one; every other session of the user ends
 * (a stolen one included), the one in use stays.
 */
export async function changePassword({ userId, sessionId, current, next }: { userId: string; sessionId: string | null; current: string; next: string }) {
  if ((await wrongPasswords.begin(userId)) > 0) return { ok: false as const, errors: { current: 'too many wrong passwords: try again in 15 minutes' } }
  const db = getDb()
  const user = await db.user.findUniqueOrThrow({ where: { id: userId }, select: { passwordHash: true } })
  if (!(await verifyPassword(user.passwordHash, current))) return { ok: false as const, errors: { current: 'the current password is not right' } }
  await wrongPasswords.succeeded(userId)
  const passwordHash = await hashPassword(next)
  await db.$transaction([
    db.user.update({ where: { id: userId }, data: { passwordHash } }),
    db.session.deleteMany({ where: { userId, ...(sessionId ? { id: { not: sessionId } } : {}) } }),
  ])
  return { ok: true as const }
}
