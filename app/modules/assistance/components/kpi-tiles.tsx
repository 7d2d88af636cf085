import { useLocale, useMessages } from '~/i18n/use-t'
import type { KpiFigures, Share } from '../kpi.server'
import { formatCount, formatHours, formatRate, formatShareDetail, kpiMessages, type KpiMessageKey } from '../kpi-messages'

function Tile({ label, value, detail }: { label: string; value: string; detail?: string }) {
  return (
    <div className="kpi-tile">
      <dt className="kpi-tile__label">{label}</dt>
      <dd className="kpi-tile__value">{value}</dd>
      {detail ? <dd className="kpi-tile__detail">{detail}</dd> : null}
    </div>
  )
}

/** The headline figures of the whole range. */
export function KpiTiles({ figures }: { figures: KpiFigures }) {
  const t = useMessages(kpiMessages)
  const locale = useLocale()
  const shareTile = (label: KpiMessageKey, share: Share) => (
    <Tile label={t(label)} value={formatRate(share.rate, locale)} detail={formatShareDetail(share, locale)} />
  )
  return (
    <dl className="kpi-tiles">
      <Tile label={t('kpi.requests')} value={formatCount(figures.requests, locale)} />
      {shareTile('kpi.answeredWithinSla', figures.answeredWithinSla)}
      {shareTile('kpi.closedWithinSla', figures.closedWithinSla)}
      {shareTile('kpi.firstTimeFix', figures.firstTimeFix)}
      <Tile label={t('kpi.medianHoursToClaim')} value={formatHours(figures.medianHoursToClaim, locale)} />
      <Tile label={t('kpi.medianHoursToClose')} value={formatHours(figures.medianHoursToClose, locale)} />
    </dl>
  )
}
