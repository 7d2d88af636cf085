export type ActionStatus = 'OPEN' | 'PROOF_SUBMITTED' | 'VERIFIED' | 'REOPENED'
export type ActionStep = 'submit-proof' | 'verify' | 'reopen'
export type ActionSide = 'station' | 'inspector'

/**
 * The corrective action's life: the station submits proof, the inspector verifies it or
 * reopens the action (then the station submits again). An action fixed during the call is
 * verified at once, without waiting for proof from the station, from a fresh snapshot.
 */
const steps: Record<ActionStep, { side: ActionSide; from: ActionStatus[]; to: ActionStatus }> = {
  'submit-proof': { side: 'station', from: ['OPEN', 'REOPENED'], to: 'PROOF_SUBMITTED' },
  verify: { side: 'inspector', from: ['OPEN', 'PROOF_SUBMITTED', 'REOPENED'], to: 'VERIFIED' },
  reopen: { side: 'inspector', from: ['PROOF_SUBMITTED'], to: 'REOPENED' },
}

export function nextActionStatus(status: ActionStatus, step: ActionStep, side: ActionSide): ActionStatus | null {
  const rule = steps[step]
  return rule.side === side && rule.from.includes(status) ? rule.to : null
}

export function availableActionSteps(status: ActionStatus, side: ActionSide): ActionStep[] {
  return (Object.keys(steps) as ActionStep[]).filter((step) => nextActionStatus(status, step, side) !== null)
}

/** Verifying without the station's proof needs a fresh snapshot from the call as evidence. */
export const verifyNeedsSnapshot = (status: ActionStatus) => status !== 'PROOF_SUBMITTED'

/** A checkpoint that needs a photo, scored (not N/A) without one: signing waits for it. */
export const photoStillMissing = (item: { requiresPhoto: boolean }, result: { outcome: string; evidenceIds: readonly string[] } | undefined) =>
  item.requiresPhoto && result !== undefined && result.outcome !== 'NA' && result.evidenceIds.length === 0
