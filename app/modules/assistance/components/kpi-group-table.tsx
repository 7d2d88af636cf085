import { useLocale, useMessages } from '~/i18n/use-t'
import type { KpiDimension, KpiGroup, Share } from '../kpi.server'
import { formatCount, formatHours, formatRate, formatShareDetail, groupLabel, kpiMessages } from '../kpi-messages'

/** Every group of the chosen dimension, with the counts behind each share. */
export function KpiGroupTable({ groupBy, groups }: { groupBy: KpiDimension; groups: KpiGroup[] }) {
  const t = useMessages(kpiMessages)
  const locale = useLocale()
  const dimension = t(`kpi.dimension.${groupBy}`)
  const shareCell = (share: Share) => (
    <td className="kpi-number">
      {formatRate(share.rate, locale)} <span className="muted small">({formatShareDetail(share, locale)})</span>
    </td>
  )
  return (
    <div className="kpi-table-wrap">
      <table className="table kpi-table">
        <caption>{t('kpi.table.caption', { dimension })}</caption>
        <thead>
          <tr>
            <th scope="col">{dimension}</th>
            <th scope="col" className="kpi-number">{t('kpi.requests')}</th>
            <th scope="col" className="kpi-number">{t('kpi.answeredWithinSla')}</th>
            <th scope="col" className="kpi-number">{t('kpi.closedWithinSla')}</th>
            <th scope="col" className="kpi-number">{t('kpi.firstTimeFix')}</th>
            <th scope="col" className="kpi-number">{t('kpi.medianHoursToClaim')}</th>
            <th scope="col" className="kpi-number">{t('kpi.medianHoursToClose')}</th>
          </tr>
        </thead>
        <tbody>
          {groups.map((group) => (
            <tr key={group.key ?? ''}>
              <th scope="row">{groupLabel(group, locale)}</th>
              <td className="kpi-number">{formatCount(group.requests, locale)}</td>
              {shareCell(group.answeredWithinSla)}
              {shareCell(group.closedWithinSla)}
              {shareCell(group.firstTimeFix)}
              <td className="kpi-number">{formatHours(group.medianHoursToClaim, locale)}</td>
              <td className="kpi-number">{formatHours(group.medianHoursToClose, locale)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}
