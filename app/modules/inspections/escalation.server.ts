import { escalateOverdueActions } from './inspections.server'

const EVERY_MS = 10 * 60_000

/** Every ten minutes: corrective actions past their due date and not verified are escalated (once). */
export function startActionEscalation({ log }: { log: (line: string) => void }) {
  let running: Promise<unknown> = Promise.resolve()
  const tick = () => {
    running = escalateOverdueActions().catch((error: unknown) => log(`inspections: escalating overdue actions failed (${error instanceof Error ? error.message : error}); next try in ten minutes`))
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
