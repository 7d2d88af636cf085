/** socket.io rooms and events of inspections, shared by the data functions and the socket handlers. */
export const inspectionRoom = (inspectionId: string) => `inspection:${inspectionId}`

export const INSPECTION_EVENTS = {
  /** Subscribe (page to server) to one inspection's changes. */
  watch: 'inspection:watch',
  /** To everyone watching an inspection: a score, a sign-off or an action changed; reload. */
  changed: 'inspection:changed',
} as const

/** The live call's room id for an inspection (`live` knows only that `inspection` is a kind). */
export const inspectionCallRoom = (inspectionId: string) => `inspection:${inspectionId}`
