import { useMessages } from '~/i18n/use-t'
import type { Level, Position } from '../levels'
import { examMessages } from '../messages'

export function LevelBadge({ level }: { level: Level }) {
  const t = useMessages(examMessages)
  return <span className={`badge badge--level badge--level-${level.toLowerCase()}`}>{t(`level.${level}`)}</span>
}

/** What passing a paper grants: its level, or its key-position certificate. */
export function GrantBadge({ level, position }: { level: Level | null; position: Position | null }) {
  const t = useMessages(examMessages)
  if (level) return <LevelBadge level={level} />
  return position ? <span className="badge badge--position">{t(`position.${position}`)}</span> : null
}
