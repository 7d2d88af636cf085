const pending = new Set<Promise<unknown>>()

/**
 * Work a request starts without waiting for it (a log row): kept here so that a stopping
 * server finishes it before its database goes.
 */
export function inBackground<T>(work: Promise<T>): Promise<T> {
  pending.add(work)
  const forget = () => pending.delete(work)
  work.then(forget, forget)
  return work
}

/** Waits for the background work started so far, at most `timeoutMs`. */
export async function settleBackgroundWork(timeoutMs = 5000) {
  let timer: NodeJS.Timeout | undefined
  const timeout = new Promise<void>((resolve) => (timer = setTimeout(resolve, timeoutMs)))
  await Promise.race([Promise.allSettled([...pending]), timeout])
  clearTimeout(timer)
}
