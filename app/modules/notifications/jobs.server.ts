import { writeDailyDigests } from './digest.server'
import { sendPendingMail } from './mailer.server'

const EVERY_MS = 10 * 60_000

/** Every ten minutes: write the digests that are due, then send what waits (when SMTP is set). */
export function startMailJobs({ log }: { log: (line: string) => void }) {
  let running: Promise<unknown> = Promise.resolve()
  const tick = () => {
    running = writeDailyDigests()
      .then(() => sendPendingMail())
      .then(({ failed }) => failed > 0 && log(`mail: ${failed} e-mail(s) could not be sent; tried again later`))
      .catch((error: unknown) => log(`mail: ${error instanceof Error ? error.message : error}`))
  }
  const timer = setInterval(tick, EVERY_MS)
  tick()
  return {
    stop: async () => {
      clearInterval(timer)
      await running
    },
  }
}
