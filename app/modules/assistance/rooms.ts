/** socket.io rooms of the assistance module, shared by its data functions and its socket handlers. */
export const requestRoom = (requestId: string) => `assistance:request:${requestId}`
export const queueRoom = (systemCode: string) => `assistance:queue:${systemCode}`
export const stationRoom = (stationId: string) => `assistance:station:${stationId}`
export const expertsOfSystemRoom = (systemCode: string) => `assistance:experts:${systemCode}`
export const ONLINE_EXPERTS_ROOM = 'assistance:experts:online'
export const PRESENCE_WATCHERS_ROOM = 'assistance:presence'

export const ASSISTANCE_EVENTS = {
  /** To online experts of the request's system: a new request in their queue. */
  created: 'assistance:new',
  /** To everyone watching the request, its queue or its station: reload what you show. */
  changed: 'assistance:changed',
  /** To one expert: a request was transferred to you. */
  assigned: 'assistance:assigned',
  /** To queue pages: an expert went online or offline. */
  presence: 'assistance:presence',
  /**
   * Both ways: a request page sends a chat message (acknowledged with the committed message);
   * everyone watching the request receives each committed message, however it was posted.
   */
  message: 'assistance:message',
} as const

export type RequestCreatedEvent = { id: string; number: number; systemCode: string; urgency: 'VOR' | 'NORMAL'; model: string; symptoms: string }
export type RequestChangedEvent = { id: string; status: string; systemCode: string }

/** The committed message as the request page's thread lists it, so a page appends it without reloading. */
export type RequestMessageEvent = {
  requestId: string
  message: {
    id: string
    body: string
    createdAt: Date | string
    author: { id: string; name: string }
    attachments: Array<{ id: string; fileName: string; mimeType: string; sizeBytes: number; annotations: unknown }>
  }
}
