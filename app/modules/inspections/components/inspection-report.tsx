import { useLocalName, useLocale, useMessages } from '~/i18n/use-t'
import type { InspectionView } from '../inspections.server'
import { inspectionMessages } from '../messages'
import { ScoreCard } from './score-card'
import { InspectionStatusBadge } from './status-badge'

/**
 * The inspection as one printable document: facts, the score by section, every checkpoint with
 * its result, note and evidence photos, the corrective actions with their proof, the signatures.
 */
export function InspectionReport({ inspection, renderFiles }: { inspection: InspectionView; renderFiles: (ids: string[]) => React.ReactNode }) {
  const t = useMessages(inspectionMessages)
  const localName = useLocalName()
  const locale = useLocale()
  const when = (value: Date | string | null) => (value ? new Date(value).toLocaleString(locale === 'zh' ? 'zh-CN' : 'en-GB', { dateStyle: 'medium', timeStyle: 'short' }) : '—')
  const results = new Map(inspection.results.map((result) => [result.itemId, result]))
  const items = new Map(inspection.template.sections.flatMap((section) => section.items.map((item) => [item.id, { ...item, code: `${section.position}.${item.position}` }])))
  const text = (entry: { textZh: string; textEn: string }) => (locale === 'zh' ? entry.textZh : entry.textEn)
  return (
    <article className="inspection-report">
      <h1>{t('reportTitle', { number: inspection.number })} · {localName(inspection.template)}</h1>
      <dl className="report-facts">
        <dt>{t('station')}</dt><dd>{inspection.station.code} · {inspection.station.name} · {inspection.station.region}</dd>
        <dt>{t('inspector')}</dt><dd>{inspection.inspector.name}</dd>
        <dt>{t('checklist')}</dt><dd>{localName(inspection.template)} · {t('version', { version: inspection.template.version })}</dd>
        <dt>{t('when')}</dt><dd>{when(inspection.scheduledAt)}</dd>
        <dt>{t('finished')}</dt><dd>{when(inspection.finishedAt)} <InspectionStatusBadge status={inspection.status} /></dd>
      </dl>
      <ScoreCard inspection={inspection} />
      {inspection.template.sections.map((section) => (
        <section key={section.id} className="report-section">
          <h2>{locale === 'zh' ? section.titleZh : section.titleEn}</h2>
          <table className="table data-table report-items">
            <thead>
              <tr><th scope="col">#</th><th scope="col">{t('item')}</th><th scope="col">{t('result')}</th><th scope="col">{t('note')}</th></tr>
            </thead>
            <tbody>
              {section.items.map((item) => {
                const result = results.get(item.id)
                return (
                  <tr key={item.id} className={result ? `report-item--${result.outcome.toLowerCase()}` : undefined}>
                    <td>{section.position}.{item.position}</td>
                    <td>{text(item)} <span className="small muted">{t('weight', { weight: item.weight })}</span></td>
                    <td>{result ? t(`outcome.${result.outcome}`) : t('notScored')}</td>
                    <td>
                      {result?.note}
                      {result && result.evidenceIds.length > 0 ? renderFiles(result.evidenceIds) : null}
                    </td>
                  </tr>
                )
              })}
            </tbody>
          </table>
        </section>
      ))}
      <section className="report-section">
        <h2>{t('actions')}</h2>
        {inspection.actions.length === 0 ? <p>{t('noActions')}</p> : null}
        {inspection.actions.map((action) => {
          const item = items.get(action.itemId)
          return (
            <div key={action.id} className="report-action">
              <h3>{item ? `${item.code} ${text(item)}` : ''} · {t(`actionStatus.${action.status}`)}</h3>
              <p>{t('actionMeta', { owner: action.owner.name, due: new Date(action.dueAt).toLocaleDateString(locale === 'zh' ? 'zh-CN' : 'en-GB') })}</p>
              <p>{t('requiredProof')}: {action.requiredProof}</p>
              {action.proofNote ? <p>{action.proofNote}</p> : null}
              {renderFiles(action.proofIds)}
            </div>
          )
        })}
      </section>
      <section className="report-section">
        <h2>{t('signatures')}</h2>
        <dl className="report-facts">
          <dt>{t('signatureInspector')}</dt><dd>{inspection.inspectorSignature ? t('signedBy', { name: inspection.inspectorSignature, time: when(inspection.inspectorSignedAt) }) : t('notSigned')}</dd>
          <dt>{t('signatureStation')}</dt><dd>{inspection.stationSignature ? t('signedBy', { name: inspection.stationSignature, time: when(inspection.stationSignedAt) }) : t('notSigned')}</dd>
        </dl>
      </section>
    </article>
  )
}
