import type { AssistanceStatus } from '~/generated/prisma/enums'
import { useMessages } from '~/i18n/use-t'
import { assistanceMessages } from '../messages'

export function RequestStatus({ status }: { status: AssistanceStatus }) {
  const t = useMessages(assistanceMessages)
  return <span className={`badge badge--request-${status.toLowerCase()}`}>{t(`status.${status}`)}</span>
}

export function UrgencyBadge({ urgency }: { urgency: 'VOR' | 'NORMAL' }) {
  const t = useMessages(assistanceMessages)
  return urgency === 'VOR' ? <span className="badge badge--vor">{t('urgency.VOR')}</span> : null
}
