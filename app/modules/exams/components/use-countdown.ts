import { useEffect, useState } from 'react'

// A browser clock this far off the server's is corrected; closer, the page load's own latency would be the larger error.
const TRUSTED_SKEW_MS = 5000

/** Milliseconds left until the server's deadline, ticking every second. */
export function useCountdown(deadline: string, serverNow: string) {
  const end = Date.parse(deadline)
  const [left, setLeft] = useState(() => Math.max(0, end - Date.parse(serverNow)))
  useEffect(() => {
    const measured = Date.parse(serverNow) - Date.now()
    const skew = Math.abs(measured) > TRUSTED_SKEW_MS ? measured : 0
    const tick = () => setLeft(Math.max(0, end - (Date.now() + skew)))
    tick()
    const timer = setInterval(tick, 1000)
    return () => clearInterval(timer)
  }, [end, serverNow])
  return left
}

export function formatClock(ms: number) {
  const total = Math.ceil(ms / 1000)
  const hours = Math.floor(total / 3600)
  const minutes = Math.floor((total % 3600) / 60)
  const seconds = total % 60
  const pad = (value: number) => String(value).padStart(2, '0')
  return hours > 0 ? `${hours}:${pad(minutes)}:${pad(seconds)}` : `${pad(minutes)}:${pad(seconds)}`
}
