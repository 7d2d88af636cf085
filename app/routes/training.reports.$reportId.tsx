import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData, useNavigation } from '@remix-run/react'
import { z } from 'zod'
import { GeneralErrorBoundary } from '~/components/error-boundary'
import { useFieldErrors } from '~/components/field-errors'
import { useMessages } from '~/i18n/use-t'
import { SESSIONS_PER_MONTH } from '~/modules/training/compliance'
import { ReportStatus } from '~/modules/training/components/report-status'
import { SessionForm } from '~/modules/training/components/session-form'
import { useDateFormat } from '~/modules/training/components/use-date-format'
import { readSessionForm } from '~/modules/training/inhouse-form.server'
import { addSession, deleteSession, getReport, returnReport, SESSION_PHOTO_MAX_BYTES, SESSION_PHOTO_MAX_COUNT, submitReport } from '~/modules/training/inhouse.server'
import type { Outcome } from '~/modules/training/manage.server'
import { inhouseMessages, type InhouseMessageKey } from '~/modules/training/messages'
import { returnReportSchema } from '~/modules/training/schema'
import { requireUser } from '~/utils/auth.server'
import { invariantResponse } from '~/utils/permissions.server'
import { fieldErrors } from '~/utils/validation'

const limits = { mb: SESSION_PHOTO_MAX_BYTES / 1024 / 1024, count: SESSION_PHOTO_MAX_COUNT }

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request)
  const view = await getReport({ user, reportId: params.reportId! })
  invariantResponse(view, 'Report not found')
  return { ...view, limits }
}

const intents = z.discriminatedUnion('intent', [
  z.object({ intent: z.literal('delete'), sessionId: z.string().min(1).max(40) }),
  z.object({ intent: z.literal('submit') }),
  z.object({ intent: z.literal('return') }).passthrough(),
])

type ActionData = { form: string; errors: Record<string, string> } | { ok: true; form: string }

function answer(form: string, outcome: Outcome) {
  if (outcome.ok) return { ok: true as const, form }
  if (outcome.reason === 'invalid') return Response.json({ form, errors: outcome.errors }, { status: 400 })
  throw new Response(outcome.reason, { status: outcome.reason === 'forbidden' ? 403 : 404 })
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request)
  const reportId = params.reportId!
  if (request.headers.get('Content-Type')?.startsWith('multipart/form-data')) {
    // Only a station manager logs sessions: nobody else's upload reaches the file store.
    if (user.role !== 'STATION_MANAGER') throw new Response('Forbidden', { status: 403 })
    const form = await readSessionForm(request, user)
    if (!form.ok) return Response.json({ form: 'session', errors: form.errors }, { status: 400 })
    return answer('session', await addSession({ user, reportId, input: form.input, photoIds: form.photoIds }))
  }
  const fields = Object.fromEntries(await request.formData())
  const parsed = intents.safeParse(fields)
  if (!parsed.success) return Response.json({ form: 'intent', errors: fieldErrors(parsed.error) }, { status: 400 })
  switch (parsed.data.intent) {
    case 'delete':
      return answer('delete', await deleteSession({ user, reportId, sessionId: parsed.data.sessionId }))
    case 'submit':
      return answer('submit', await submitReport({ user, reportId }))
    case 'return': {
      const input = returnReportSchema.safeParse(fields)
      if (!input.success) return Response.json({ form: 'return', errors: fieldErrors(input.error) }, { status: 400 })
      return answer('return', await returnReport({ user, reportId, note: input.data.note }))
    }
  }
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `${data.report.station.name} · ${data.report.plan.month} · GTAC` : 'GTAC' }]

export default function StationReportPage() {
  const { report, staff, canEdit, canReturn, limits } = useLoaderData<typeof loader>()
  const actionData = useActionData<ActionData>()
  const t = useMessages(inhouseMessages)
  const { date, dateTime } = useDateFormat()
  const navigation = useNavigation()
  const busy = navigation.state !== 'idle'
  const errorsOf = (form: string) => (actionData && 'errors' in actionData && actionData.form === form ? actionData.errors : {})
  const returnErrors = useFieldErrors(errorsOf('return'), 'return-', (message) => t(message as InhouseMessageKey))
  const submitError = errorsOf('submit')._form ?? errorsOf('delete')._form
  const count = report.sessions.length
  return (
    <section className="report-page">
      <p><Link to={`/training/plans/${report.plan.id}`}>← {t('backToPlan')}</Link></p>
      <header className="search-head">
        <div>
          <h1>{t('reportTitle', { station: report.station.name, month: report.plan.month })}</h1>
          <p className="muted">{report.station.code} · {report.station.region} · {report.plan.title}</p>
        </div>
        <ReportStatus report={report} />
      </header>

      <dl className="kpi-tiles">
        <div className="kpi-tile">
          <dt className="kpi-tile__label">{t('sessions')}</dt>
          <dd className="kpi-tile__value">{t('sessionsOf', { count, target: SESSIONS_PER_MONTH })}</dd>
        </div>
      </dl>

      {report.status === 'SUBMITTED' && report.submittedAt ? <p className="notice notice--ok">{t('readOnly', { time: dateTime(report.submittedAt), name: report.submittedBy?.name ?? '' })}</p> : null}
      {report.status === 'DRAFT' && report.returnNote ? <p className="notice notice--warning">{t('returned', { note: report.returnNote })}</p> : null}

      <details className="card plan-summary">
        <summary>{t('content')}</summary>
        <p className="plan-content">{report.plan.content}</p>
        {report.plan.examPaper ? <p><Link to={`/exams/${report.plan.examPaper.id}`}>{t('examLink', { title: report.plan.examPaper.title })}</Link></p> : null}
      </details>

      <h2>{t('sessionList')}</h2>
      {count === 0 ? (
        <p className="empty-state">{t('noSessions', { target: SESSIONS_PER_MONTH })}</p>
      ) : (
        <ol className="session-list" data-testid="training-sessions">
          {report.sessions.map((session) => (
            <li key={session.id} className="card session-card">
              <div className="session-card__head">
                <h3 className="session-card__title"><span className="session-card__date">{date(session.heldOn)}</span> {session.topic}</h3>
                {canEdit ? (
                  <Form method="post" className="inline-form">
                    <input type="hidden" name="sessionId" value={session.id} />
                    <button type="submit" name="intent" value="delete" className="button button--ghost button--small" aria-label={t('deleteSession', { date: date(session.heldOn) })} disabled={busy}>✕</button>
                  </Form>
                ) : null}
              </div>
              <p className="small">{t('trainerLine', { name: session.trainerName })} · {t('attendeesCount', { count: session.attendees.length })}</p>
              <p className="small muted">{session.attendees.map((attendee) => attendee.user.name).join('、')}</p>
              {session.notes ? <p className="session-card__notes">{session.notes}</p> : null}
              {session.photos.length > 0 ? (
                <ul className="session-photos">
                  {session.photos.map((photo) => (
                    <li key={photo.id}><a href={`/files/${photo.id}`}><img src={`/files/${photo.id}`} alt={t('photoAlt', { topic: session.topic, name: photo.fileName })} loading="lazy" /></a></li>
                  ))}
                </ul>
              ) : null}
            </li>
          ))}
        </ol>
      )}

      {canEdit ? (
        <>
          <h2>{t('addSession')}</h2>
          {/* A new count means the session was saved: a fresh, empty form. */}
          <SessionForm key={`sessions-${count}`} month={report.plan.month} staff={staff} errors={errorsOf('session')} limits={limits} />
          <Form method="post" className="card">
            <p className="muted">{t('submitHint', { count, target: SESSIONS_PER_MONTH })}</p>
            {submitError ? <p className="notice notice--error" role="alert">{t(submitError as InhouseMessageKey)}</p> : null}
            <button type="submit" name="intent" value="submit" className="button" disabled={busy}>{t('submit')}</button>
          </Form>
        </>
      ) : null}

      {canReturn ? (
        <Form method="post" className="card" noValidate>
          <div className="field">
            <label htmlFor="return-note">{t('returnNote')}</label>
            <textarea id="return-note" name="note" rows={2} maxLength={1000} required {...returnErrors.invalid('note')} />
            {returnErrors.fieldError('note')}
          </div>
          {errorsOf('return')._form ? <p className="notice notice--error" role="alert">{t(errorsOf('return')._form as InhouseMessageKey)}</p> : null}
          <button type="submit" name="intent" value="return" className="button button--danger" disabled={busy}>{t('returnReport')}</button>
        </Form>
      ) : null}
    </section>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
