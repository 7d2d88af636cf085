import type { RealtimeServer } from '~/realtime/server.server'

declare module '@remix-run/server-runtime' {
  interface AppLoadContext {
    io?: RealtimeServer
    clientIp?: string
  }
}


