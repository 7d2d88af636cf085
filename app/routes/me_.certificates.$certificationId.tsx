import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { GeneralErrorBoundary } from '~/components/error-boundary'
import { useMessages } from '~/i18n/use-t'
import { getCertificate } from '~/modules/exams/certification.server'
import { useExamFormat } from '~/modules/exams/components/use-exam-format'
import { examMessages } from '~/modules/exams/messages'
import { requireUser } from '~/utils/auth.server'
import { invariantResponse } from '~/utils/permissions.server'

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request)
  const certificate = await getCertificate({ user, certificationId: params.certificationId! })
  invariantResponse(certificate, 'Certificate not found')
  return { certificate }
}

export const meta: MetaFunction = () => [{ title: 'GTAC · 技术等级证书 / Certificate' }]

/** A certificate laid out for paper: the page prints without the site's header (and the browser's Print saves a PDF). */
export default function CertificatePage() {
  const { certificate } = useLoaderData<typeof loader>()
  const t = useMessages(examMessages)
  const format = useExamFormat()
  return (
    <section>
      <div className="no-print button-row certificate-tools">
        <Link to="/me">← {t('cert.title')}</Link>
        <button type="button" className="button" onClick={() => window.print()}>{t('cert.print')}</button>
        <a href={`/me/certificates/${certificate.id}/pdf`} className="button button--ghost" download>{t('cert.downloadPdf')}</a>
        <span className="small muted">{t('cert.printHint')}</span>
      </div>
      <article className="certificate" data-testid="certificate">
        <p className="certificate__issuer">{t('cert.issuer')}</p>
        <h1 className="certificate__heading">{certificate.position ? t('cert.positionHeading') : t('cert.heading')}</h1>
        <p>{certificate.position ? t('cert.positionBody', { name: certificate.holder }) : t('cert.body', { name: certificate.holder })}</p>
        <p className="certificate__level">{certificate.position ? t(`position.${certificate.position}`) : t(`level.${certificate.level!}`)}</p>
        {certificate.station ? <p>{t('cert.station', { station: certificate.station })}</p> : null}
        {certificate.exam ? <p>{t('cert.exam', { title: certificate.exam.title, score: certificate.exam.score === null ? '—' : format.score(certificate.exam.score) })}</p> : null}
        <p>
          {t('cert.grantedOn', { date: format.date(certificate.grantedAt) })} ·{' '}
          {certificate.expired ? t('cert.expired', { date: format.date(certificate.expiresAt) }) : t('cert.validUntil', { date: format.date(certificate.expiresAt) })}
        </p>
        <p className="small muted">{t('cert.number', { id: certificate.id })}</p>
      </article>
    </section>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
