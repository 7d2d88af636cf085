import type { Prisma } from '~/generated/prisma/client'
import { getDb } from '~/utils/db.server'
import type { SessionUser } from '~/utils/session-user'
import { canManageExams } from './access'

/**
 * Which question pictures a user may load: exam managers every one; anyone else those of the
 * questions their own attempts drew (read from the attempts' copies, so an edited or retired
 * question's old picture stays visible to whoever was shown it).
 */
export async function questionImagesVisibleWhere(user: Pick<SessionUser, 'id' | 'role'>): Promise<Prisma.AttachmentWhereInput> {
  if (canManageExams(user)) return { questionId: { not: null } }
  const rows = await getDb().$queryRaw<Array<{ id: string }>>`
    SELECT DISTINCT picture.id
    FROM "ExamAttempt" attempt
    CROSS JOIN LATERAL jsonb_array_elements(attempt.questions) AS question
    CROSS JOIN LATERAL (
      SELECT question->>'stemImageId' AS id
      UNION ALL
      SELECT option->>'imageId' FROM jsonb_array_elements(question->'options') AS option
    ) AS picture
    WHERE attempt."userId" = ${user.id} AND picture.id IS NOT NULL`
  return rows.length === 0 ? { id: { in: [] } } : { id: { in: rows.map((row) => row.id) } }
}
