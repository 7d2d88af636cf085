/**
 * How data functions reach connected browsers without knowing socket.io: the realtime server
 * registers itself at start; without it (CLIs, tests of data functions) a publication goes
 * nowhere. With the Redis adapter, rooms span every node.
 */
type RoomOperator = {
  emit(event: string, payload: unknown): boolean
  socketsJoin(rooms: string | string[]): void
  socketsLeave(rooms: string | string[]): void
  fetchSockets(): Promise<Array<{ data: { user?: { id: string } } }>>
}
type Emitter = { to(room: string | string[]): Pick<RoomOperator, 'emit'>; in(room: string | string[]): RoomOperator }

// server.ts loads this file from source and the Remix build bundles its own copy: the emitter
// lives on globalThis so both copies see the one socket.io server.
const registry = globalThis as typeof globalThis & { [key: symbol]: Emitter | undefined }
const KEY = Symbol.for('gtac.realtime.emitter')

export function setRealtimeEmitter(next: Emitter | undefined) {
  registry[KEY] = next
}

const current = () => registry[KEY]

export function publish(rooms: string | string[], event: string, payload: unknown) {
  current()?.to(rooms).emit(event, payload)
}

/** Moves every socket of a user (on every node) into or out of rooms. */
export function setUserRooms(userId: string, { join = [], leave = [] }: { join?: string[]; leave?: string[] }) {
  const emitter = current()
  if (!emitter) return
  if (leave.length > 0) emitter.in(userRoom(userId)).socketsLeave(leave)
  if (join.length > 0) emitter.in(userRoom(userId)).socketsJoin(join)
}

/** The ids of the users with at least one socket in the room. */
export async function usersInRoom(room: string) {
  const emitter = current()
  if (!emitter) return new Set<string>()
  const sockets = await emitter.in(room).fetchSockets()
  return new Set(sockets.map((socket) => socket.data.user?.id).filter((id): id is string => Boolean(id)))
}

/** Every socket of a signed-in user joins this room: notifications addressed to that person. */
export const userRoom = (userId: string) => `user:${userId}`
