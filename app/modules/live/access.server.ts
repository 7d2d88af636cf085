import type { SessionUser } from '~/utils/session-user'

type Check = (user: SessionUser, id: string) => Promise<boolean>

/**
 * What a call's owner (assistance, inspections) decides for its kind of call: who may join it,
 * who may watch its recordings afterwards (also once it is over), and who may record it. The call
 * itself knows nothing else about them. A bare function answers "join" and "view" alike and lets
 * nobody record.
 */
export type LiveRoomPolicy = { mayJoin: Check; mayView?: Check; mayRecord?: Check }

const policies = new Map<string, LiveRoomPolicy>()

export function registerLiveRoomKind(kind: string, policy: LiveRoomPolicy | Check) {
  policies.set(kind, typeof policy === 'function' ? { mayJoin: policy } : policy)
}

function policyFor(roomId: string) {
  const separator = roomId.indexOf(':')
  return { policy: policies.get(roomId.slice(0, separator)), id: roomId.slice(separator + 1) }
}

export async function mayJoinLiveRoom(user: SessionUser, roomId: string) {
  const { policy, id } = policyFor(roomId)
  return policy ? policy.mayJoin(user, id) : false
}

export async function mayViewLiveRoom(user: SessionUser, roomId: string) {
  const { policy, id } = policyFor(roomId)
  return policy ? (policy.mayView ?? policy.mayJoin)(user, id) : false
}

export async function mayRecordLiveRoom(user: SessionUser, roomId: string) {
  const { policy, id } = policyFor(roomId)
  return policy?.mayRecord ? (await policy.mayJoin(user, id)) && (await policy.mayRecord(user, id)) : false
}
