import { Form } from '@remix-run/react'
import { DateRangeFields } from '~/components/date-range-fields'
import { useMessages } from '~/i18n/use-t'
import type { KpiDimension } from '../kpi.server'
import { kpiMessages } from '../kpi-messages'

const DIMENSIONS: KpiDimension[] = ['system', 'expert', 'region', 'month']

/** A GET form: the filters live in the URL, so a view can be bookmarked, shared and exported. */
export function KpiFilters({ from, to, groupBy }: { from: string; to: string; groupBy: KpiDimension }) {
  const t = useMessages(kpiMessages)
  return (
    <Form method="get" className="kpi-filters card" aria-label={t('kpi.filters')} key={`${from}/${to}/${groupBy}`}>
      <DateRangeFields idPrefix="kpi" from={from} to={to} labels={{ from: t('kpi.from'), to: t('kpi.to') }} />
      <div className="field">
        <label htmlFor="kpi-group">{t('kpi.groupBy')}</label>
        <select id="kpi-group" name="groupBy" defaultValue={groupBy}>
          {DIMENSIONS.map((dimension) => (
            <option key={dimension} value={dimension}>
              {t(`kpi.dimension.${dimension}`)}
            </option>
          ))}
        </select>
      </div>
      <button type="submit" className="button">{t('kpi.apply')}</button>
    </Form>
  )
}
