/**
 * How data functions announce a change to connected browsers without knowing socket.io: the
 * realtime server registers itself at start; without it (CLIs, tests of data functions) a
 * publication goes nowhere. With the Redis adapter a publication reaches every node's sockets.
 */
type Emitter = { to(room: string | string[]): { emit(event: string, payload: unknown): boolean } }

let emitter: Emitter | undefined

export function setRealtimeEmitter(next: Emitter | undefined) {
  emitter = next
}

export function publish(rooms: string | string[], event: string, payload: unknown) {
  emitter?.to(rooms).emit(event, payload)
}

/** Every socket of a signed-in user joins this room: notifications addressed to that person. */
export const userRoom = (userId: string) => `user:${userId}`
