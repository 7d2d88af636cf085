import { expect, test } from 'vitest'
import { recordingOutcome } from '~/modules/live/recording-consent'
import { parseByteRange } from '~/utils/byte-range.server'

const expert = 'expert'
const tech = 'tech'
const manager = 'manager'
const accepted = (userId: string) => ({ userId, accepted: true })

test('the recorder runs only while everyone in the call has accepted', () => {
  expect(recordingOutcome({ starterId: expert, hasStarted: false, participantIds: [expert, tech], consents: [accepted(expert)] })).toEqual({ status: 'AWAITING_CONSENT', pending: [tech] })
  expect(recordingOutcome({ starterId: expert, hasStarted: false, participantIds: [expert, tech, tech], consents: [accepted(expert), accepted(tech)] })).toEqual({ status: 'RECORDING', pending: [] })
  // A newcomer pauses it; someone who accepted and left does not matter.
  expect(recordingOutcome({ starterId: expert, hasStarted: true, participantIds: [expert, manager], consents: [accepted(expert), accepted(tech)] })).toEqual({ status: 'AWAITING_CONSENT', pending: [manager] })
})

test('a refusal, or the recorder leaving, ends it: declined before anything was recorded, stopped after', () => {
  const refused = [accepted(expert), { userId: tech, accepted: false }]
  expect(recordingOutcome({ starterId: expert, hasStarted: false, participantIds: [expert, tech], consents: refused }).status).toBe('DECLINED')
  expect(recordingOutcome({ starterId: expert, hasStarted: true, participantIds: [expert, tech], consents: refused }).status).toBe('STOPPED')
  expect(recordingOutcome({ starterId: expert, hasStarted: true, participantIds: [tech], consents: [accepted(expert), accepted(tech)] }).status).toBe('STOPPED')
})

test('byte ranges: a part, an open end, a suffix, and what lies outside the file', () => {
  expect(parseByteRange('bytes=0-99', 1000)).toEqual({ start: 0, end: 99 })
  expect(parseByteRange('bytes=900-', 1000)).toEqual({ start: 900, end: 999 })
  expect(parseByteRange('bytes=-100', 1000)).toEqual({ start: 900, end: 999 })
  expect(parseByteRange('bytes=500-5000', 1000)).toEqual({ start: 500, end: 999 })
  expect(parseByteRange('bytes=1000-', 1000)).toBe('unsatisfiable')
  expect(parseByteRange('bytes=50-10', 1000)).toBe('unsatisfiable')
  expect(parseByteRange(null, 1000)).toBeNull()
  expect(parseByteRange('bytes=0-1,5-9', 1000)).toBeNull() // several ranges: the whole file
  expect(parseByteRange('items=0-1', 1000)).toBeNull()
})
