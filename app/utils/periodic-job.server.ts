/**
 * Runs `work` now and then every `everyMs`, one run at a time; a failure is logged and the next
 * tick tries again. `stop` waits for a run in progress.
 */
export function startPeriodicJob({ everyMs, work, onError }: { everyMs: number; work: () => Promise<unknown>; onError: (error: unknown) => void }) {
  let running: Promise<unknown> = Promise.resolve()
  let busy = false
  const tick = () => {
    if (busy) return
    busy = true
    running = work()
      .catch(onError)
      .finally(() => {
        busy = false
      })
  }
  tick()
  const timer = setInterval(tick, everyMs)
  return {
    stop: async () => {
      clearInterval(timer)
      await running
    },
  }
}

export const errorText = (error: unknown) => (error instanceof Error ? error.message : String(error))
