import type { LoaderFunctionArgs } from '@remix-run/node'
import { requireExamManager } from '~/modules/exams/manager.server'
import { questionsToJson } from '~/modules/exams/question-file'
import { exportQuestions } from '~/modules/exams/questions.server'
import { parseQuestionFilter } from '~/modules/exams/schema'

/** `GET /exams/manage/questions.json?…`: the bank (as filtered) in the import format. */
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireExamManager(request)
  const questions = await exportQuestions({ user, filter: parseQuestionFilter(new URL(request.url)).filter })
  return new Response(questionsToJson(questions), {
    headers: {
      'Content-Type': 'application/json; charset=utf-8',
      'Content-Disposition': `attachment; filename="questions-${new Date().toISOString().slice(0, 10)}.json"`,
      'Cache-Control': 'private, no-store',
    },
  })
}
