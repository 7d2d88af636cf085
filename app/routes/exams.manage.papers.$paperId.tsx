import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData, useNavigation } from '@remix-run/react'
import { z } from 'zod'
import { GeneralErrorBoundary } from '~/components/error-boundary'
import { useLocalName, useMessages } from '~/i18n/use-t'
import { listVehicleSystems } from '~/modules/catalogue/catalogue.server'
import { GrantBadge } from '~/modules/exams/components/level-badge'
import { ManageNav } from '~/modules/exams/components/manage-nav'
import { PaperForm } from '~/modules/exams/components/paper-form'
import { useExamFormat } from '~/modules/exams/components/use-exam-format'
import { CERTIFICATION_LEVELS } from '~/modules/exams/levels'
import { requireExamManager } from '~/modules/exams/manager.server'
import { examMessages } from '~/modules/exams/messages'
import { addPaperQuestion, getPaper, listPaperAttempts, removePaperQuestion, setPaperPublished, updatePaper } from '~/modules/exams/papers.server'
import { listQuestions } from '~/modules/exams/questions.server'
import { paperFromForm, parseQuestionFilter } from '~/modules/exams/schema'
import { invariantResponse } from '~/utils/permissions.server'
import { fieldErrors } from '~/utils/validation'

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireExamManager(request)
  const url = new URL(request.url)
  const paper = await getPaper({ user, paperId: params.paperId! })
  invariantResponse(paper, 'Paper not found')
  const searched = url.searchParams.has('q')
  const { filter } = parseQuestionFilter(url)
  const [systems, attempts, candidates] = await Promise.all([
    listVehicleSystems(),
    listPaperAttempts({ user, paperId: paper.id }),
    searched ? listQuestions({ user, filter: { ...filter, status: 'active' }, pageSize: 20 }) : null,
  ])
  return { paper, systems, attempts, candidates: candidates?.rows ?? null, search: { q: filter.q ?? '', system: filter.systemCode ?? '', level: filter.level ?? '' } }
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `${data.paper.title} · GTAC` : 'GTAC' }]

const questionIntent = z.object({ intent: z.enum(['add-question', 'remove-question']), questionId: z.string().min(1).max(40) })

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireExamManager(request)
  const paperId = params.paperId!
  const form = await request.formData()
  const intent = form.get('intent')
  if (intent === 'save') {
    const parsed = paperFromForm(form)
    if (!parsed.success) return Response.json({ errors: fieldErrors(parsed.error) }, { status: 400 })
    invariantResponse(await updatePaper({ user, paperId, input: parsed.data }), 'Paper not found')
    return { saved: true }
  }
  if (intent === 'publish' || intent === 'unpublish') {
    const outcome = await setPaperPublished({ user, paperId, published: intent === 'publish' })
    invariantResponse(outcome.ok || outcome.reason !== 'not-found', 'Paper not found')
    return outcome.ok ? { published: intent === 'publish' } : Response.json({ publishRefused: outcome.reason }, { status: 409 })
  }
  const parsed = questionIntent.safeParse(Object.fromEntries(form))
  invariantResponse(parsed.success, 'Bad request', 400)
  if (parsed.data.intent === 'add-question') await addPaperQuestion({ user, paperId, questionId: parsed.data.questionId })
  else await removePaperQuestion({ user, paperId, questionId: parsed.data.questionId })
  return { ok: true }
}

type ActionData = { errors?: Record<string, string>; saved?: boolean; published?: boolean; publishRefused?: 'empty' | 'shortfall' }

export default function EditPaperPage() {
  const { paper, systems, attempts, candidates, search } = useLoaderData<typeof loader>()
  const actionData = useActionData<ActionData>()
  const busy = useNavigation().state !== 'idle'
  const t = useMessages(examMessages)
  const localName = useLocalName()
  const format = useExamFormat()
  const fixedIds = new Set(paper.fixedQuestions.map((question) => question.id))

  return (
    <section>
      <p><Link to="/exams/manage">← {t('manage.title')}</Link></p>
      <header className="case-header">
        <h1>{t('paper.editTitle')}: {paper.title}</h1>
        <GrantBadge level={paper.level} position={paper.position} />
      </header>
      <ManageNav />

      <section className="card" aria-labelledby="publish-title">
        <h2 id="publish-title" className="visually-hidden">{t('paper.publish')}</h2>
        <p data-testid="publish-state">{paper.publishedAt ? t('paper.publishedOn', { date: format.dateTime(paper.publishedAt) }) : t('paper.notPublished')}</p>
        {paper.problems.shortfalls.map((shortfall) => (
          <p key={shortfall.rule} className="notice notice--warning">{t('paper.ruleShort', { rule: shortfall.rule + 1, wanted: shortfall.wanted, available: shortfall.available })}</p>
        ))}
        {actionData?.publishRefused ? (
          <p className="notice notice--error" role="alert">{actionData.publishRefused === 'empty' ? t('paper.cannotPublishEmpty') : t('paper.cannotPublishShort')}</p>
        ) : null}
        <Form method="post">
          <button type="submit" name="intent" value={paper.publishedAt ? 'unpublish' : 'publish'} className={paper.publishedAt ? 'button button--ghost' : 'button'} disabled={busy}>
            {paper.publishedAt ? t('paper.unpublish') : t('paper.publish')}
          </button>
        </Form>
      </section>

      {actionData?.saved ? <p className="notice notice--ok" role="status">{t('paper.saved')}</p> : null}
      <PaperForm key={paper.drawRules.length + JSON.stringify(paper.drawRules)} paper={paper} availability={paper.availability} systems={systems} errors={actionData?.errors ?? {}} busy={busy} />

      <section className="card" aria-labelledby="fixed-title">
        <h2 id="fixed-title">{t('paper.fixed')}</h2>
        <p className="field-hint">{t('paper.fixedHint')}</p>
        {paper.fixedQuestions.length === 0 ? (
          <p className="muted">{t('paper.noFixed')}</p>
        ) : (
          <ol className="bank-list" data-testid="fixed-questions">
            {paper.fixedQuestions.map((question) => (
              <li key={question.id} className={question.retiredAt ? 'bank-item bank-item--retired' : 'bank-item'}>
                <div className="bank-item__body">
                  <p className="bank-item__stem">{question.stem}</p>
                  <p className="hit__meta">
                    <span>{t(`kind.${question.kind}`)}</span>
                    <span>{question.systemCode}</span>
                    {question.retiredAt ? <span className="badge badge--retired">{t('paper.retiredFixed')}</span> : null}
                  </p>
                </div>
                <Form method="post" className="inline-form">
                  <input type="hidden" name="questionId" value={question.id} />
                  <button type="submit" name="intent" value="remove-question" className="button button--ghost" disabled={busy}>{t('paper.remove')}</button>
                </Form>
              </li>
            ))}
          </ol>
        )}

        <h3>{t('paper.addQuestions')}</h3>
        <Form method="get" className="bank-filters">
          <div className="field">
            <label htmlFor="bank-q">{t('bank.search')}</label>
            <input id="bank-q" name="q" type="search" defaultValue={search.q} />
          </div>
          <div className="field">
            <label htmlFor="bank-system">{t('question.system')}</label>
            <select id="bank-system" name="system" defaultValue={search.system}>
              <option value="">{t('bank.any')}</option>
              {systems.map((system) => <option key={system.code} value={system.code}>{localName(system)}</option>)}
            </select>
          </div>
          <div className="field">
            <label htmlFor="bank-level">{t('question.level')}</label>
            <select id="bank-level" name="level" defaultValue={search.level}>
              <option value="">{t('bank.any')}</option>
              {CERTIFICATION_LEVELS.map((level) => <option key={level} value={level}>{t(`level.${level}`)}</option>)}
            </select>
          </div>
          <button type="submit" className="button button--ghost">{t('paper.searchBank')}</button>
        </Form>
        {candidates ? (
          candidates.length === 0 ? (
            <p className="muted">{t('bank.empty')}</p>
          ) : (
            <ul className="bank-list" data-testid="bank-candidates">
              {candidates.map((question) => (
                <li key={question.id} className="bank-item">
                  <div className="bank-item__body">
                    <p className="bank-item__stem">{question.stem}</p>
                    <p className="hit__meta"><span>{t(`kind.${question.kind}`)}</span><span>{question.systemCode}</span><span>{t(`level.${question.level}`)}</span></p>
                  </div>
                  {fixedIds.has(question.id) ? (
                    <span className="muted small">{t('paper.added')}</span>
                  ) : (
                    <Form method="post" className="inline-form">
                      <input type="hidden" name="questionId" value={question.id} />
                      <button type="submit" name="intent" value="add-question" className="button button--ghost" disabled={busy} aria-label={`${t('paper.add')}: ${question.stem.slice(0, 60)}`}>
                        {t('paper.add')}
                      </button>
                    </Form>
                  )}
                </li>
              ))}
            </ul>
          )
        ) : null}
      </section>

      <section className="card" aria-labelledby="attempts-title">
        <h2 id="attempts-title">{t('paper.attempts')}</h2>
        {attempts.length === 0 ? (
          <p className="muted">{t('paper.noAttempts')}</p>
        ) : (
          <div className="table-wrap">
            <table className="table">
              <thead>
                <tr>
                  <th scope="col">{t('col.candidate')}</th>
                  <th scope="col">{t('col.station')}</th>
                  <th scope="col">{t('col.started')}</th>
                  <th scope="col">{t('col.status')}</th>
                  <th scope="col">{t('col.score')}</th>
                  <th scope="col">{t('col.result')}</th>
                </tr>
              </thead>
              <tbody>
                {attempts.map((attempt) => (
                  <tr key={attempt.id}>
                    <td>{attempt.user.name}</td>
                    <td>{attempt.user.station?.code ?? '—'}</td>
                    <td>{format.dateTime(attempt.startedAt)}</td>
                    <td>{t(`status.${attempt.status}`)}</td>
                    <td>{attempt.score === null ? '—' : format.score(attempt.score)}</td>
                    <td>{attempt.passed === null ? '—' : attempt.passed ? t('result.passed') : t('result.failed')}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </section>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
