import { useId } from 'react'
import { ChartFigure } from '~/components/chart-figure'
import { useLocale, useMessages } from '~/i18n/use-t'
import type { PassFigures } from '../analytics.server'
import { analyticsMessages, formatCount, formatRate, formatScore } from '../analytics-messages'

export type PassRateRow = {
  key: string
  label: string
  figures: PassFigures
  candidates?: number
}

/** One dimension of the analytics: its chart, every row in a table, and the table as CSV. */
export function PassRateSection({
  title,
  dimension,
  rows,
  svg,
  note,
  csvHref,
  wide = false,
}: {
  title: string
  dimension: string
  rows: PassRateRow[]
  svg: string
  note?: string
  csvHref: string
  /** The whole width, chart and table side by side (when there is room). */
  wide?: boolean
}) {
  const t = useMessages(analyticsMessages)
  const locale = useLocale()
  const headingId = useId()
  const withCandidates = rows.some((row) => row.candidates !== undefined)
  return (
    <section className={wide ? 'analytics-section analytics-section--wide' : 'analytics-section'} aria-labelledby={headingId}>
      <div className="analytics-section__head">
        <h2 id={headingId}>{title}</h2>
        <a href={csvHref} className="button button--ghost" download aria-label={t('analytics.exportCsvOf', { table: title })}>
          {t('analytics.exportCsv')}
        </a>
      </div>
      <div className="analytics-section__body">
        <ChartFigure
          title={title}
          note={note}
          svg={svg}
          data={{
            columns: [dimension, t('analytics.passRate')],
            rows: rows.map((row) => [row.label, formatRate(row.figures.passRate, locale)]),
          }}
        />
        {/* Focusable, so a keyboard can scroll it where it is wider than a phone. */}
        <div className="kpi-table-wrap" tabIndex={0} role="group" aria-label={t('analytics.tableOf', { table: title })}>
          <table className="table kpi-table">
            <thead>
              <tr>
                <th scope="col">{dimension}</th>
                {withCandidates ? (
                  <th scope="col" className="kpi-number">
                    {t('analytics.candidates')}
                  </th>
                ) : null}
                <th scope="col" className="kpi-number">
                  {t('analytics.attempts')}
                </th>
                <th scope="col" className="kpi-number">
                  {t('analytics.passed')}
                </th>
                <th scope="col" className="kpi-number">
                  {t('analytics.passRate')}
                </th>
                <th scope="col" className="kpi-number">
                  {t('analytics.meanScore')}
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={row.key}>
                  <th scope="row">{row.label}</th>
                  {withCandidates ? <td className="kpi-number">{formatCount(row.candidates ?? 0, locale)}</td> : null}
                  <td className="kpi-number">{formatCount(row.figures.attempts, locale)}</td>
                  <td className="kpi-number">{formatCount(row.figures.passed, locale)}</td>
                  <td className="kpi-number">{formatRate(row.figures.passRate, locale)}</td>
                  <td className="kpi-number">{formatScore(row.figures.meanScore, locale)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </div>
    </section>
  )
}
