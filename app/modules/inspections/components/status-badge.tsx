import { useMessages } from '~/i18n/use-t'
import { inspectionMessages } from '../messages'

const badgeClass = { SCHEDULED: 'badge badge--submitted', IN_PROGRESS: 'badge badge--draft', FINISHED: 'badge badge--approved' } as const

export function InspectionStatusBadge({ status }: { status: 'SCHEDULED' | 'IN_PROGRESS' | 'FINISHED' }) {
  const t = useMessages(inspectionMessages)
  return <span className={badgeClass[status]} data-testid="inspection-status">{t(`status.${status}`)}</span>
}

/** A score out of 100, or a dash while nothing counts yet. */
export const formatScore = (score: number | null | undefined) => (score === null || score === undefined ? '—' : `${score.toFixed(1)}`)

export function ScoreMeter({ score, label }: { score: number | null; label: string }) {
  const level = score === null ? 'none' : score >= 90 ? 'good' : score >= 75 ? 'fair' : 'poor'
  return (
    <div className={`score-meter score-meter--${level}`}>
      <span className="score-meter__label">{label}</span>
      <span className="score-meter__value">{formatScore(score)}</span>
    </div>
  )
}
