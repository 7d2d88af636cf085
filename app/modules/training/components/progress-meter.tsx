import { useMessages } from '~/i18n/use-t'
import { trainingMessages } from '../messages'

/** A course's progress as a bar with its numbers in words (for screen readers too). */
export function ProgressMeter({ done, total, percent }: { done: number; total: number; percent: number }) {
  const t = useMessages(trainingMessages)
  const label = t('progress', { done, total })
  return (
    <div className="course-progress">
      <div className="course-progress__bar" role="progressbar" aria-label={t('progressLabel')} aria-valuemin={0} aria-valuemax={100} aria-valuenow={percent} aria-valuetext={label}>
        <span style={{ width: `${percent}%` }} />
      </div>
      <span className="small muted">{label}</span>
    </div>
  )
}
