import { errorText, startPeriodicJob } from '~/utils/periodic-job.server'
import { escalateOverdueActions } from './inspections.server'

/** Every ten minutes: corrective actions past their due date and not verified are escalated (once). */
export function startActionEscalation({ log }: { log: (line: string) => void }) {
  return startPeriodicJob({
    everyMs: 10 * 60_000,
    work: escalateOverdueActions,
    onError: (error) => log(`inspections: escalating overdue actions failed (${errorText(error)}); next try in ten minutes`),
  })
}
