import { Form } from '@remix-run/react'
import { useState } from 'react'
import { useFieldErrors } from '~/components/field-errors'
import { useLocalName, useMessages } from '~/i18n/use-t'
import type { BankQuestion } from '../draw'
import { CERTIFICATION_LEVELS, QUESTION_KINDS, type Kind } from '../levels'
import { examMessages, type ExamMessageKey } from '../messages'
import { MAX_OPTIONS } from '../schema'
import { ImageField } from './image-field'

const LETTERS = 'ABCDEFGH'
type OptionRow = { key: number; text: string; correct: boolean; imageId?: string }

let nextKey = 1
const blankOptions = (): OptionRow[] => Array.from({ length: 4 }, () => ({ key: nextKey++, text: '', correct: false }))

/** Create or edit a question: the option editor follows the kind (a radio for one right answer, checkboxes for several). */
export function QuestionForm({
  question,
  systems,
  errors,
  busy,
}: {
  question?: BankQuestion
  systems: Array<{ code: string; nameZh: string; nameEn: string }>
  errors: Record<string, string>
  busy: boolean
}) {
  const t = useMessages(examMessages)
  const localName = useLocalName()
  const { fieldError, invalid } = useFieldErrors(errors, 'question-', (message) => t(message as ExamMessageKey))
  const [kind, setKind] = useState<Kind>(question?.kind ?? 'SINGLE')
  const [options, setOptions] = useState<OptionRow[]>(() =>
    question && question.kind !== 'TRUE_FALSE' ? question.options.map((option) => ({ key: nextKey++, text: option.text, correct: option.correct, imageId: option.imageId })) : blankOptions(),
  )
  const [trueIsRight, setTrueIsRight] = useState(question?.kind === 'TRUE_FALSE' ? question.options[0]?.correct : true)

  const update = (key: number, change: Partial<OptionRow>) =>
    setOptions((rows) => rows.map((row) => (row.key === key ? { ...row, ...change } : kind === 'SINGLE' && change.correct ? { ...row, correct: false } : row)))

  return (
    <Form method="post" noValidate className="card">
      <input type="hidden" name="intent" value="save" />
      <div className="grid">
        <div className="field">
          <label htmlFor="question-kind">{t('question.kind')}</label>
          <select id="question-kind" name="kind" value={kind} onChange={(event) => setKind(event.target.value as Kind)} {...invalid('kind')}>
            {QUESTION_KINDS.map((value) => <option key={value} value={value}>{t(`kind.${value}`)}</option>)}
          </select>
          {fieldError('kind')}
        </div>
        <div className="field">
          <label htmlFor="question-systemCode">{t('question.system')}</label>
          <select id="question-systemCode" name="systemCode" defaultValue={question?.systemCode ?? ''} {...invalid('systemCode')}>
            <option value="">—</option>
            {systems.map((system) => <option key={system.code} value={system.code}>{localName(system)}</option>)}
          </select>
          {fieldError('systemCode')}
        </div>
        <div className="field">
          <label htmlFor="question-difficulty">{t('question.difficulty')}</label>
          <select id="question-difficulty" name="difficulty" defaultValue={String(question?.difficulty ?? 1)} {...invalid('difficulty')}>
            {[1, 2, 3].map((value) => <option key={value} value={value}>{value} · {t(`difficulty.${value as 1 | 2 | 3}`)}</option>)}
          </select>
          {fieldError('difficulty')}
        </div>
        <div className="field">
          <label htmlFor="question-level">{t('question.level')}</label>
          <select id="question-level" name="level" defaultValue={question?.level ?? 'TECHNICIAN'} {...invalid('level')}>
            {CERTIFICATION_LEVELS.map((value) => <option key={value} value={value}>{t(`level.${value}`)}</option>)}
          </select>
          {fieldError('level')}
        </div>
      </div>
      <div className="field">
        <label htmlFor="question-stem">{t('question.stem')}</label>
        <textarea id="question-stem" name="stem" rows={3} defaultValue={question?.stem} {...invalid('stem')} />
        {fieldError('stem')}
      </div>
      <ImageField name="stemImageId" imageId={question?.stemImageId} label={t('question.stemImage')} error={fieldError('stemImageId')} />

      {kind === 'TRUE_FALSE' ? (
        <fieldset className="field">
          <legend className="small"><strong>{t('question.tfAnswer')}</strong></legend>
          <label className="check-field">
            <input type="radio" name="correct" value="0" checked={trueIsRight} onChange={() => setTrueIsRight(true)} /> {t('tf.true')}
          </label>
          <label className="check-field">
            <input type="radio" name="correct" value="1" checked={!trueIsRight} onChange={() => setTrueIsRight(false)} /> {t('tf.false')}
          </label>
          {fieldError('correct')}
        </fieldset>
      ) : (
        <fieldset className="option-editor">
          <legend className="small"><strong>{t('question.options')}</strong> <span className="muted">· {kind === 'MULTIPLE' ? t('attempt.chooseMany') : t('attempt.chooseOne')}</span></legend>
          {options.map((row, index) => {
            const letter = LETTERS[index]
            return (
              <div key={row.key} className="option-editor__row">
                <span className="option-editor__letter" aria-hidden="true">{letter}</span>
                <input
                  type="text"
                  name="optionText"
                  aria-label={t('question.option', { letter })}
                  value={row.text}
                  onChange={(event) => update(row.key, { text: event.target.value })}
                  {...invalid(`options.${index}.text`)}
                />
                <label className="small">
                  <input
                    type={kind === 'MULTIPLE' ? 'checkbox' : 'radio'}
                    name="correct"
                    value={index}
                    checked={row.correct}
                    onChange={(event) => update(row.key, { correct: event.target.checked })}
                  />{' '}
                  {t('question.optionCorrect', { letter })}
                </label>
                {options.length > 2 ? (
                  <button type="button" className="button button--ghost" onClick={() => setOptions((rows) => rows.filter((candidate) => candidate.key !== row.key))}>
                    {t('question.removeOption', { letter })}
                  </button>
                ) : null}
                {fieldError(`options.${index}.text`)}
                <ImageField name="optionImageId" imageId={row.imageId} label={t('question.optionImage', { letter })} error={fieldError(`options.${index}.imageId`)} />
              </div>
            )
          })}
          {options.length < MAX_OPTIONS ? (
            <p>
              <button type="button" className="button button--ghost" onClick={() => setOptions((rows) => [...rows, { key: nextKey++, text: '', correct: false }])}>
                {t('question.addOption')}
              </button>
            </p>
          ) : null}
          {fieldError('options')}
          {fieldError('correct')}
        </fieldset>
      )}

      <div className="field">
        <label htmlFor="question-explanation">{t('question.explanation')}</label>
        <textarea id="question-explanation" name="explanation" rows={3} defaultValue={question?.explanation ?? ''} {...invalid('explanation')} />
        {fieldError('explanation')}
      </div>
      {fieldError('_form')}
      <button type="submit" className="button" disabled={busy}>{t('question.save')}</button>
    </Form>
  )
}
