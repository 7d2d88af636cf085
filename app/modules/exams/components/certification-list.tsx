import { Link } from '@remix-run/react'
import { useMessages } from '~/i18n/use-t'
import type { Level, Position } from '../levels'
import { examMessages } from '../messages'
import { GrantBadge } from './level-badge'
import { useExamFormat } from './use-exam-format'

export type CertificationItem = { id: string; level: Level; grantedAt: Date | string; expiresAt: Date | string; expired: boolean }
export type PositionCertificateItem = { id: string; position: Position; grantedAt: Date | string; expiresAt: Date | string; expired: boolean }

/** The levels (and key positions) a user holds, the latest certificate of each, for the member center and the exam list. */
export function CertificationList({
  certifications,
  positions = [],
  showLink = true,
}: {
  certifications: CertificationItem[]
  positions?: PositionCertificateItem[]
  showLink?: boolean
}) {
  const t = useMessages(examMessages)
  const format = useExamFormat()
  if (certifications.length === 0 && positions.length === 0) {
    return (
      <p className="muted">
        {t('cert.none')} {showLink ? <Link to="/exams">{t('cert.takeExam')}</Link> : null}
      </p>
    )
  }
  return (
    <ul className="certifications" data-testid="certifications">
      {[...certifications.map((item) => ({ ...item, position: null })), ...positions.map((item) => ({ ...item, level: null }))].map((certification) => (
        <li key={certification.id} className={certification.expired ? 'certification certification--expired' : 'certification'}>
          <GrantBadge level={certification.level} position={certification.position} />
          <span className="small">{t('cert.grantedOn', { date: format.date(certification.grantedAt) })}</span>
          <span className="small">
            {certification.expired ? t('cert.expired', { date: format.date(certification.expiresAt) }) : t('cert.validUntil', { date: format.date(certification.expiresAt) })}
          </span>
          {showLink ? <Link className="small" to={`/me/certificates/${certification.id}`}>{t('cert.view')}</Link> : null}
        </li>
      ))}
    </ul>
  )
}
