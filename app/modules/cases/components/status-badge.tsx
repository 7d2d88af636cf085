import type { CaseStatus } from '~/generated/prisma/enums'
import { useT } from '~/i18n/use-t'

export function StatusBadge({ status }: { status: CaseStatus }) {
  const t = useT()
  return <span className={`badge badge--${status.toLowerCase()}`}>{t(`case.status.${status}`)}</span>
}
