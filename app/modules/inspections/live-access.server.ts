import { getDb } from '~/utils/db.server'
import type { SessionUser } from '~/utils/session-user'
import { inspectionVisibilityWhere, mayInspect } from './inspections.server'

type Caller = Pick<SessionUser, 'id' | 'role' | 'stationId'>

/** The inspector (or an admin) and the station's staff meet in the call until the inspection is finished. */
async function takesPart(user: Caller, inspectionId: string, { evenFinished }: { evenFinished: boolean }) {
  const inspection = await getDb().inspection.findFirst({ where: { id: inspectionId, ...inspectionVisibilityWhere(user) }, select: { status: true } })
  return Boolean(inspection) && (evenFinished || inspection!.status !== 'FINISHED')
}

export const mayJoinInspectionCall = (user: Caller, inspectionId: string) => takesPart(user, inspectionId, { evenFinished: false })

/** The policy the live module asks about inspection calls; the inspector's side records them. */
export const inspectionCallPolicy = {
  mayJoin: mayJoinInspectionCall,
  mayView: (user: Caller, inspectionId: string) => takesPart(user, inspectionId, { evenFinished: true }),
  mayRecord: async (user: Caller) => mayInspect(user),
}
