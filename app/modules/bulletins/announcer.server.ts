import { announceDueBulletins } from './bulletin.server'

const EVERY_MS = 60_000

/** Bulletins dated in the future are announced when their time comes (checked every minute). */
export function startBulletinAnnouncer({ log }: { log: (line: string) => void }) {
  let running: Promise<unknown> = Promise.resolve()
  const tick = () => {
    running = announceDueBulletins().catch((error: unknown) => log(`bulletins: announcing failed (${error instanceof Error ? error.message : error}); next try in a minute`))
  }
  tick()
  const timer = setInterval(tick, EVERY_MS)
  return {
    stop: async () => {
      clearInterval(timer)
      await running
    },
  }
}
