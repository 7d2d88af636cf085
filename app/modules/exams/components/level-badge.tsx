import { useMessages } from '~/i18n/use-t'
import type { Level } from '../levels'
import { examMessages } from '../messages'

export function LevelBadge({ level }: { level: Level }) {
  const t = useMessages(examMessages)
  return <span className={`badge badge--level badge--level-${level.toLowerCase()}`}>{t(`level.${level}`)}</span>
}
