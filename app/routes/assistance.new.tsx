import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData, useNavigation } from '@remix-run/react'
import { useState } from 'react'
import { z } from 'zod'
import { GeneralErrorBoundary } from '~/components/error-boundary'
import { useFieldErrors } from '~/components/field-errors'
import { FileUploadButton } from '~/components/file-upload-button'
import type { UploadedFile } from '~/components/rich-text-editor'
import { useLocalName, useMessages } from '~/i18n/use-t'
import { RequestInputError, canRequest, createRequest, recordDeflection } from '~/modules/assistance/assistance.server'
import { CaseSuggestions } from '~/modules/assistance/components/case-suggestions'
import { assistanceMessages } from '~/modules/assistance/messages'
import { assistanceFormSchema } from '~/modules/assistance/schema'
import { getCatalogue } from '~/modules/catalogue/catalogue.server'
import { requireUser } from '~/utils/auth.server'
import { invariantResponse } from '~/utils/permissions.server'
import { fieldErrors } from '~/utils/validation'

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request)
  invariantResponse(canRequest(user), 'Forbidden', 403)
  return getCatalogue()
}

export const meta: MetaFunction = () => [{ title: 'GTAC · 发起支援请求 / Request assistance' }]

const deflectSchema = z.object({ intent: z.literal('deflect'), caseId: z.string().min(1).max(40), caseTitle: z.string().max(200) })

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request)
  invariantResponse(canRequest(user), 'Forbidden', 403)
  const form = Object.fromEntries(await request.formData())
  if (form.intent === 'deflect') {
    const parsed = deflectSchema.safeParse(form)
    invariantResponse(parsed.success && (await recordDeflection({ user, caseId: parsed.data.caseId })), 'Case not found')
    return { deflected: { id: parsed.data.caseId, title: parsed.data.caseTitle } }
  }
  const parsed = assistanceFormSchema.safeParse(form)
  if (!parsed.success) return Response.json({ errors: fieldErrors(parsed.error) }, { status: 400 })
  const { vor, noneSolves: _confirmed, attachmentIds, ...fields } = parsed.data
  try {
    const created = await createRequest({ user, input: { ...fields, urgency: vor ? 'VOR' : 'NORMAL' }, attachmentIds })
    return redirect(`/assistance/${created.id}`)
  } catch (error) {
    if (error instanceof RequestInputError) return Response.json({ errors: error.errors }, { status: 400 })
    throw error
  }
}

export default function NewAssistanceRequest() {
  const { models, systems } = useLoaderData<typeof loader>()
  const actionData = useActionData<{ errors?: Record<string, string>; deflected?: { id: string; title: string } }>()
  const t = useMessages(assistanceMessages)
  const localName = useLocalName()
  const busy = useNavigation().state !== 'idle'
  const { fieldError, invalid } = useFieldErrors(actionData?.errors ?? {})
  const [modelId, setModelId] = useState('')
  const [dtcs, setDtcs] = useState('')
  const [symptoms, setSymptoms] = useState('')
  const [files, setFiles] = useState<UploadedFile[]>([])

  if (actionData?.deflected) {
    return (
      <section className="empty-page">
        <h1>{t('deflected.title')}</h1>
        <p className="notice notice--ok" role="status">{t('deflected.body', { title: actionData.deflected.title })}</p>
        <div className="button-row">
          <Link className="button" to={`/cases/${actionData.deflected.id}`}>{t('deflected.open')}</Link>
          <Link className="button button--ghost" to="/assistance">{t('title')}</Link>
        </div>
      </section>
    )
  }

  return (
    <section>
      <p><Link to="/assistance">← {t('title')}</Link></p>
      <h1>{t('newRequest')}</h1>
      <div className="request-layout">
        <Form method="post" noValidate>
          <input type="hidden" name="intent" value="create" />
          <input type="hidden" name="attachmentIds" value={files.map((file) => file.id).join(',')} />
          <section className="card">
            <h2>{t('form.vehicle')}</h2>
            <div className="grid">
              <div className="field">
                <label htmlFor="modelId">{t('form.model')}</label>
                <select id="modelId" name="modelId" value={modelId} onChange={(event) => setModelId(event.target.value)} {...invalid('modelId')}>
                  <option value="">{t('form.chooseModel')}</option>
                  {models.map((model) => <option key={model.id} value={model.id}>{localName(model)}</option>)}
                </select>
                {fieldError('modelId')}
              </div>
              <div className="field">
                <label htmlFor="year">{t('form.year')}</label>
                <input id="year" name="year" inputMode="numeric" {...invalid('year')} />
                {fieldError('year')}
              </div>
              <div className="field">
                <label htmlFor="vin">{t('form.vin')}</label>
                <input id="vin" name="vin" autoCapitalize="characters" maxLength={17} {...invalid('vin')} />
                {fieldError('vin')}
              </div>
              <div className="field">
                <label htmlFor="mileageKm">{t('form.mileage')}</label>
                <input id="mileageKm" name="mileageKm" inputMode="numeric" {...invalid('mileageKm')} />
                {fieldError('mileageKm')}
              </div>
            </div>
          </section>

          <section className="card">
            <h2>{t('form.fault')}</h2>
            <div className="grid">
              <div className="field">
                <label htmlFor="systemCode">{t('form.system')}</label>
                <select id="systemCode" name="systemCode" defaultValue="" {...invalid('systemCode')}>
                  <option value="">{t('form.chooseSystem')}</option>
                  {systems.map((system) => <option key={system.code} value={system.code}>{localName(system)}</option>)}
                </select>
                {fieldError('systemCode')}
              </div>
              <div className="field">
                <label htmlFor="dtcs">{t('form.dtcs')}</label>
                <input id="dtcs" name="dtcs" value={dtcs} onChange={(event) => setDtcs(event.target.value)} autoCapitalize="characters" {...invalid('dtcs')} />
                <p className="field-hint">{t('form.dtcsHint')}</p>
                {fieldError('dtcs') ?? fieldError('dtcs.0')}
              </div>
            </div>
            <div className="field">
              <label htmlFor="symptoms">{t('form.symptoms')}</label>
              <textarea id="symptoms" name="symptoms" rows={4} value={symptoms} onChange={(event) => setSymptoms(event.target.value)} {...invalid('symptoms')} />
              {fieldError('symptoms')}
            </div>
            <div className="field">
              <label htmlFor="tried">{t('form.tried')}</label>
              <textarea id="tried" name="tried" rows={3} {...invalid('tried')} />
              {fieldError('tried')}
            </div>
            <div className="field">
              <label htmlFor="readings">{t('form.readings')}</label>
              <textarea id="readings" name="readings" rows={3} {...invalid('readings')} />
              {fieldError('readings')}
            </div>
            <h3 className="small">{t('form.files')}</h3>
            {files.length > 0 ? <ul>{files.map((file) => <li key={file.id}><a href={file.url} target="_blank" rel="noreferrer">{file.fileName}</a></li>)}</ul> : null}
            <FileUploadButton label={t('form.upload')} onUploaded={(file) => setFiles((current) => [...current, file])} />
            {fieldError('attachmentIds')}
          </section>

          <section className="card">
            <label className="check-field">
              <input type="checkbox" name="vor" /> {t('form.vor')}
            </label>
            <label className="check-field">
              <input type="checkbox" name="noneSolves" {...invalid('noneSolves')} /> {t('form.noneSolves')}
            </label>
            {fieldError('noneSolves')}
            {fieldError('_form')}
            <button type="submit" className="button" disabled={busy}>{busy ? '…' : t('submit')}</button>
          </section>
        </Form>
        <CaseSuggestions modelId={modelId} dtcs={dtcs} symptoms={symptoms} />
      </div>
    </section>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
