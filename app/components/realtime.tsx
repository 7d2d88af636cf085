import { useRevalidator } from '@remix-run/react'
import { createContext, useContext, useEffect, useRef, useState, type ReactNode } from 'react'
import { io, type Socket } from 'socket.io-client'

const SocketContext = createContext<Socket | null>(null)

/**
 * One socket.io connection per tab for a signed-in user, authenticated by the session cookie.
 * The document carries `data-realtime="connected"` while it is up (tests wait for it).
 */
export function RealtimeProvider({ enabled, children }: { enabled: boolean; children: ReactNode }) {
  const [socket, setSocket] = useState<Socket | null>(null)
  useEffect(() => {
    if (!enabled) return
    const connection = io({ withCredentials: true })
    const mark = (state: string) => () => (document.documentElement.dataset.realtime = state)
    connection.on('connect', mark('connected'))
    connection.on('disconnect', mark('disconnected'))
    setSocket(connection)
    return () => {
      connection.disconnect()
      delete document.documentElement.dataset.realtime
      setSocket(null)
    }
  }, [enabled])
  return <SocketContext.Provider value={socket}>{children}</SocketContext.Provider>
}

export const useSocket = () => useContext(SocketContext)

/** Calls the latest `handler` for each `event`; the listener is removed with the component. */
export function useSocketEvent<T>(event: string, handler: (payload: T) => void) {
  const socket = useSocket()
  const latest = useRef(handler)
  latest.current = handler
  useEffect(() => {
    if (!socket) return
    const listener = (payload: T) => latest.current(payload)
    socket.on(event, listener)
    return () => {
      socket.off(event, listener)
    }
  }, [socket, event])
}

/** Asks the server for a subscription now and after every reconnection (rooms do not survive one). */
export function useSubscription(event: string, payload: Record<string, unknown>) {
  const socket = useSocket()
  const key = JSON.stringify(payload)
  useEffect(() => {
    if (!socket) return
    const subscribe = () => socket.emit(event, JSON.parse(key))
    if (socket.connected) subscribe()
    socket.on('connect', subscribe)
    return () => {
      socket.off('connect', subscribe)
    }
  }, [socket, event, key])
}

/** Reloads the page's loader data when any of the events arrives (a burst becomes one reload). */
export function useRevalidateOn(events: string[]) {
  const socket = useSocket()
  const revalidator = useRevalidator()
  const latest = useRef(revalidator)
  latest.current = revalidator
  const key = events.join(',')
  useEffect(() => {
    if (!socket) return
    let timer: ReturnType<typeof setTimeout> | undefined
    const reload = () => {
      timer ??= setTimeout(() => {
        timer = undefined
        latest.current.revalidate()
      }, 100)
    }
    const names = key.split(',')
    for (const name of names) socket.on(name, reload)
    return () => {
      clearTimeout(timer)
      for (const name of names) socket.off(name, reload)
    }
  }, [socket, key])
}
