import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { redirect } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData, useNavigation, type ShouldRevalidateFunction } from '@remix-run/react'
import { z } from 'zod'
import { GeneralErrorBoundary } from '~/components/error-boundary'
import { useMessages } from '~/i18n/use-t'
import { SESSIONS_PER_MONTH } from '~/modules/training/compliance'
import { PlanForm } from '~/modules/training/components/plan-form'
import { ReportStatus } from '~/modules/training/components/report-status'
import { useDateFormat } from '~/modules/training/components/use-date-format'
import { getPlan, listFollowUpExams, openReport, publishPlan, savePlan, unpublishPlan } from '~/modules/training/inhouse.server'
import type { Outcome } from '~/modules/training/manage.server'
import { inhouseMessages, type InhouseMessageKey } from '~/modules/training/messages'
import { planInputSchema } from '~/modules/training/schema'
import { requireUser } from '~/utils/auth.server'
import { invariantResponse } from '~/utils/permissions.server'
import { fieldErrors } from '~/utils/validation'

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request)
  const view = await getPlan({ user, planId: params.planId! })
  invariantResponse(view, 'Plan not found')
  return { ...view, exams: view.canManage ? await listFollowUpExams() : [] }
}

const intents = z.discriminatedUnion('intent', [z.object({ intent: z.literal('plan') }).passthrough(), z.object({ intent: z.literal('publish') }), z.object({ intent: z.literal('unpublish') }), z.object({ intent: z.literal('report') })])

type ActionData = { form: string; errors: Record<string, string> } | { ok: true }

function refused(form: string, outcome: Exclude<Outcome<object>, { ok: true }>) {
  if (outcome.reason === 'invalid') return Response.json({ form, errors: outcome.errors }, { status: 400 })
  throw new Response(outcome.reason, { status: outcome.reason === 'forbidden' ? 403 : 404 })
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request)
  const planId = params.planId!
  const fields = Object.fromEntries(await request.formData())
  const parsed = intents.safeParse(fields)
  if (!parsed.success) return Response.json({ form: 'intent', errors: fieldErrors(parsed.error) }, { status: 400 })
  switch (parsed.data.intent) {
    case 'plan': {
      const input = planInputSchema.safeParse(fields)
      if (!input.success) return Response.json({ form: 'plan', errors: fieldErrors(input.error) }, { status: 400 })
      const saved = await savePlan({ user, planId, input: input.data })
      return saved.ok ? { ok: true } : refused('plan', saved)
    }
    case 'publish': {
      const published = await publishPlan({ user, planId })
      return published.ok ? { ok: true } : refused('publish', published)
    }
    case 'unpublish': {
      const withdrawn = await unpublishPlan({ user, planId })
      return withdrawn.ok ? { ok: true } : refused('unpublish', withdrawn)
    }
    case 'report': {
      const report = await openReport({ user, planId })
      return report.ok ? redirect(`/training/reports/${report.id}`) : refused('report', report)
    }
  }
}

// A refused withdrawal means a station has opened its report meanwhile: show the page as it is now
// (Remix does not reload a page's data after an action answered with 4xx).
export const shouldRevalidate: ShouldRevalidateFunction = ({ actionResult, defaultShouldRevalidate }) =>
  (actionResult as { form?: string } | undefined)?.form === 'unpublish' || defaultShouldRevalidate

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `${data.plan.month} ${data.plan.title} · GTAC` : 'GTAC' }]

export default function TrainingPlanPage() {
  const { plan, attended, canManage, canReport, exams } = useLoaderData<typeof loader>()
  const actionData = useActionData<ActionData>()
  const t = useMessages(inhouseMessages)
  const { date } = useDateFormat()
  const navigation = useNavigation()
  const errorsOf = (form: string) => (actionData && 'form' in actionData && actionData.form === form ? actionData.errors : {})
  const mine = canReport ? (plan.reports[0] ?? null) : null
  return (
    <section className="plan-page">
      <p><Link to="/training/plans">← {t('title')}</Link></p>
      <header className="search-head">
        <div>
          <p className="muted plan-page__month">{plan.month}</p>
          <h1>{plan.title}</h1>
        </div>
        {canManage ? (plan.publishedAt ? <span className="badge badge--published">{t('published')}</span> : <span className="badge badge--unpublished">{t('draft')}</span>) : null}
      </header>
      <div className="card">
        <h2 className="plan-page__subhead">{t('content')}</h2>
        <p className="plan-content">{plan.content}</p>
        {plan.examPaper ? <p><Link to={`/exams/${plan.examPaper.id}`}>{t('examLink', { title: plan.examPaper.title })}</Link></p> : null}
      </div>

      {canReport ? (
        <div className="card">
          <h2 className="plan-page__subhead">{t('myReport')}</h2>
          <p className="button-row">
            <ReportStatus report={mine} />
            <span>{t('sessionsOf', { count: mine?._count.sessions ?? 0, target: SESSIONS_PER_MONTH })}</span>
          </p>
          {mine?.returnNote ? <p className="notice notice--warning">{t('returned', { note: mine.returnNote })}</p> : null}
          <Form method="post">
            <button type="submit" name="intent" value="report" className="button">{mine ? t('viewReport') : t('openReport')}</button>
          </Form>
        </div>
      ) : null}

      {canManage ? (
        <>
          {!plan.publishedAt ? (
            <Form method="post" className="card">
              <p className="muted">{t('publishHint')}</p>
              {errorsOf('publish')._form ? <p className="notice notice--error" role="alert">{t(errorsOf('publish')._form as InhouseMessageKey)}</p> : null}
              <button type="submit" name="intent" value="publish" className="button" disabled={navigation.state !== 'idle'}>{t('publish')}</button>
            </Form>
          ) : plan.reports.length === 0 ? (
            <Form method="post" className="card">
              <p className="muted">{t('unpublishHint')}</p>
              <button type="submit" name="intent" value="unpublish" className="button button--ghost" disabled={navigation.state !== 'idle'}>{t('unpublish')}</button>
            </Form>
          ) : null}
          {errorsOf('unpublish')._form ? <p className="notice notice--error" role="alert">{t(errorsOf('unpublish')._form as InhouseMessageKey)}</p> : null}
          <h2>{t('stationReports')}</h2>
          {plan.reports.length === 0 ? (
            <p className="empty-state">{t('noReports')}</p>
          ) : (
            <div className="table-wrap">
              <table className="table">
                <thead>
                  <tr>
                    <th scope="col">{t('station')}</th>
                    <th scope="col">{t('region')}</th>
                    <th scope="col">{t('status')}</th>
                    <th scope="col">{t('sessions')}</th>
                  </tr>
                </thead>
                <tbody>
                  {plan.reports.map((report) => (
                    <tr key={report.id}>
                      <td><Link to={`/training/reports/${report.id}`}>{report.station.code} {report.station.name}</Link></td>
                      <td>{report.station.region}</td>
                      <td><ReportStatus report={report} /></td>
                      <td>{t('sessionsOf', { count: report._count.sessions, target: SESSIONS_PER_MONTH })}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          <h2>{t('editPlan')}</h2>
          <PlanForm key={plan.id} values={plan} errors={errorsOf('plan')} exams={exams} submitLabel={t('savePlan')} />
        </>
      ) : null}

      {!canManage ? (
        <>
          <h2>{t('attended')}</h2>
          {attended.length === 0 ? (
            <p className="empty-state">{t('noAttended')}</p>
          ) : (
            <ul className="session-list">
              {attended.map((session) => (
                <li key={session.id} className="card session-card">
                  <h3 className="session-card__title"><span className="session-card__date">{date(session.heldOn)}</span> {session.topic}</h3>
                  <p className="muted small">{t('trainerLine', { name: session.trainerName })}</p>
                  {session.photos.length > 0 ? (
                    <ul className="session-photos">
                      {session.photos.map((photo) => (
                        <li key={photo.id}><a href={`/files/${photo.id}`}><img src={`/files/${photo.id}`} alt={t('photoAlt', { topic: session.topic, name: photo.fileName })} loading="lazy" /></a></li>
                      ))}
                    </ul>
                  ) : null}
                </li>
              ))}
            </ul>
          )}
        </>
      ) : null}
    </section>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
