/** A recording in progress: asked for and waiting for consent, or running. */
export const ACTIVE_RECORDING = ['AWAITING_CONSENT', 'RECORDING'] as const
export type ActiveStatus = (typeof ACTIVE_RECORDING)[number]
export type RecordingOutcome = ActiveStatus | 'DECLINED' | 'STOPPED'

/**
 * The rule of consent: the recorder runs only while every participant in the call has accepted.
 * Someone who joins pauses it until they accept; any refusal ends it; so does the recorder
 * leaving the call. An ending before anything was recorded is DECLINED, after it STOPPED.
 */
export function recordingOutcome({
  starterId,
  hasStarted,
  participantIds,
  consents,
}: {
  starterId: string
  hasStarted: boolean
  participantIds: string[]
  consents: Array<{ userId: string; accepted: boolean }>
}): { status: RecordingOutcome; pending: string[] } {
  const ended = hasStarted ? 'STOPPED' : 'DECLINED'
  if (!participantIds.includes(starterId) || consents.some((consent) => !consent.accepted)) return { status: ended, pending: [] }
  const accepted = new Set(consents.map((consent) => consent.userId))
  const pending = [...new Set(participantIds)].filter((userId) => !accepted.has(userId))
  return { status: pending.length === 0 ? 'RECORDING' : 'AWAITING_CONSENT', pending }
}
