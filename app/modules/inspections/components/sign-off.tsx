import { useFetcher } from '@remix-run/react'
import { useFieldErrors } from '~/components/field-errors'
import { useLocale, useMessages } from '~/i18n/use-t'
import type { InspectionView } from '../inspections.server'
import { inspectionMessages, localizeInspectionError } from '../messages'

/** Both sides sign with their names once every item is scored (with its photo where one is required); two signatures finish the inspection. */
export function SignOff({ inspection }: { inspection: InspectionView }) {
  const t = useMessages(inspectionMessages)
  const locale = useLocale()
  const when = (value: Date | string) => new Date(value).toLocaleString(locale === 'zh' ? 'zh-CN' : 'en-GB', { dateStyle: 'medium', timeStyle: 'short' })
  const allScored = inspection.liveScore.scored === inspection.liveScore.items
  const ready = allScored && inspection.photosMissing === 0
  const mine = inspection.side === 'inspector' ? 'inspector' : inspection.canSignForStation ? 'station' : null
  const signatures = [
    { side: 'inspector' as const, label: t('signatureInspector'), name: inspection.inspectorSignature, at: inspection.inspectorSignedAt },
    { side: 'station' as const, label: t('signatureStation'), name: inspection.stationSignature, at: inspection.stationSignedAt },
  ]
  return (
    <section className="card" aria-labelledby="sign-title">
      <h2 id="sign-title">{t('signOff')}</h2>
      {inspection.status === 'FINISHED' && inspection.finishedAt ? <p className="notice notice--ok">{t('finishedAt', { time: when(inspection.finishedAt) })}</p> : <p className="field-hint">{t('signHint')}</p>}
      {inspection.status === 'IN_PROGRESS' && allScored && inspection.photosMissing > 0 ? (
        <p className="notice notice--warning" data-testid="photos-missing">{t('photosMissing', { count: inspection.photosMissing })}</p>
      ) : null}
      <dl className="signatures">
        {signatures.map((signature) => (
          <div key={signature.side} data-testid={`signature-${signature.side}`}>
            <dt>{signature.label}</dt>
            <dd>
              {signature.name && signature.at ? t('signedBy', { name: signature.name, time: when(signature.at) }) : t('notSigned')}
              {!signature.name && mine === signature.side && inspection.status === 'IN_PROGRESS' && ready ? <SignForm /> : null}
              {!signature.name && signature.side === 'station' && inspection.side === 'station' && !inspection.canSignForStation ? <span className="small muted"> {t('stationManagerSigns')}</span> : null}
            </dd>
          </div>
        ))}
      </dl>
    </section>
  )
}

function SignForm() {
  const t = useMessages(inspectionMessages)
  const locale = useLocale()
  const fetcher = useFetcher<{ errors?: Record<string, string> }>()
  const { fieldError, invalid } = useFieldErrors(fetcher.data?.errors ?? {}, 'sign-', (value) => localizeInspectionError(value, locale))
  return (
    <fetcher.Form method="post" className="inline-form sign-form" noValidate>
      <input type="hidden" name="intent" value="sign" />
      <div className="field">
        <label htmlFor="sign-signature">{t('signAs')}</label>
        <input id="sign-signature" name="signature" autoComplete="name" maxLength={100} {...invalid('signature')} />
        {fieldError('signature')}
      </div>
      <button type="submit" className="button" disabled={fetcher.state !== 'idle'}>{t('sign')}</button>
    </fetcher.Form>
  )
}
