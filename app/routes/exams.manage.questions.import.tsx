import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useNavigation } from '@remix-run/react'
import { GeneralErrorBoundary } from '~/components/error-boundary'
import { useMessages } from '~/i18n/use-t'
import { ManageNav } from '~/modules/exams/components/manage-nav'
import { requireExamManager } from '~/modules/exams/manager.server'
import { examMessages, type ExamMessageKey } from '~/modules/exams/messages'
import { parseQuestionFile, type ImportError } from '~/modules/exams/question-file'
import { importQuestions, InvalidQuestionImageError } from '~/modules/exams/questions.server'
import { SYSTEM_CODES } from '~/utils/vehicle-schema'

const MAX_BYTES = 2 * 1024 * 1024

export async function loader({ request }: LoaderFunctionArgs) {
  await requireExamManager(request)
  return null
}

export const meta: MetaFunction = () => [{ title: 'GTAC · 导入题目 / Import questions' }]

type ImportResult = { imported?: number; errors?: ImportError[]; format?: 'csv' | 'json'; fileError?: 'import.tooLarge' | 'import.noFile' }

/** Checks the whole file; imports every question or, on any error, none and lists the rows at fault. */
export async function action({ request }: ActionFunctionArgs) {
  const user = await requireExamManager(request)
  if (Number(request.headers.get('Content-Length') ?? 0) > MAX_BYTES + 64 * 1024) {
    return Response.json({ fileError: 'import.tooLarge' } satisfies ImportResult, { status: 413 })
  }
  const file = (await request.formData()).get('file')
  if (!file || typeof file === 'string' || file.size === 0) return Response.json({ fileError: 'import.noFile' } satisfies ImportResult, { status: 400 })
  if (file.size > MAX_BYTES) return Response.json({ fileError: 'import.tooLarge' } satisfies ImportResult, { status: 413 })
  const text = await file.text()
  const parsed = parseQuestionFile({ fileName: file.name, text })
  const format = /\.json$/i.test(file.name) || /^\ufeff?\s*[[{]/.test(text) ? 'json' : 'csv'
  if (!parsed.ok) return Response.json({ errors: parsed.errors, format } satisfies ImportResult, { status: 400 })
  try {
    return { imported: await importQuestions({ user, questions: parsed.questions }) } satisfies ImportResult
  } catch (error) {
    if (!(error instanceof InvalidQuestionImageError)) throw error
    // Only a JSON file carries pictures: its items are numbered from 1.
    const errors = error.problems.map(({ question, field }) => ({ row: question + 1, field, message: 'invalid.image' }))
    return Response.json({ errors, format } satisfies ImportResult, { status: 400 })
  }
}

export default function ImportQuestionsPage() {
  const result = useActionData<ImportResult>()
  const busy = useNavigation().state !== 'idle'
  const t = useMessages(examMessages)
  const message = (key: string) => t(key as ExamMessageKey)
  return (
    <section>
      <p><Link to="/exams/manage/questions">← {t('question.back')}</Link></p>
      <h1>{t('import.title')}</h1>
      <ManageNav />
      <p>{t('import.intro')}</p>
      <Form method="post" encType="multipart/form-data" className="card">
        <div className="field">
          <label htmlFor="import-file">{t('import.file')}</label>
          <input id="import-file" name="file" type="file" accept=".csv,.json,text/csv,application/json" required aria-describedby={result?.fileError ? 'import-file-error' : undefined} />
          {result?.fileError ? <p className="field-error" id="import-file-error">{t(result.fileError)}</p> : null}
        </div>
        <button type="submit" className="button" disabled={busy}>{t('import.submit')}</button>
      </Form>

      {result?.imported ? <p className="notice notice--ok" role="status">{t('import.done', { count: result.imported })}</p> : null}
      {result?.errors ? (
        <section className="card" aria-labelledby="import-errors-title">
          <h2 id="import-errors-title" className="notice notice--error" role="alert">{t('import.failed', { count: result.errors.length })}</h2>
          <div className="table-wrap">
            <table className="table import-errors" data-testid="import-errors">
              <thead>
                <tr>
                  <th scope="col">{result.format === 'json' ? t('import.item') : t('import.row')}</th>
                  <th scope="col">{t('import.column')}</th>
                  <th scope="col">{t('import.problem')}</th>
                </tr>
              </thead>
              <tbody>
                {result.errors.map((error) => (
                  <tr key={`${error.row}-${error.field}`}>
                    <td>{error.row === 0 ? t('import.fileLevel') : error.row}</td>
                    <td><code>{error.field}</code></td>
                    <td>{message(error.message)}{error.value ? `: “${error.value}”` : ''}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      ) : null}

      <section className="card" aria-labelledby="format-title">
        <h2 id="format-title">{t('import.formatTitle')}</h2>
        <p>{t('import.csvFormat')}</p>
        <p>{t('import.csvAnswer')}</p>
        <p>{t('import.codes', { systems: SYSTEM_CODES.join(', ') })}</p>
        <p>{t('import.jsonFormat')}</p>
      </section>
    </section>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
