import type { SessionUser } from '~/utils/session-user'

/**
 * Who may join a call is decided by the module that owns it (assistance, inspections): each
 * registers an authoriser for its kind of call. The call itself knows nothing else about them.
 */
export type LiveAuthoriser = (user: SessionUser, id: string) => Promise<boolean>

const authorisers = new Map<string, LiveAuthoriser>()

export function registerLiveRoomKind(kind: string, authorise: LiveAuthoriser) {
  authorisers.set(kind, authorise)
}

export async function mayJoinLiveRoom(user: SessionUser, roomId: string) {
  const separator = roomId.indexOf(':')
  const authorise = authorisers.get(roomId.slice(0, separator))
  return authorise ? authorise(user, roomId.slice(separator + 1)) : false
}
