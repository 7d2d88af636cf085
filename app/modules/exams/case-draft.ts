import { createRandom } from '~/utils/seeded-random'

export type CaseForDraft = {
  id: string
  title: string
  language: 'zh' | 'en'
  systemCode: string
  dtcs: string[]
  symptomsText: string
  rootCauseText: string
  fixText: string
  otherRootCauses: string[]
}

export type QuestionDraft = {
  kind: 'SINGLE'
  stem: string
  options: Array<{ text: string; correct: boolean }>
  explanation: string
  systemCode: string
  difficulty: number
  level: 'TECHNICIAN'
}

const MAX_DISTRACTORS = 3

/** The first sentence of a text (or its first `max` characters), whitespace folded. */
export function gist(text: string, max = 160) {
  const folded = text.replace(/\s+/g, ' ').trim()
  const end = /[。！？!?]|\.(\s|$)/.exec(folded.slice(12))
  const sentence = end ? folded.slice(0, 12 + end.index + 1) : folded
  return sentence.length > max ? `${sentence.slice(0, max - 1).trimEnd()}…` : sentence
}

const normal = (text: string) => text.replace(/[\s。.，,！!？?]/g, '').toLowerCase()

/** A seed from the case id, so the same case always puts its answer in the same place. */
const seedOf = (id: string) => [...id].reduce((hash, char) => (Math.imul(hash, 31) + char.charCodeAt(0)) >>> 0, 7)

/**
 * A single-choice question drafted from a classic case for a trainer to edit: the stem from
 * its symptoms, the right answer from its root cause, and up to three distractors from the
 * root causes of other cases of the same system (distinct from it and from each other).
 */
export function draftQuestionFromCase(source: CaseForDraft): QuestionDraft {
  const correct = gist(source.rootCauseText)
  const seen = new Set([normal(correct)])
  const distractors: string[] = []
  for (const other of source.otherRootCauses) {
    const text = gist(other)
    if (!text || seen.has(normal(text))) continue
    seen.add(normal(text))
    distractors.push(text)
    if (distractors.length === MAX_DISTRACTORS) break
  }
  const at = createRandom(seedOf(source.id)).int(0, distractors.length)
  const options = distractors.map((text) => ({ text, correct: false }))
  options.splice(at, 0, { text: correct, correct: true })
  const zh = source.language === 'zh'
  const codes = source.dtcs.length > 0 ? (zh ? `（故障码 ${source.dtcs.join('、')}）` : ` (DTC ${source.dtcs.join(', ')})`) : ''
  const symptoms = gist(source.symptomsText, 600)
  return {
    kind: 'SINGLE',
    stem: zh ? `故障现象${codes}：${symptoms}\n最可能的根本原因是？` : `Symptoms${codes}: ${symptoms}\nWhat is the most likely root cause?`,
    options,
    explanation: `${zh ? '处理' : 'Fix'}: ${gist(source.fixText, 800)}\n${zh ? '来源案例' : 'From the case'}: ${source.title}`,
    systemCode: source.systemCode,
    difficulty: 2,
    level: 'TECHNICIAN',
  }
}
