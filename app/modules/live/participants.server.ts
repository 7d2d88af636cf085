import type { AppSocket } from '~/utils/socket-events.server'
import { liveRoom, type Participant } from './rooms'

type Member = { data: AppSocket['data'] }

export const asParticipant = ({ data }: Member): Participant | undefined =>
  data.live && { participantId: data.live.participantId, userId: data.user.id, name: data.user.name, muted: data.live.muted, videoOff: data.live.videoOff }

/** The call's participants on every node, one entry per participant id (a reconnecting tab may briefly have two sockets). */
export async function participantsOf(socket: AppSocket, roomId: string) {
  const members = await socket.nsp.in(liveRoom(roomId)).fetchSockets()
  const byId = new Map<string, Participant>()
  for (const member of members) {
    const participant = asParticipant(member as unknown as Member)
    if (participant && member.data.live?.roomId === roomId) byId.set(participant.participantId, participant)
  }
  return [...byId.values()]
}

/** The people in the call (a person in two tabs counts once). */
export async function peopleIn(socket: AppSocket, roomId: string) {
  const people = new Map((await participantsOf(socket, roomId)).map((participant) => [participant.userId, { id: participant.userId, name: participant.name }]))
  return [...people.values()]
}
