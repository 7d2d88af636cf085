import { getDb } from '~/utils/db.server'
import type { SessionUser } from '~/utils/session-user'

export const assistanceCallRoom = (requestId: string) => `assistance:${requestId}`

/**
 * Who may join a request's live session: its station's technicians and manager, the expert who
 * holds it and experts who worked on it (a second opinion, a previous holder), and admins; not
 * once it is closed.
 */
export async function mayJoinAssistanceCall(user: Pick<SessionUser, 'id' | 'role' | 'stationId'>, requestId: string) {
  const request = await getDb().assistanceRequest.findUnique({
    where: { id: requestId },
    select: { status: true, stationId: true, assigneeId: true, events: { where: { actorId: user.id }, select: { id: true }, take: 1 } },
  })
  if (!request || request.status === 'CLOSED') return false
  if (user.role === 'ADMIN') return true
  if (user.role === 'ENGINEER') return request.assigneeId === user.id || request.events.length > 0
  return (user.role === 'TECHNICIAN' || user.role === 'STATION_MANAGER') && user.stationId === request.stationId
}
