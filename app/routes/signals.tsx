import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { GeneralErrorBoundary } from '~/components/error-boundary'
import { translateFrom } from '~/i18n/messages'
import { getLocale } from '~/i18n/locale.server'
import { useLocale, useMessages } from '~/i18n/use-t'
import { signalMessages } from '~/modules/signals/messages'
import { fieldSignals, maySeeSignals, signalRules } from '~/modules/signals/signals.server'
import { requireUser } from '~/utils/auth.server'
import { invariantResponse } from '~/utils/permissions.server'

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request)
  invariantResponse(maySeeSignals(user), 'Only engineers, trainers and admins watch field signals', 403)
  const locale = await getLocale(request)
  return { signals: await fieldSignals({ locale, chartLabel: translateFrom(signalMessages, locale, 'trend') }), rules: signalRules() }
}

export const meta: MetaFunction = () => [{ title: '批量故障预警 / Field signals · GTAC' }]

/** The bulletin editor, opened with what the signal knows: vehicle, fault, and the evidence as links. */
function draftHref(signal: { modelId: string; dtc: string | null; systemCode: string | null; modelName: string; symptom: string | null; evidence: Array<{ link: string }> }) {
  const params = new URLSearchParams({ model: signal.modelId, title: `${signal.modelName} ${signal.dtc ?? signal.symptom ?? ''}` })
  if (signal.dtc) params.set('dtc', signal.dtc)
  if (signal.systemCode) params.set('system', signal.systemCode)
  for (const item of signal.evidence) params.append('evidence', item.link)
  return `/bulletins/new?${params}`
}

export default function SignalsPage() {
  const { signals, rules } = useLoaderData<typeof loader>()
  const t = useMessages(signalMessages)
  const locale = useLocale()
  return (
    <section className="signals">
      <h1>{t('title')}</h1>
      <p className="muted">{t('intro', { days: rules.windowDays, stations: rules.minStations, reports: rules.minReports, ratio: rules.ratio })}</p>
      {signals.length === 0 ? <p className="empty-state">{t('empty')}</p> : null}
      {signals.map((signal) => (
        <article key={signal.id} className="card signal-card" aria-labelledby={`signal-${signal.id}`} data-dtc={signal.dtc ?? ''}>
          <h2 id={`signal-${signal.id}`}>{t('card', { model: signal.modelName, fault: signal.dtc ?? `${signal.systemName} · ${signal.symptom}` })}</h2>
          <p>{t('counts', { reports: signal.reportCount, stations: signal.stationCount, baseline: signal.baselinePerWindow, days: rules.windowDays })}</p>
          {signal.regions.length ? <p className="small muted">{t('regions', { regions: signal.regions.join('、') })}</p> : null}
          <figure className="signal-card__chart">
            <div role="img" aria-label={t('trend')} dangerouslySetInnerHTML={{ __html: signal.chart }} />
            <figcaption className="small muted">{t('trend')}</figcaption>
          </figure>
          <h3>{t('evidence')}</h3>
          <ul className="signal-card__evidence">
            {signal.evidence.map((item) => (
              <li key={item.link}>
                <span className="badge badge--submitted">{t(`kind.${item.kind}`)}</span> <Link to={item.link}>{item.title}</Link>
                <span className="small muted"> · {item.station ?? '–'} · {new Date(item.createdAt).toLocaleDateString(locale === 'zh' ? 'zh-CN' : 'en-GB')}</span>
              </li>
            ))}
          </ul>
          <Link to={draftHref(signal)} className="button">{t('draftBulletin')}</Link>
        </article>
      ))}
    </section>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
