import { Form } from '@remix-run/react'
import { useState } from 'react'
import { useFieldErrors } from '~/components/field-errors'
import { useLocalName, useMessages } from '~/i18n/use-t'
import { CERTIFICATION_LEVELS, KEY_POSITIONS, type Level, type Position } from '../levels'
import { examMessages, type ExamMessageKey } from '../messages'
import type { DrawRule } from '../schema'

export type PaperFormValues = {
  title: string
  description: string | null
  level: Level | null
  position: Position | null
  timeLimitMinutes: number
  passPercent: number
  maxAttempts: number
  cooldownMinutes: number
  partialCredit: boolean
  showAnswers: boolean
  drawRules: DrawRule[]
}

type RuleRow = { key: number; systemCode: string; difficulty: string; level: string; count: string }
let nextKey = 1
const toRow = (rule?: DrawRule): RuleRow => ({
  key: nextKey++,
  systemCode: rule?.systemCode ?? '',
  difficulty: rule?.difficulty ? String(rule.difficulty) : '',
  level: rule?.level ?? '',
  count: rule ? String(rule.count) : '',
})

/** A paper's settings and draw rules (one row of selects per rule; a row without a count is ignored). */
export function PaperForm({
  paper,
  availability = [],
  systems,
  errors,
  busy,
}: {
  paper?: PaperFormValues
  availability?: number[]
  systems: Array<{ code: string; nameZh: string; nameEn: string }>
  errors: Record<string, string>
  busy: boolean
}) {
  const t = useMessages(examMessages)
  const localName = useLocalName()
  const { fieldError, invalid } = useFieldErrors(errors, 'paper-', (message) => t(message as ExamMessageKey))
  const [rules, setRules] = useState<RuleRow[]>(() => (paper && paper.drawRules.length > 0 ? paper.drawRules.map(toRow) : [toRow()]))
  const setRule = (key: number, change: Partial<RuleRow>) => setRules((rows) => rows.map((row) => (row.key === key ? { ...row, ...change } : row)))
  const number = (name: 'timeLimitMinutes' | 'passPercent' | 'maxAttempts' | 'cooldownMinutes', label: ExamMessageKey, fallback: number, max: number) => (
    <div className="field">
      <label htmlFor={`paper-${name}`}>{t(label)}</label>
      <input id={`paper-${name}`} name={name} type="number" inputMode="numeric" min={0} max={max} defaultValue={paper?.[name] ?? fallback} {...invalid(name)} />
      {fieldError(name)}
    </div>
  )

  return (
    <Form method="post" noValidate className="card">
      <input type="hidden" name="intent" value="save" />
      <h2>{t('paper.settings')}</h2>
      <div className="field">
        <label htmlFor="paper-title">{t('paper.title')}</label>
        <input id="paper-title" name="title" maxLength={200} defaultValue={paper?.title} {...invalid('title')} />
        {fieldError('title')}
      </div>
      <div className="field">
        <label htmlFor="paper-description">{t('paper.description')}</label>
        <textarea id="paper-description" name="description" rows={2} defaultValue={paper?.description ?? ''} {...invalid('description')} />
        {fieldError('description')}
      </div>
      <div className="grid">
        <div className="field">
          <label htmlFor="paper-level">{t('paper.level')}</label>
          <select id="paper-level" name="level" defaultValue={paper?.level ?? ''} {...invalid('level')} aria-describedby={errors.level ? 'paper-level-error paper-level-hint' : 'paper-level-hint'}>
            <option value="">{t('level.none')}</option>
            {CERTIFICATION_LEVELS.map((level) => <option key={level} value={level}>{t(`level.${level}`)}</option>)}
          </select>
          <p className="field-hint" id="paper-level-hint">{t('paper.levelHint')}</p>
          {fieldError('level')}
        </div>
        <div className="field">
          <label htmlFor="paper-position">{t('paper.position')}</label>
          <select id="paper-position" name="position" defaultValue={paper?.position ?? ''} {...invalid('position')} aria-describedby={errors.position ? 'paper-position-error paper-position-hint' : 'paper-position-hint'}>
            <option value="">{t('position.none')}</option>
            {KEY_POSITIONS.map((position) => <option key={position} value={position}>{t(`position.${position}`)}</option>)}
          </select>
          <p className="field-hint" id="paper-position-hint">{t('paper.positionHint')}</p>
          {fieldError('position')}
        </div>
        {number('timeLimitMinutes', 'paper.timeLimit', 30, 600)}
        {number('passPercent', 'paper.passPercent', 60, 100)}
        {number('maxAttempts', 'paper.maxAttempts', 3, 50)}
        {number('cooldownMinutes', 'paper.cooldown', 0, 10_080)}
      </div>
      <label className="check-field">
        <input type="checkbox" name="partialCredit" defaultChecked={paper?.partialCredit ?? false} /> {t('paper.partialCredit')}
      </label>
      <label className="check-field">
        <input type="checkbox" name="showAnswers" defaultChecked={paper?.showAnswers ?? true} /> {t('paper.showAnswers')}
      </label>

      <h2>{t('paper.rules')}</h2>
      <p className="field-hint">{t('paper.rulesHint')}</p>
      <table className="rules-table">
        <thead>
          <tr>
            <th scope="col">#</th>
            <th scope="col">{t('paper.ruleSystem')}</th>
            <th scope="col">{t('paper.ruleDifficulty')}</th>
            <th scope="col">{t('paper.ruleLevel')}</th>
            <th scope="col">{t('paper.ruleCount')}</th>
            <th scope="col"><span className="visually-hidden">{t('paper.remove')}</span></th>
          </tr>
        </thead>
        <tbody>
          {rules.map((rule, index) => {
            const label = (key: ExamMessageKey) => `${t('paper.rule', { number: index + 1 })}: ${t(key)}`
            return (
              <tr key={rule.key}>
                <td>{index + 1}</td>
                <td>
                  <select name="ruleSystem" aria-label={label('paper.ruleSystem')} value={rule.systemCode} onChange={(event) => setRule(rule.key, { systemCode: event.target.value })}>
                    <option value="">{t('bank.any')}</option>
                    {systems.map((system) => <option key={system.code} value={system.code}>{localName(system)}</option>)}
                  </select>
                </td>
                <td>
                  <select name="ruleDifficulty" aria-label={label('paper.ruleDifficulty')} value={rule.difficulty} onChange={(event) => setRule(rule.key, { difficulty: event.target.value })}>
                    <option value="">{t('bank.any')}</option>
                    {[1, 2, 3].map((value) => <option key={value} value={value}>{t(`difficulty.${value as 1 | 2 | 3}`)}</option>)}
                  </select>
                </td>
                <td>
                  <select name="ruleLevel" aria-label={label('paper.ruleLevel')} value={rule.level} onChange={(event) => setRule(rule.key, { level: event.target.value })}>
                    <option value="">{t('bank.any')}</option>
                    {CERTIFICATION_LEVELS.map((level) => <option key={level} value={level}>{t(`level.${level}`)}</option>)}
                  </select>
                </td>
                <td>
                  <input name="ruleCount" type="number" inputMode="numeric" min={1} max={200} aria-label={label('paper.ruleCount')} value={rule.count} onChange={(event) => setRule(rule.key, { count: event.target.value })} {...invalid(`drawRules.${index}.count`)} />
                  {availability[index] !== undefined ? <span className="small muted"> {t('paper.ruleAvailable', { count: availability[index] })}</span> : null}
                  {fieldError(`drawRules.${index}.count`)}
                </td>
                <td>
                  <button type="button" className="link-button" onClick={() => setRules((rows) => (rows.length > 1 ? rows.filter((row) => row.key !== rule.key) : [toRow()]))}>
                    {t('paper.removeRule', { number: index + 1 })}
                  </button>
                </td>
              </tr>
            )
          })}
        </tbody>
      </table>
      <p>
        <button type="button" className="button button--ghost" onClick={() => setRules((rows) => [...rows, toRow()])}>{t('paper.addRule')}</button>
      </p>
      {fieldError('drawRules')}
      {fieldError('_form')}
      <button type="submit" className="button" disabled={busy}>{t('paper.save')}</button>
    </Form>
  )
}
