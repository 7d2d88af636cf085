import { getDb } from '~/utils/db.server'
import type { SessionUser } from '~/utils/session-user'

export const assistanceCallRoom = (requestId: string) => `assistance:${requestId}`

type Caller = Pick<SessionUser, 'id' | 'role' | 'stationId'>

/**
 * Who takes part in a request's live session: its station's technicians and manager, the expert
 * who holds it and experts who worked on it (a second opinion, a previous holder), and admins.
 * They may join while it is open, and watch its recordings also once it is closed.
 */
async function takesPartInAssistanceCall(user: Caller, requestId: string, { evenClosed }: { evenClosed: boolean }) {
  const request = await getDb().assistanceRequest.findUnique({
    where: { id: requestId },
    select: { status: true, stationId: true, assigneeId: true, events: { where: { actorId: user.id }, select: { id: true }, take: 1 } },
  })
  if (!request || (request.status === 'CLOSED' && !evenClosed)) return false
  if (user.role === 'ADMIN') return true
  if (user.role === 'ENGINEER') return request.assigneeId === user.id || request.events.length > 0
  return (user.role === 'TECHNICIAN' || user.role === 'STATION_MANAGER') && user.stationId === request.stationId
}

export const mayJoinAssistanceCall = (user: Caller, requestId: string) => takesPartInAssistanceCall(user, requestId, { evenClosed: false })

/** The policy the live module asks about assistance calls; experts (and admins) record them. */
export const assistanceCallPolicy = {
  mayJoin: mayJoinAssistanceCall,
  mayView: (user: Caller, requestId: string) => takesPartInAssistanceCall(user, requestId, { evenClosed: true }),
  mayRecord: async (user: Caller) => user.role === 'ENGINEER' || user.role === 'ADMIN',
}
