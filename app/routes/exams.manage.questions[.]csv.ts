import type { LoaderFunctionArgs } from '@remix-run/node'
import { requireExamManager } from '~/modules/exams/manager.server'
import { questionsToCsv } from '~/modules/exams/question-file'
import { exportQuestions } from '~/modules/exams/questions.server'
import { parseQuestionFilter } from '~/modules/exams/schema'

/** `GET /exams/manage/questions.csv?…`: the bank (as filtered) in the import format; a BOM so Excel reads it as UTF-8. */
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireExamManager(request)
  const questions = await exportQuestions({ user, filter: parseQuestionFilter(new URL(request.url)).filter })
  return new Response(`\ufeff${questionsToCsv(questions)}`, {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="questions-${new Date().toISOString().slice(0, 10)}.csv"`,
      'Cache-Control': 'private, no-store',
    },
  })
}
