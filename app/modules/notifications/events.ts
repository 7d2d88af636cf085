export const NOTIFICATION_EVENTS = {
  /** To the user's own room: something new for them (the bell counts up). */
  created: 'notification:new',
} as const

export type NotificationPayload = { id?: string; kind: string; title: string; link: string }
