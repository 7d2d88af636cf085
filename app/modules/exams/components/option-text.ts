import type { Kind } from '../levels'
import { TRUE_FALSE_TEXTS } from '../schema'
import type { ExamMessageKey } from '../messages'

/** True/false options are stored in Chinese; they are shown in the reader's language. */
export function optionText(kind: Kind, text: string, t: (key: ExamMessageKey) => string) {
  if (kind !== 'TRUE_FALSE') return text
  if (text === TRUE_FALSE_TEXTS[0]) return t('tf.true')
  if (text === TRUE_FALSE_TEXTS[1]) return t('tf.false')
  return text
}
