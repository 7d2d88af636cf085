import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData, useNavigation } from '@remix-run/react'
import { z } from 'zod'
import { GeneralErrorBoundary } from '~/components/error-boundary'
import { StatusBadge } from '~/modules/cases/components/status-badge'
import { useLocalName, useLocale, useMessages, useT } from '~/i18n/use-t'
import { describeDtcs } from '~/modules/catalogue/catalogue.server'
import { bulletinsForVehicle } from '~/modules/bulletins/bulletin.server'
import { VehicleBulletins } from '~/modules/bulletins/components/bulletin-list'
import { recordCaseView } from '~/modules/cases/case-views.server'
import { canManageExams } from '~/modules/exams/access'
import { examMessages } from '~/modules/exams/messages'
import { duplicateCandidates, mayMergeCases, mergeCases } from '~/modules/cases/case-merge.server'
import { DuplicateCandidates } from '~/modules/cases/components/duplicate-candidates'
import {
  addCaseComment,
  confirmCaseFix,
  getCaseWithDiscussion,
  transitionCase,
  forReading,
} from '~/modules/cases/case.server'
import { requireUser } from '~/utils/auth.server'
import { parseForm } from '~/utils/form.server'
import { invariantResponse } from '~/utils/permissions.server'

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request)
  const read = await getCaseWithDiscussion({ user, caseId: params.caseId! })
  invariantResponse(read, 'Case not found')
  const { record, comments, confirmed } = read
  // A duplicate merged into another case leads there.
  if (record.mergedIntoId) throw redirect(`/cases/${record.mergedIntoId}?merged=${record.id}`)
  const curator = mayMergeCases(user) && (record.status === 'APPROVED' || record.status === 'CLASSIC')
  const [dtcs, bulletins, duplicates] = await Promise.all([
    describeDtcs(record.dtcs),
    bulletinsForVehicle({ user, modelId: record.model.id, year: record.year, vin: record.vin, systemCode: record.system.code, dtcs: record.dtcs }),
    curator ? duplicateCandidates(record) : [],
  ])
  recordCaseView(record.id)
  const arrivedFromMerge = new URL(request.url).searchParams.has('merged')
  return { record: forReading(record), comments, confirmed, dtcs, bulletins, duplicates, curator, arrivedFromMerge, canDraftQuestion: record.status === 'CLASSIC' && canManageExams(user) }
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `${data.record.title} · GTAC` : 'GTAC' }]

const actionSchema = z.discriminatedUnion('intent', [
  z.object({
    intent: z.literal('transition'),
    action: z.enum(['submit', 'approve', 'return', 'feature', 'unfeature']),
    comment: z.string().trim().max(2000).optional(),
  }),
  z.object({ intent: z.literal('comment'), body: z.string().trim().min(1, 'required').max(4000) }),
  z.object({ intent: z.literal('confirm') }),
  z.object({ intent: z.literal('merge'), duplicateId: z.string().min(1).max(40) }),
])

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request)
  const parsed = await parseForm(request, actionSchema)
  if (!parsed.ok) return parsed.response
  const caseId = params.caseId!
  const input = parsed.data
  if (input.intent === 'comment') {
    invariantResponse(await addCaseComment({ user, caseId, body: input.body }), 'Case not found')
    return { ok: true }
  }
  if (input.intent === 'confirm') {
    invariantResponse((await confirmCaseFix({ user, caseId })).ok, 'Case not found')
    return { ok: true }
  }
  if (input.intent === 'merge') {
    const merged = await mergeCases({ user, duplicateId: input.duplicateId, intoId: caseId })
    if (merged.ok) return { merged: true }
    if (merged.reason === 'forbidden') throw new Response('Forbidden', { status: 403 })
    if (merged.reason === 'not-found') throw new Response('Case not found', { status: 404 })
    return Response.json({ errors: { _form: merged.reason } }, { status: 409 })
  }
  const outcome = await transitionCase({ user, caseId, action: input.action, comment: input.comment })
  if (outcome.ok) return { ok: true }
  if (outcome.reason === 'not-found') throw new Response('Case not found', { status: 404 })
  if (outcome.reason === 'forbidden') throw new Response('Forbidden', { status: 403 })
  if (outcome.reason === 'comment-required') return Response.json({ errors: { comment: 'required' } }, { status: 400 })
  return Response.json({ errors: { _form: 'invalid-state' } }, { status: 409 })
}

function RichSection({ title, html }: { title: string; html: string }) {
  // The HTML is rendered on the server from the stored editor document by the editor's own schema.
  return (
    <section className="card">
      <h2>{title}</h2>
      <div className="rich-text" dangerouslySetInnerHTML={{ __html: html }} />
    </section>
  )
}

export default function CasePage() {
  const { record, comments, confirmed, dtcs, bulletins, duplicates, curator, arrivedFromMerge, canDraftQuestion } = useLoaderData<typeof loader>()
  const examT = useMessages(examMessages)
  const actionData = useActionData<{ errors?: Record<string, string>; merged?: boolean }>()
  const navigation = useNavigation()
  const t = useT()
  const locale = useLocale()
  const localName = useLocalName()
  const busy = navigation.state !== 'idle'
  const reviewerActions = record.actions.filter((action) => action !== 'submit')

  return (
    <article>
      <p><Link to="/cases">← {t('nav.cases')}</Link></p>
      <header className="case-header">
        <div>
          <h1>{record.title}</h1>
          <p className="hit__meta">
            <StatusBadge status={record.status} />
            <span>{t('case.views', { count: record.viewCount })}</span>
            {record.confirmCount > 0 ? <span>✔ {t('cases.confirmations', { count: record.confirmCount })}</span> : null}
          </p>
        </div>
        <div className="button-row">
          {record.canEdit ? <Link className="button button--ghost" to={`/cases/${record.id}/edit`}>{t('case.edit')}</Link> : null}
          {canDraftQuestion ? <Link className="button button--ghost" to={`/exams/manage/questions/new?fromCase=${record.id}`}>{examT('question.draftFromCase')}</Link> : null}
          {record.actions.includes('submit') ? (
            <Form method="post">
              <input type="hidden" name="intent" value="transition" />
              <button className="button" name="action" value="submit" disabled={busy}>{t('case.action.submit')}</button>
            </Form>
          ) : null}
        </div>
      </header>
      {arrivedFromMerge ? <p className="notice notice--ok" role="status">{t('case.mergedNotice')}</p> : null}
      {actionData && 'merged' in actionData ? <p className="notice notice--ok" role="status">{t('case.merged')}</p> : null}

      {record.reviewComment && (record.status === 'RETURNED' || record.status === 'SUBMITTED') ? (
        <p className="notice notice--warning"><strong>{t('case.reviewComment')}:</strong> {record.reviewComment}</p>
      ) : null}
      {actionData?.errors?._form ? <p className="notice notice--error" role="alert">{t('error.generic')}</p> : null}

      <div className="case-layout">
        <div>
          <RichSection title={t('case.symptoms')} html={record.symptomsHtml} />
          <RichSection title={t('case.diagnosis')} html={record.diagnosisHtml} />
          <RichSection title={t('case.rootCause')} html={record.rootCauseHtml} />
          <RichSection title={t('case.fix')} html={record.fixHtml} />
          {record.parts.length > 0 ? (
            <section className="card">
              <h2>{t('case.parts')}</h2>
              <table className="parts-table">
                <thead><tr><th>{t('case.partNumber')}</th><th>{t('case.partName')}</th><th>{t('case.partQty')}</th></tr></thead>
                <tbody>
                  {record.parts.map((part, index) => (
                    <tr key={index}><td><code>{part.number}</code></td><td>{part.name}</td><td>{part.qty}</td></tr>
                  ))}
                </tbody>
              </table>
            </section>
          ) : null}
          {record.attachments.length > 0 ? (
            <section className="card">
              <h2>{t('case.attachments')}</h2>
              <ul>
                {record.attachments.map((file) => (
                  <li key={file.id}><a href={`/files/${file.id}`} target="_blank" rel="noreferrer">{file.fileName}</a> <span className="muted small">({Math.ceil(file.sizeBytes / 1024)} KB)</span></li>
                ))}
              </ul>
            </section>
          ) : null}

          <section className="card" aria-labelledby="comments-title">
            <h2 id="comments-title">{t('case.comments')}</h2>
            {comments.length === 0 ? <p className="muted">{t('case.noComments')}</p> : (
              <ul className="comment-list">
                {comments.map((comment) => (
                  <li key={comment.id}>
                    <p className="comment-meta">{comment.author.name} · {new Date(comment.createdAt).toLocaleString(locale === 'zh' ? 'zh-CN' : 'en-GB')}</p>
                    <p style={{ whiteSpace: 'pre-wrap', margin: 0 }}>{comment.body}</p>
                  </li>
                ))}
              </ul>
            )}
            <Form method="post" className="field" key={comments.length}>
              <input type="hidden" name="intent" value="comment" />
              <label htmlFor="comment-body" className="visually-hidden">{t('case.addComment')}</label>
              <textarea id="comment-body" name="body" rows={3} required maxLength={4000} />
              <div><button className="button" disabled={busy}>{t('case.addComment')}</button></div>
            </Form>
          </section>
        </div>

        <aside>
          <VehicleBulletins bulletins={bulletins} />
          <section className="card">
            <h2>{t('case.vehicle')}</h2>
            <dl className="facts">
              <dt>{t('case.model')}</dt><dd>{localName(record.model)} · {record.year}</dd>
              {record.vin ? (<><dt>{t('case.vin')}</dt><dd><code>{record.vin}</code></dd></>) : null}
              {record.mileageKm !== null ? (<><dt>{t('case.mileage')}</dt><dd>{record.mileageKm.toLocaleString()}</dd></>) : null}
              <dt>{t('case.system')}</dt><dd>{localName(record.system)}</dd>
              <dt>{t('case.dtcs')}</dt>
              <dd>
                {record.dtcs.length === 0 ? t('common.none') : null}
                {record.dtcs.map((code) => {
                  const known = dtcs.find((entry) => entry.code === code)
                  return (
                    <div key={code}>
                      <code className="dtc">{code}</code> {known ? (locale === 'zh' ? known.descriptionZh : known.descriptionEn) : null}
                    </div>
                  )
                })}
              </dd>
              <dt>{t('case.author')}</dt><dd>{record.author.name}</dd>
              {record.station ? (<><dt>{t('case.station')}</dt><dd>{record.station.name}</dd></>) : null}
            </dl>
          </section>

          {record.status === 'APPROVED' || record.status === 'CLASSIC' ? (
            <section className="card">
              {confirmed ? <p className="notice notice--ok">✔ {t('case.confirmed')}</p> : (
                <Form method="post">
                  <input type="hidden" name="intent" value="confirm" />
                  <button className="button button--wide" disabled={busy}>{t('case.confirmFix')}</button>
                </Form>
              )}
            </section>
          ) : null}

          {curator ? <DuplicateCandidates candidates={duplicates} /> : null}

          {reviewerActions.length > 0 ? (
            <section className="card" aria-label={t('nav.review')}>
              <h2>{t('nav.review')}</h2>
              <Form method="post">
                <input type="hidden" name="intent" value="transition" />
                {reviewerActions.includes('return') ? (
                  <div className="field">
                    <label htmlFor="review-comment">{t('case.returnReason')}</label>
                    <textarea id="review-comment" name="comment" rows={3} maxLength={2000} aria-invalid={Boolean(actionData?.errors?.comment)} />
                    {actionData?.errors?.comment ? <p className="field-error">{t('common.required')}</p> : null}
                  </div>
                ) : null}
                <div className="button-row">
                  {reviewerActions.map((action) => (
                    <button key={action} className={action === 'return' ? 'button button--ghost' : 'button'} name="action" value={action} disabled={busy}>
                      {t(`case.action.${action}`)}
                    </button>
                  ))}
                </div>
              </Form>
            </section>
          ) : null}
        </aside>
      </div>
    </article>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
