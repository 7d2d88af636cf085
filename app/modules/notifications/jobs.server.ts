import { errorText, startPeriodicJob } from '~/utils/periodic-job.server'
import { writeDailyDigests } from './digest.server'
import { sendPendingMail } from './mailer.server'

/** Every ten minutes: write the digests that are due, then send what waits (when SMTP is set). */
export function startMailJobs({ log }: { log: (line: string) => void }) {
  return startPeriodicJob({
    everyMs: 10 * 60_000,
    work: async () => {
      await writeDailyDigests()
      const { failed } = await sendPendingMail()
      if (failed > 0) log(`mail: ${failed} e-mail(s) could not be sent; tried again later`)
    },
    onError: (error) => log(`mail: ${errorText(error)}`),
  })
}
