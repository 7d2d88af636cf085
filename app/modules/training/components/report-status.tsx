import { useMessages } from '~/i18n/use-t'
import { inhouseMessages } from '../messages'

/** A station report's state: not started, not submitted, returned for changes, or submitted. */
export function ReportStatus({ report }: { report: { status: 'DRAFT' | 'SUBMITTED'; returnNote?: string | null } | null }) {
  const t = useMessages(inhouseMessages)
  if (!report) return <span className="badge badge--draft">{t('report.none')}</span>
  if (report.status === 'SUBMITTED') return <span className="badge badge--submitted">{t('report.SUBMITTED')}</span>
  if (report.returnNote) return <span className="badge badge--returned">{t('report.RETURNED')}</span>
  return <span className="badge badge--draft">{t('report.DRAFT')}</span>
}
