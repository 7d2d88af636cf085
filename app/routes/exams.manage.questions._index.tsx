import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData, useNavigation, useSearchParams } from '@remix-run/react'
import { z } from 'zod'
import { GeneralErrorBoundary } from '~/components/error-boundary'
import { PagePagination } from '~/components/pagination'
import { useLocalName, useMessages } from '~/i18n/use-t'
import { listVehicleSystems } from '~/modules/catalogue/catalogue.server'
import { ManageNav } from '~/modules/exams/components/manage-nav'
import { CERTIFICATION_LEVELS, QUESTION_KINDS } from '~/modules/exams/levels'
import { requireExamManager } from '~/modules/exams/manager.server'
import { examMessages } from '~/modules/exams/messages'
import { listQuestions, setQuestionRetired } from '~/modules/exams/questions.server'
import { parseQuestionFilter } from '~/modules/exams/schema'
import { invariantResponse } from '~/utils/permissions.server'

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireExamManager(request)
  const { filter, page } = parseQuestionFilter(new URL(request.url))
  const [list, systems] = await Promise.all([listQuestions({ user, filter, page }), listVehicleSystems()])
  return { list, systems, filter }
}

export const meta: MetaFunction = () => [{ title: 'GTAC · 题库 / Question bank' }]

const retireForm = z.object({ intent: z.enum(['retire', 'restore']), questionId: z.string().min(1).max(40) })

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireExamManager(request)
  const parsed = retireForm.safeParse(Object.fromEntries(await request.formData()))
  invariantResponse(parsed.success, 'Bad request', 400)
  invariantResponse(await setQuestionRetired({ user, questionId: parsed.data.questionId, retired: parsed.data.intent === 'retire' }), 'Question not found')
  return { done: parsed.data.intent }
}

export default function QuestionBankPage() {
  const { list, systems, filter } = useLoaderData<typeof loader>()
  const actionData = useActionData<{ done?: 'retire' | 'restore' }>()
  const busy = useNavigation().state !== 'idle'
  const [searchParams] = useSearchParams()
  const t = useMessages(examMessages)
  const localName = useLocalName()
  const systemName = (code: string) => localName(systems.find((system) => system.code === code) ?? { nameZh: code, nameEn: code })
  const exportParams = new URLSearchParams(searchParams)
  exportParams.delete('page')
  const exportQuery = exportParams.toString() ? `?${exportParams}` : ''

  return (
    <section>
      <header className="search-head">
        <h1>{t('bank.title')}</h1>
        <div className="button-row">
          <Link className="button" to="/exams/manage/questions/new">{t('bank.newQuestion')}</Link>
          <Link className="button button--ghost" to="/exams/manage/questions/import">{t('bank.import')}</Link>
          <a className="button button--ghost" href={`/exams/manage/questions.csv${exportQuery}`} download>{t('bank.exportCsv')}</a>
          <a className="button button--ghost" href={`/exams/manage/questions.json${exportQuery}`} download>{t('bank.exportJson')}</a>
        </div>
      </header>
      <ManageNav />

      <Form method="get" className="bank-filters card">
        <div className="field">
          <label htmlFor="filter-q">{t('bank.search')}</label>
          <input id="filter-q" name="q" type="search" defaultValue={filter.q ?? ''} />
        </div>
        <div className="field">
          <label htmlFor="filter-system">{t('question.system')}</label>
          <select id="filter-system" name="system" defaultValue={filter.systemCode ?? ''}>
            <option value="">{t('bank.any')}</option>
            {systems.map((system) => <option key={system.code} value={system.code}>{localName(system)}</option>)}
          </select>
        </div>
        <div className="field">
          <label htmlFor="filter-level">{t('question.level')}</label>
          <select id="filter-level" name="level" defaultValue={filter.level ?? ''}>
            <option value="">{t('bank.any')}</option>
            {CERTIFICATION_LEVELS.map((level) => <option key={level} value={level}>{t(`level.${level}`)}</option>)}
          </select>
        </div>
        <div className="field">
          <label htmlFor="filter-difficulty">{t('question.difficulty')}</label>
          <select id="filter-difficulty" name="difficulty" defaultValue={filter.difficulty ? String(filter.difficulty) : ''}>
            <option value="">{t('bank.any')}</option>
            {[1, 2, 3].map((value) => <option key={value} value={value}>{t(`difficulty.${value as 1 | 2 | 3}`)}</option>)}
          </select>
        </div>
        <div className="field">
          <label htmlFor="filter-kind">{t('question.kind')}</label>
          <select id="filter-kind" name="kind" defaultValue={filter.kind ?? ''}>
            <option value="">{t('bank.any')}</option>
            {QUESTION_KINDS.map((kind) => <option key={kind} value={kind}>{t(`kind.${kind}`)}</option>)}
          </select>
        </div>
        <div className="field">
          <label htmlFor="filter-status">{t('bank.status')}</label>
          <select id="filter-status" name="status" defaultValue={filter.status ?? 'active'}>
            <option value="active">{t('bank.status.active')}</option>
            <option value="retired">{t('bank.status.retired')}</option>
            <option value="all">{t('bank.status.all')}</option>
          </select>
        </div>
        <button type="submit" className="button button--ghost">{t('bank.filter')}</button>
      </Form>

      {actionData?.done ? <p className="notice notice--ok" role="status">{actionData.done === 'retire' ? t('bank.retired') : t('bank.restored')}</p> : null}
      <p className="results__summary">{t('bank.count', { count: list.total })}</p>
      {list.rows.length === 0 ? (
        <p className="empty-state">{t('bank.empty')}</p>
      ) : (
        <ul className="bank-list" data-testid="bank-list">
          {list.rows.map((question) => (
            <li key={question.id} className={question.retiredAt ? 'bank-item bank-item--retired' : 'bank-item'}>
              <div className="bank-item__body">
                <p className="bank-item__stem">
                  <Link to={`/exams/manage/questions/${question.id}`}>{question.stem}</Link>
                </p>
                <p className="hit__meta">
                  <span>{t(`kind.${question.kind}`)}</span>
                  <span>{systemName(question.systemCode)}</span>
                  <span>{t('question.difficulty')}: {t(`difficulty.${question.difficulty as 1 | 2 | 3}`)}</span>
                  <span>{t(`level.${question.level}`)}</span>
                  {question.retiredAt ? <span className="badge badge--retired">{t('bank.retiredBadge')}</span> : null}
                </p>
              </div>
              <Form method="post" className="inline-form">
                <input type="hidden" name="questionId" value={question.id} />
                <button type="submit" name="intent" value={question.retiredAt ? 'restore' : 'retire'} className="button button--ghost" disabled={busy} aria-label={`${t(question.retiredAt ? 'bank.restore' : 'bank.retire')}: ${question.stem.slice(0, 60)}`}>
                  {t(question.retiredAt ? 'bank.restore' : 'bank.retire')}
                </button>
              </Form>
            </li>
          ))}
        </ul>
      )}
      <PagePagination page={list.page} pages={list.pages} />
    </section>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
