/** A call is identified by `<kind>:<id>` (e.g. `assistance:ck…`); the owning module decides who may join. */
export const LIVE_ROOM_ID = /^[a-z]+:[A-Za-z0-9_-]{1,40}$/

export const liveRoom = (roomId: string) => `live:${roomId}`
/** A participant's own room inside a call: signals addressed to it go nowhere else. */
export const participantRoom = (roomId: string, participantId: string) => `live:${roomId}:p:${participantId}`

export const MAX_PARTICIPANTS = 4

export const LIVE_EVENTS = {
  join: 'live:join',
  leave: 'live:leave',
  signal: 'live:signal',
  state: 'live:state',
  peerJoined: 'live:peer-joined',
  peerLeft: 'live:peer-left',
  peerState: 'live:peer-state',
  recordingStart: 'live:recording:start',
  recordingAnswer: 'live:recording:answer',
  recordingStop: 'live:recording:stop',
  recordingGet: 'live:recording:get',
  /** The call's recording as it now stands, to everyone in the call. */
  recording: 'live:recording',
  /** A recording of the call became playable (or failed): pages list them again. */
  recordingsChanged: 'live:recordings-changed',
} as const

export type Participant = { participantId: string; userId: string; name: string; muted: boolean; videoOff: boolean }
export type SignalMessage = { from: string; connectionId: string; data: unknown }
