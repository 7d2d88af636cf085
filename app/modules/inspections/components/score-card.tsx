import { useLocalName, useMessages } from '~/i18n/use-t'
import type { InspectionView } from '../inspections.server'
import { inspectionMessages } from '../messages'
import { ScoreMeter, formatScore } from './status-badge'

/** The live score as both sides see it: total, progress and each section. */
export function ScoreCard({ inspection }: { inspection: InspectionView }) {
  const t = useMessages(inspectionMessages)
  const localName = useLocalName()
  const score = inspection.liveScore
  const title = (section: { titleZh: string; titleEn: string }) => localName({ nameZh: section.titleZh, nameEn: section.titleEn })
  return (
    <section className="card score-card" aria-labelledby="score-title">
      <h2 id="score-title">{inspection.status === 'FINISHED' ? t('score') : t('liveScore')}</h2>
      <div className="score-card__head" aria-live="polite" data-testid="live-score">
        <ScoreMeter score={score.total} label={t('totalScore')} />
        <p className="muted" data-testid="score-progress">{t('progress', { scored: score.scored, items: score.items })}</p>
      </div>
      <progress className="score-card__progress" max={score.items} value={score.scored} aria-label={t('progress', { scored: score.scored, items: score.items })} />
      <table className="table score-table">
        <caption className="visually-hidden">{t('sectionScores')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('sectionScores')}</th>
            <th scope="col" className="number">{t('score')}</th>
            <th scope="col" className="number">{t('failedItems')}</th>
          </tr>
        </thead>
        <tbody>
          {inspection.template.sections.map((section, index) => {
            const result = score.sections[index]
            return (
              <tr key={section.id}>
                <th scope="row">{title(section)}</th>
                <td className="number">{formatScore(result.score)}</td>
                <td className="number">{result.failed}</td>
              </tr>
            )
          })}
        </tbody>
      </table>
    </section>
  )
}
