import { errorText, startPeriodicJob } from '~/utils/periodic-job.server'
import { announceDueBulletins } from './bulletin.server'

/** Bulletins dated in the future are announced when their time comes (checked every minute). */
export function startBulletinAnnouncer({ log }: { log: (line: string) => void }) {
  return startPeriodicJob({
    everyMs: 60_000,
    work: () => announceDueBulletins(),
    onError: (error) => log(`bulletins: announcing failed (${errorText(error)}); next try in a minute`),
  })
}
