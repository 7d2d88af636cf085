import { z } from 'zod'
import { getDb } from '~/utils/db.server'
import { onSocketEvent, type AppSocket } from '~/utils/socket-events.server'
import { inspectionVisibilityWhere } from './inspections.server'
import { INSPECTION_EVENTS, inspectionRoom } from './rooms'

const watchSchema = z.object({ inspectionId: z.string().min(1).max(40) }).strict()

/** An inspection page subscribes to its changes; only someone who may see the inspection gets them. */
export function onInspectionConnection(socket: AppSocket) {
  const user = socket.data.user
  onSocketEvent(socket, INSPECTION_EVENTS.watch, watchSchema, async ({ inspectionId }) => {
    const inspection = await getDb().inspection.findFirst({ where: { id: inspectionId, ...inspectionVisibilityWhere(user) }, select: { id: true } })
    if (!inspection) return { ok: false, error: 'not found' }
    await socket.join(inspectionRoom(inspectionId))
    return { ok: true }
  })
}
