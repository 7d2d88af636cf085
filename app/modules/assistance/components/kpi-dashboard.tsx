import { ChartFigure } from '~/components/chart-figure'
import { useLocale, useMessages } from '~/i18n/use-t'
import type { KpiCharts } from '../kpi-charts.server'
import type { KpiDimension, KpiReport } from '../kpi.server'
import { formatHours, formatRate, groupLabel, kpiMessages, type KpiMessageKey } from '../kpi-messages'
import { KpiGroupTable } from './kpi-group-table'
import { KpiTiles } from './kpi-tiles'

type Translate = (key: KpiMessageKey, vars?: Record<string, string | number>) => string

function groupChartNote(report: KpiReport, charted: number, t: Translate) {
  if (charted >= report.groups.length) return undefined
  return report.groupBy === 'month' ? t('kpi.chart.latestMonths', { count: charted }) : t('kpi.chart.topGroups', { count: charted })
}

/** Tiles, charts, the table by dimension and how each figure is counted. */
export function KpiDashboard({ report, groupBy, charts }: { report: KpiReport; groupBy: KpiDimension; charts: KpiCharts }) {
  const t = useMessages(kpiMessages)
  const locale = useLocale()
  const dimension = t(`kpi.dimension.${groupBy}`)
  const note = groupChartNote(report, charts.chartedGroupCount, t)
  const label = (group: KpiReport['groups'][number]) => groupLabel(group, locale)
  return (
    <>
      <KpiTiles figures={report.total} />
      <div className="chart-grid">
        <ChartFigure
          title={t('kpi.chart.weekly')}
          svg={charts.weeklyRequests}
          data={{ columns: [t('kpi.week'), t('kpi.requests')], rows: report.weeks.map((week) => [week.weekStart, String(week.requests)]) }}
        />
        <ChartFigure
          title={t('kpi.chart.slaByMonth')}
          svg={charts.slaByMonth}
          data={{
            columns: [t('kpi.month'), t('kpi.answeredWithinSla'), t('kpi.closedWithinSla')],
            rows: report.months.map((month) => [month.month, formatRate(month.answeredWithinSla.rate, locale), formatRate(month.closedWithinSla.rate, locale)]),
          }}
        />
        {charts.firstTimeFixByGroup ? (
          <ChartFigure
            title={t('kpi.chart.firstTimeFix', { dimension })}
            note={note}
            svg={charts.firstTimeFixByGroup}
            data={{ columns: [dimension, t('kpi.firstTimeFix')], rows: report.groups.map((group) => [label(group), formatRate(group.firstTimeFix.rate, locale)]) }}
          />
        ) : null}
        {charts.mediansByGroup ? (
          <ChartFigure
            title={t('kpi.chart.medians', { dimension })}
            note={note}
            svg={charts.mediansByGroup}
            data={{
              columns: [dimension, t('kpi.medianHoursToClaim'), t('kpi.medianHoursToClose')],
              rows: report.groups.map((group) => [label(group), formatHours(group.medianHoursToClaim, locale), formatHours(group.medianHoursToClose, locale)]),
            }}
          />
        ) : null}
      </div>
      <KpiGroupTable groupBy={groupBy} groups={report.groups} />
      <details className="kpi-definitions">
        <summary>{t('kpi.definitions')}</summary>
        <ul>
          <li>{t('kpi.definition.answered')}</li>
          <li>{t('kpi.definition.closed')}</li>
          <li>{t('kpi.definition.firstTimeFix')}</li>
          <li>{t('kpi.definition.medians')}</li>
          <li>{t('kpi.definition.period', { timeZone: report.timeZone })}</li>
        </ul>
      </details>
    </>
  )
}
