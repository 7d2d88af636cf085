import { expect, test } from 'vitest'
import type { z } from 'zod'
import { localizeValidationMessage } from '~/i18n/validation-messages'
import { assistanceFormSchema, messageSchema, requestActionSchema } from '~/modules/assistance/schema'
import { bulletinInputSchema } from '~/modules/bulletins/schema'
import { caseFormSchema } from '~/modules/cases/schema'

const CHINESE = /[\u4e00-\u9fff]/

/** The messages a schema gives for a clearly wrong form. */
const messagesOf = (schema: z.ZodTypeAny, input: unknown) => {
  const parsed = schema.safeParse(input)
  expect(parsed.success).toBe(false)
  return parsed.success ? [] : parsed.error.issues.map((issue) => issue.message)
}

test('every message the forms can show has its Chinese', () => {
  const messages = [
    ...messagesOf(caseFormSchema, { title: 'x', modelId: '', year: 'abc', vin: 'IOQ', mileageKm: '-5', systemCode: 'x', dtcs: 'P01', symptoms: '', diagnosis: '', rootCause: '', fix: '', parts: '[{"number":"","name":"","qty":1}]' }),
    ...messagesOf(assistanceFormSchema, { modelId: '', year: '1980', systemCode: '', dtcs: Array.from({ length: 21 }, (_, index) => `P${String(index).padStart(4, '0')}`).join(','), symptoms: '', vor: 'off', noneSolves: 'off', attachmentIds: '' }),
    ...messagesOf(messageSchema, { body: '' }),
    ...messagesOf(requestActionSchema, { intent: 'resolve', cause: '', fix: '' }),
    ...messagesOf(requestActionSchema, { intent: 'confirm', firstTimeFix: 'maybe' }),
    ...messagesOf(bulletinInputSchema, { title: 'x', type: 'memo', body: '', yearFrom: 2024, yearTo: 2020, vinFrom: 'LSGJA52U7BH999999', vinTo: 'LSGJA52U7BH000001', dtcs: ['P01'] }),
  ]
  expect(messages.length).toBeGreaterThan(10)
  const untranslated = [...new Set(messages)].filter((message) => !CHINESE.test(localizeValidationMessage(message, 'zh')))
  expect(untranslated).toEqual([])
})

test('English stays as the schema wrote it; numbers and names carry over into Chinese', () => {
  expect(localizeValidationMessage('at most 200 characters', 'en')).toBe('at most 200 characters')
  expect(localizeValidationMessage('at most 200 characters', 'zh')).toBe('最多 200 个字符')
  expect(localizeValidationMessage('unknown station "BJ009"', 'zh')).toBe('未知服务站“BJ009”')
  expect(localizeValidationMessage('a message nobody wrote a translation for', 'zh')).toBe('a message nobody wrote a translation for')
})
