import { expect, test } from 'vitest'
import { draftQuestionFromCase, gist, type CaseForDraft } from '../../app/modules/exams/case-draft'
import { questionInputSchema } from '../../app/modules/exams/schema'

const source = (overrides: Partial<CaseForDraft> = {}): CaseForDraft => ({
  id: 'case-1',
  title: '冷车怠速抖动',
  language: 'zh',
  systemCode: 'engine',
  dtcs: ['P0171'],
  symptomsText: '冷车启动后怠速抖动，故障灯亮。热车后好转。',
  rootCauseText: 'PCV 软管开裂导致真空泄漏。更换后正常。',
  fixText: '更换 PCV 软管。',
  otherRootCauses: ['喷油器堵塞。', 'PCV 软管开裂导致真空泄漏。', '喷油器堵塞', '点火线圈老化击穿。', '节气门积碳严重。', '氧传感器失效。'],
  ...overrides,
})

test('the stem comes from the symptoms, the answer from the root cause, distractors from other cases (distinct)', () => {
  const draft = draftQuestionFromCase(source())
  expect(draft.stem).toBe('故障现象（故障码 P0171）：冷车启动后怠速抖动，故障灯亮。\n最可能的根本原因是？')
  expect(draft.options.filter((option) => option.correct)).toEqual([{ text: 'PCV 软管开裂导致真空泄漏。', correct: true }])
  expect(draft.options.filter((option) => !option.correct).map((option) => option.text)).toEqual(['喷油器堵塞。', '点火线圈老化击穿。', '节气门积碳严重。'])
  expect(draft.explanation).toContain('更换 PCV 软管')
  expect(draft.systemCode).toBe('engine')
  // The draft is a valid bank question as it stands.
  expect(questionInputSchema.safeParse(draft).success).toBe(true)
})

test('the same case puts its answer in the same place; an English case gets an English stem', () => {
  expect(draftQuestionFromCase(source()).options).toEqual(draftQuestionFromCase(source()).options)
  const english = draftQuestionFromCase(source({ language: 'en', dtcs: [], symptomsText: 'Rough idle when cold. Fine when warm.', rootCauseText: 'Cracked PCV hose.', otherRootCauses: [] }))
  expect(english.stem).toBe('Symptoms: Rough idle when cold.\nWhat is the most likely root cause?')
  expect(english.options).toEqual([{ text: 'Cracked PCV hose.', correct: true }])
})

test('gist keeps the first sentence and cuts long text', () => {
  expect(gist('  Vacuum leak at the PCV hose. Replaced it.  ')).toBe('Vacuum leak at the PCV hose.')
  expect(gist('x'.repeat(300), 50)).toHaveLength(50)
  expect(gist('x'.repeat(300), 50).endsWith('…')).toBe(true)
})
