import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Link, useFetcher, useLoaderData } from '@remix-run/react'
import { GeneralErrorBoundary } from '~/components/error-boundary'
import { useRevalidateOn, useSubscription } from '~/components/realtime'
import { useLocalName, useLocale, useMessages } from '~/i18n/use-t'
import { RequestInputError, addMessage, getRequest, listActivity, listMessages, queuePosition } from '~/modules/assistance/assistance.server'
import { ActivityLog } from '~/modules/assistance/components/activity-log'
import { caseIdsIn } from '~/modules/assistance/case-links'
import { MatchingCases } from '~/modules/assistance/components/matching-cases'
import { MessageThread } from '~/modules/assistance/components/message-thread'
import { listCaseLinks } from '~/modules/cases/case.server'
import { RequestActionsPanel } from '~/modules/assistance/components/request-actions-panel'
import { RequestStatus, UrgencyBadge } from '~/modules/assistance/components/request-status'
import { RequestSlaTimers, useNow } from '~/modules/assistance/components/sla-timer'
import { listExperts } from '~/modules/assistance/experts.server'
import { assistanceCallRoom, mayJoinAssistanceCall } from '~/modules/assistance/live-access.server'
import { LiveCall } from '~/modules/live/components/live-call'
import { bulletinsForVehicle } from '~/modules/bulletins/bulletin.server'
import { VehicleBulletins } from '~/modules/bulletins/components/bulletin-list'
import { SnapshotTool } from '~/modules/live/components/snapshot-tool'
import { RecordingControl } from '~/modules/live/components/recording-control'
import { RecordingList } from '~/modules/live/components/recording-list'
import { listRecordings } from '~/modules/live/recording.server'
import { mayRecordLiveRoom } from '~/modules/live/access.server'
import { LIVE_EVENTS } from '~/modules/live/rooms'
import { AnnotatedImage } from '~/modules/live/components/annotated-image'
import type { Stroke } from '~/modules/live/annotation'
import { uploadFile } from '~/components/rich-text-editor'
import { assistanceMessages } from '~/modules/assistance/messages'
import { actorFor, performRequestAction } from '~/modules/assistance/request-actions.server'
import { ASSISTANCE_EVENTS } from '~/modules/assistance/rooms'
import { messageSchema, requestActionSchema } from '~/modules/assistance/schema'
import { availableRequestActions } from '~/modules/assistance/workflow'
import { requireUser } from '~/utils/auth.server'
import { invariantResponse } from '~/utils/permissions.server'
import { translateFrom } from '~/i18n/messages'
import { getLocale } from '~/i18n/locale.server'
import { fieldErrors } from '~/utils/validation'

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request)
  const record = await getRequest({ user, requestId: params.requestId! })
  invariantResponse(record, 'Request not found')
  const actions = availableRequestActions(record.status, actorFor(user, record), { hasCase: Boolean(record.caseId) })
  const room = assistanceCallRoom(record.id)
  const [{ messages, earlier: earlierMessages }, activity, position, experts, canCall, canRecord, recordings, bulletins] = await Promise.all([
    listMessages({ requestId: record.id }),
    listActivity({ requestId: record.id }),
    queuePosition(record),
    actions.includes('transfer') ? listExperts() : [],
    mayJoinAssistanceCall(user, record.id),
    mayRecordLiveRoom(user, room),
    listRecordings({ user, roomId: room }),
    bulletinsForVehicle({ user, modelId: record.model.id, year: record.year, vin: record.vin, systemCode: record.systemCode, dtcs: record.dtcs }),
  ])
  const caseLinks = await listCaseLinks({ user, caseIds: messages.flatMap((message) => caseIdsIn(message.body)) })
  return {
    record,
    messages,
    earlierMessages,
    caseLinks,
    showMatchingCases: user.role === 'ENGINEER' || user.role === 'ADMIN',
    activity: activity.map((event) => ({ ...event, id: String(event.id) })),
    position,
    actions,
    experts: experts.filter((expert) => expert.id !== record.assigneeId),
    userId: user.id,
    userName: user.name,
    callRoom: canCall ? room : null,
    canRecord,
    recordings,
    bulletins,
    now: new Date().toISOString(),
  }
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `#${data.record.number} · GTAC` : 'GTAC' }]

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request)
  const requestId = params.requestId!
  const form = await request.formData()
  const fields = Object.fromEntries(form)
  if (fields.intent === 'message') {
    const parsed = messageSchema.safeParse(fields)
    if (!parsed.success) return Response.json({ errors: fieldErrors(parsed.error) }, { status: 400 })
    try {
      invariantResponse(await addMessage({ user, requestId, ...parsed.data }), 'Request not found')
    } catch (error) {
      if (error instanceof RequestInputError) return Response.json({ errors: error.errors }, { status: 400 })
      throw error
    }
    return { ok: true }
  }

  const parsed = requestActionSchema.safeParse(fields)
  if (!parsed.success) return Response.json({ errors: fieldErrors(parsed.error) }, { status: 400 })
  const outcome = await performRequestAction({ user, requestId, action: parsed.data })
  if (outcome.ok) return outcome.caseId && parsed.data.intent === 'draft-case' ? redirect(`/cases/${outcome.caseId}`) : { ok: true }
  invariantResponse(outcome.reason !== 'not-found', 'Request not found')
  invariantResponse(outcome.reason !== 'forbidden', 'Forbidden', 403)
  if (outcome.reason === 'invalid-input') return Response.json({ errors: outcome.errors }, { status: 400 })
  const locale = await getLocale(request)
  const message =
    outcome.reason === 'conflict'
      ? translateFrom(assistanceMessages, locale, 'action.conflict', { name: outcome.holder?.name ?? '' })
      : translateFrom(assistanceMessages, locale, 'action.invalidState')
  return Response.json({ errors: { _form: message } }, { status: 409 })
}

export default function AssistanceRequestPage() {
  const { record, messages, earlierMessages, caseLinks, showMatchingCases, activity, position, actions, experts, userId, userName, callRoom, canRecord, recordings, bulletins, now: serverNow } =
    useLoaderData<typeof loader>()
  const t = useMessages(assistanceMessages)
  const localName = useLocalName()
  const locale = useLocale()
  const now = useNow(serverNow)
  const snapshotMessage = useFetcher()
  const uploadImage = (blob: Blob) => uploadFile(new File([blob], `snapshot-${Date.now()}.jpg`, { type: 'image/jpeg' }))
  // A frozen frame is linked to the request at once, so every participant may load it.
  const uploadFrame = async (blob: Blob) => {
    const file = await uploadImage(blob)
    const linked = await fetch(`/api/assistance/${record.id}/files`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ attachmentId: file.id }),
    })
    if (!linked.ok) throw new Error(`attach: ${linked.status}`)
    return file
  }
  // A snapshot becomes a message of the request with its marks, so everyone sees it in the thread.
  const saveSnapshot = async (blob: Blob, annotations: Stroke[]) => {
    const file = await uploadImage(blob)
    const saved = await fetch(`/api/attachments/${file.id}/annotations`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ annotations }) })
    if (!saved.ok) throw new Error(`annotations: ${saved.status}`)
    snapshotMessage.submit({ intent: 'message', body: '📷 快照 / Snapshot', attachmentIds: file.id }, { method: 'post' })
  }
  useSubscription('assistance:watch', { requestId: record.id })
  useRevalidateOn([ASSISTANCE_EVENTS.changed, LIVE_EVENTS.recordingsChanged])
  const openVisit = record.visits.find((visit) => !visit.outcome)
  const when = (value: Date | string) => new Date(value).toLocaleString(locale === 'zh' ? 'zh-CN' : 'en-GB')

  return (
    <article>
      <p><Link to="/assistance">← {t('title')}</Link></p>
      <header className="case-header">
        <div>
          <h1>
            {t('number', { number: record.number })} · {localName(record.model)} {record.year}
          </h1>
          <p className="hit__meta">
            <RequestStatus status={record.status} />
            <UrgencyBadge urgency={record.urgency} />
            {position ? <span className="badge badge--submitted" data-testid="queue-position">{t('queuePosition', { position })}</span> : null}
            <span>{t('created', { time: when(record.createdAt) })}</span>
          </p>
          <RequestSlaTimers request={record} now={now} />
        </div>
      </header>

      <div className="request-layout">
        <div>
          {callRoom ? (
            <LiveCall
              roomId={callRoom}
              selfName={userName}
              tools={(call) => (
                <>
                  <RecordingControl call={call} selfUserId={userId} canRecord={canRecord} />
                  <SnapshotTool call={call} onSave={saveSnapshot} uploadFrame={uploadFrame} />
                </>
              )}
            />
          ) : null}
          <RecordingList recordings={recordings} />
          <section className="card">
            <h2>{t('detail.symptoms')}</h2>
            <p className="prewrap">{record.symptoms}</p>
            {record.tried ? (
              <>
                <h3 className="small">{t('detail.tried')}</h3>
                <p className="prewrap">{record.tried}</p>
              </>
            ) : null}
            {record.readings ? (
              <>
                <h3 className="small">{t('detail.readings')}</h3>
                <p className="prewrap">{record.readings}</p>
              </>
            ) : null}
            {record.attachments.length > 0 ? (
              <>
                <h3 className="small">{t('detail.files')}</h3>
                <ul>
                  {record.attachments.map((file) => (
                    <li key={file.id}><a href={`/files/${file.id}`} target="_blank" rel="noreferrer">{file.fileName}</a></li>
                  ))}
                </ul>
              </>
            ) : null}
          </section>
          {record.cause || record.fix ? (
            <section className="card">
              <h2>{t('detail.conclusion')}</h2>
              <h3 className="small">{t('detail.cause')}</h3>
              <p className="prewrap">{record.cause}</p>
              <h3 className="small">{t('detail.fix')}</h3>
              <p className="prewrap">{record.fix}</p>
              {record.firstTimeFix !== null ? (
                <p>{t('detail.firstTimeFix')}: <strong>{record.firstTimeFix ? t('detail.yes') : t('detail.no')}</strong></p>
              ) : null}
            </section>
          ) : null}
          <MessageThread
            key={record.id}
            requestId={record.id}
            messages={messages}
            earlier={earlierMessages}
            userId={userId}
            caseLinks={caseLinks}
            renderImage={(file) => <AnnotatedImage src={`/files/${file.id}`} alt={file.fileName} className="message__image" annotations={file.annotations} />}
          />
        </div>

        <aside>
          <VehicleBulletins bulletins={bulletins} />
          <RequestActionsPanel actions={actions} experts={experts} openVisitId={openVisit?.id ?? null} caseId={record.caseId} />
          {showMatchingCases ? <MatchingCases modelId={record.model.id} dtcs={record.dtcs} symptoms={record.symptoms} /> : null}
          <section className="card">
            <h2>{t('detail.vehicle')}</h2>
            <dl className="facts request-facts">
              <dt>{t('form.model')}</dt><dd>{localName(record.model)} {record.year}</dd>
              <dt>{t('form.system')}</dt><dd>{localName(record.system)}</dd>
              {record.vin ? <><dt>VIN</dt><dd><code>{record.vin}</code></dd></> : null}
              {record.mileageKm !== null ? <><dt>{t('form.mileage')}</dt><dd>{record.mileageKm.toLocaleString()}</dd></> : null}
              <dt>{t('form.dtcs')}</dt><dd>{record.dtcs.length > 0 ? record.dtcs.map((code) => <span key={code} className="dtc">{code}</span>) : '—'}</dd>
              <dt>{t('station')}</dt><dd>{record.station.name}</dd>
              <dt>{t('requester')}</dt><dd>{record.requester.name}</dd>
              <dt>{t('assignee')}</dt><dd data-testid="assignee">{record.assignee?.name ?? t('unassigned')}</dd>
            </dl>
          </section>
          {record.visits.length > 0 ? (
            <section className="card">
              <h2>{t('detail.visits')}</h2>
              <ul>
                {record.visits.map((visit) => (
                  <li key={visit.id}>
                    {t('detail.visitScheduled', { time: when(visit.scheduledAt), expert: visit.expert.name })}
                    {visit.outcome ? <div>{t('detail.visitOutcome', { outcome: visit.outcome })}</div> : null}
                  </li>
                ))}
              </ul>
            </section>
          ) : null}
          <ActivityLog events={activity} />
        </aside>
      </div>
    </article>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
