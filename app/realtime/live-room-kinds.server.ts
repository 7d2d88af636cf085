import { assistanceCallPolicy } from '~/modules/assistance/live-access.server'
import { inspectionCallPolicy } from '~/modules/inspections/live-access.server'
import { registerLiveRoomKind } from '~/modules/live/access.server'

/**
 * The kinds of call and their owners' policies. Called by the socket server and by the routes
 * that serve recordings: server.ts and the Remix build each load their own copy of the modules.
 */
export function registerLiveRoomKinds() {
  registerLiveRoomKind('assistance', assistanceCallPolicy)
  registerLiveRoomKind('inspection', inspectionCallPolicy)
}
