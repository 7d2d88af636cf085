import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Form, Link, useFetcher, useLoaderData, useNavigation } from '@remix-run/react'
import { useState } from 'react'
import { GeneralErrorBoundary } from '~/components/error-boundary'
import { useRevalidateOn, useSubscription } from '~/components/realtime'
import { uploadFile } from '~/components/rich-text-editor'
import { translateFrom } from '~/i18n/messages'
import { getLocale } from '~/i18n/locale.server'
import { useLocalName, useLocale, useMessages } from '~/i18n/use-t'
import { Checklist } from '~/modules/inspections/components/checklist'
import { CorrectiveActions } from '~/modules/inspections/components/corrective-actions'
import { ScoreCard } from '~/modules/inspections/components/score-card'
import { SignOff } from '~/modules/inspections/components/sign-off'
import { InspectionStatusBadge } from '~/modules/inspections/components/status-badge'
import { getInspection, performInspectionAction, type InspectionView } from '~/modules/inspections/inspections.server'
import { mayJoinInspectionCall } from '~/modules/inspections/live-access.server'
import { inspectionMessages, localizeInspectionError } from '~/modules/inspections/messages'
import { INSPECTION_EVENTS, inspectionCallRoom } from '~/modules/inspections/rooms'
import { inspectionActionSchema } from '~/modules/inspections/schema'
import { mayRecordLiveRoom } from '~/modules/live/access.server'
import type { Stroke } from '~/modules/live/annotation'
import { AnnotatedImage } from '~/modules/live/components/annotated-image'
import { LiveCall } from '~/modules/live/components/live-call'
import { RecordingControl } from '~/modules/live/components/recording-control'
import { RecordingList } from '~/modules/live/components/recording-list'
import { SnapshotTool } from '~/modules/live/components/snapshot-tool'
import { listRecordings } from '~/modules/live/recording.server'
import { LIVE_EVENTS } from '~/modules/live/rooms'
import { requireUser } from '~/utils/auth.server'
import { invariantResponse } from '~/utils/permissions.server'
import { fieldErrors } from '~/utils/validation'

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request)
  const inspection = await getInspection({ user, inspectionId: params.inspectionId! })
  invariantResponse(inspection, 'Inspection not found')
  const room = inspectionCallRoom(inspection.id)
  const [canCall, canRecord, recordings] = await Promise.all([mayJoinInspectionCall(user, inspection.id), mayRecordLiveRoom(user, room), listRecordings({ user, roomId: room })])
  return { inspection, userId: user.id, userName: user.name, callRoom: canCall ? room : null, canRecord, recordings }
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `巡检 #${data.inspection.number} / Inspection #${data.inspection.number} · GTAC` : 'GTAC' }]

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request)
  const parsed = inspectionActionSchema.safeParse(Object.fromEntries(await request.formData()))
  if (!parsed.success) return Response.json({ errors: fieldErrors(parsed.error) }, { status: 400 })
  const outcome = await performInspectionAction({ user, inspectionId: params.inspectionId!, action: parsed.data })
  if (outcome.ok) return { ok: true }
  if (outcome.reason === 'invalid-input') return Response.json({ errors: outcome.errors }, { status: 400 })
  const status = { 'not-found': 404, forbidden: 403, 'invalid-state': 409 }[outcome.reason]
  return Response.json({ errors: { _form: translateFrom(inspectionMessages, await getLocale(request), `error.${outcome.reason}`) } }, { status })
}

export default function InspectionPage() {
  const { inspection, userId, userName, callRoom, canRecord, recordings } = useLoaderData<typeof loader>()
  const t = useMessages(inspectionMessages)
  const localName = useLocalName()
  const locale = useLocale()
  const navigation = useNavigation()
  useSubscription(INSPECTION_EVENTS.watch, { inspectionId: inspection.id })
  useRevalidateOn([INSPECTION_EVENTS.changed, LIVE_EVENTS.recordingsChanged])
  const when = (value: Date | string) => new Date(value).toLocaleString(locale === 'zh' ? 'zh-CN' : 'en-GB', { dateStyle: 'medium', timeStyle: 'short' })
  const files = new Map(inspection.attachments.map((file) => [file.id, file]))
  const renderFiles = (ids: string[]) => (
    <ul className="evidence-list">
      {ids.map((id) => {
        const file = files.get(id)
        if (!file) return null
        return (
          <li key={id}>
            {file.mimeType.startsWith('image/') ? (
              <a href={`/files/${id}`} target="_blank" rel="noreferrer" aria-label={file.fileName}>
                <AnnotatedImage src={`/files/${id}`} alt={file.fileName} className="evidence-image" annotations={file.annotations} />
              </a>
            ) : (
              <a href={`/files/${id}`} target="_blank" rel="noreferrer">{file.fileName}</a>
            )}
          </li>
        )
      })}
    </ul>
  )

  return (
    <article className="inspection-page">
      <p><Link to="/inspections">← {t('title')}</Link></p>
      <header className="case-header">
        <div>
          <h1>{t('number', { number: inspection.number })} · {localName(inspection.template)}</h1>
          <p className="hit__meta">
            <InspectionStatusBadge status={inspection.status} />
            <span>{t('version', { version: inspection.template.version })}</span>
            <span>{t('station')}: {inspection.station.code} · {inspection.station.name}</span>
            <span>{t('inspector')}: {inspection.inspector.name}</span>
            <span>{when(inspection.scheduledAt)}</span>
          </p>
        </div>
        {inspection.status === 'FINISHED' ? <Link className="button button--ghost" to={`/inspections/${inspection.id}/report`}>{t('report')}</Link> : null}
        {inspection.side === 'inspector' && inspection.status === 'SCHEDULED' ? (
          <Form method="post" className="start-form">
            <input type="hidden" name="intent" value="start" />
            <button type="submit" className="button" disabled={navigation.state !== 'idle'}>{t('start')}</button>
            <p className="field-hint">{t('startHint')}</p>
          </Form>
        ) : null}
      </header>

      <div className="inspection-layout">
        <div>
          {callRoom ? <InspectionCall inspection={inspection} room={callRoom} userId={userId} userName={userName} canRecord={canRecord} /> : null}
          <RecordingList recordings={recordings} />
          {inspection.status === 'SCHEDULED' && inspection.side === 'station' ? <p className="notice">{t('waitingStart')}</p> : null}
          <Checklist inspection={inspection} renderEvidence={renderFiles} />
        </div>
        <aside>
          <ScoreCard inspection={inspection} />
          <CorrectiveActions inspection={inspection} userId={userId} canSubmitForStation={inspection.canSignForStation} renderProof={renderFiles} />
          {inspection.status !== 'SCHEDULED' ? <SignOff inspection={inspection} /> : null}
        </aside>
      </div>
    </article>
  )
}

/**
 * The shared call with the inspection's tools: a snapshot becomes evidence of the chosen item,
 * or the fresh proof that verifies an open action at once.
 */
function InspectionCall({ inspection, room, userId, userName, canRecord }: { inspection: InspectionView; room: string; userId: string; userName: string; canRecord: boolean }) {
  const t = useMessages(inspectionMessages)
  const locale = useLocale()
  const fetcher = useFetcher<{ errors?: Record<string, string> }>()
  const [target, setTarget] = useState('')
  const scored = new Set(inspection.results.map((result) => result.itemId))
  const items = inspection.template.sections.flatMap((section) =>
    section.items.filter((item) => scored.has(item.id)).map((item) => ({ value: `item:${item.id}`, label: t('evidenceForItem', { code: `${section.position}.${item.position}`, text: locale === 'zh' ? item.textZh : item.textEn }) })),
  )
  const texts = new Map(inspection.template.sections.flatMap((section) => section.items.map((item) => [item.id, locale === 'zh' ? item.textZh : item.textEn])))
  const verifiable =
    inspection.side === 'inspector'
      ? inspection.actions.filter((action) => action.status === 'OPEN' || action.status === 'REOPENED').map((action) => ({ value: `verify:${action.id}`, label: t('evidenceForVerify', { text: texts.get(action.itemId) ?? '' }) }))
      : []
  const options = [...items, ...verifiable]
  const chosen = options.some((option) => option.value === target) ? target : (options.at(-1)?.value ?? '')

  const linkToInspection = async (id: string) => {
    const linked = await fetch(`/api/inspections/${inspection.id}/files`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ attachmentId: id }) })
    if (!linked.ok) throw new Error(`attach: ${linked.status}`)
  }
  const uploadImage = (blob: Blob) => uploadFile(new File([blob], `inspection-${inspection.number}-${Date.now()}.jpg`, { type: 'image/jpeg' }))
  // A frozen frame (or the still the other side asks for) is the inspection's at once, so both may open it.
  const uploadFrame = async (blob: Blob) => {
    const file = await uploadImage(blob)
    await linkToInspection(file.id)
    return file
  }
  const saveSnapshot = async (blob: Blob, annotations: Stroke[]) => {
    const [kind, id] = chosen.split(':')
    if (!id) throw new Error(t('evidenceHint'))
    const file = await uploadImage(blob)
    const saved = await fetch(`/api/attachments/${file.id}/annotations`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ annotations }) })
    if (!saved.ok) throw new Error(`annotations: ${saved.status}`)
    fetcher.submit(kind === 'verify' ? { intent: 'verify', actionId: id, proofIds: file.id } : { intent: 'evidence', itemId: id, attachmentId: file.id }, { method: 'post' })
  }
  const errors = Object.values(fetcher.data?.errors ?? {})

  return (
    <LiveCall
      roomId={room}
      selfName={userName}
      tools={(call) => (
        <>
          <RecordingControl call={call} selfUserId={userId} canRecord={canRecord} />
          {options.length > 0 ? (
            <div className="field evidence-target">
              <label htmlFor="evidence-target">{t('evidenceFor')}</label>
              <select id="evidence-target" value={chosen} onChange={(event) => setTarget(event.target.value)}>
                {options.map((option) => <option key={option.value} value={option.value}>{option.label}</option>)}
              </select>
              <p className="field-hint">{t('evidenceHint')}</p>
            </div>
          ) : null}
          <SnapshotTool call={call} onSave={saveSnapshot} uploadFrame={uploadFrame} />
          {errors.length > 0 ? <p className="field-error" role="alert">{errors.map((message) => localizeInspectionError(message, locale)).join(' ')}</p> : null}
        </>
      )}
    />
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
