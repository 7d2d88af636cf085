export type ProgressCounts = { done: number; indexed?: number }

type Output = Pick<NodeJS.WriteStream, 'write'> & { isTTY?: boolean }

const formatter = new Intl.NumberFormat('en')
const count = (value: number) => formatter.format(Math.round(value))

export function formatDuration(seconds: number) {
  if (!Number.isFinite(seconds)) return '?'
  const rounded = Math.max(0, Math.round(seconds))
  if (rounded < 60) return `${rounded} s`
  const minutes = Math.floor(rounded / 60)
  if (minutes < 60) return `${minutes} min ${String(rounded % 60).padStart(2, '0')} s`
  return `${Math.floor(minutes / 60)} h ${String(minutes % 60).padStart(2, '0')} min`
}

/**
 * One line of progress: how far, how fast, how long still (at the average rate so far). A
 * trailing stage (indexing) is shown beside the first, and waited for once the first is done.
 */
export function describeProgress({ done, indexed }: ProgressCounts, total: number, elapsedSeconds: number, unit: string) {
  const rate = elapsedSeconds > 0 ? done / elapsedSeconds : 0
  const indexedPart = indexed === undefined ? '' : `, ${count(indexed)} indexed`
  if (done >= total) return `${count(done)} of ${count(total)} ${unit} written${indexedPart}; waiting for the index`
  const left = rate > 0 ? formatDuration((total - done) / rate) : '?'
  return `${count(done)} of ${count(total)} ${unit}${indexedPart}, ${count(rate)} ${unit}/s, about ${left} left`
}

/**
 * Reports progress on `output`: on a terminal one line rewritten in place a few times a second,
 * otherwise a plain line now and then (logs and CI keep a readable history). `log` prints a
 * message without tearing the progress line.
 */
export function startProgress({
  total,
  unit,
  read,
  output = process.stderr,
  intervalMs = output.isTTY ? 250 : 10_000,
}: {
  total: number
  unit: string
  read: () => ProgressCounts
  output?: Output
  intervalMs?: number
}) {
  const started = performance.now()
  const line = () => describeProgress(read(), total, (performance.now() - started) / 1000, unit)
  const clear = () => output.isTTY && output.write('\r\x1b[K')
  const draw = () => (output.isTTY ? output.write(`\r\x1b[K${line()}`) : output.write(`… ${line()}\n`))
  const timer = setInterval(draw, intervalMs)
  timer.unref()
  if (output.isTTY) draw()
  return {
    log(message: string) {
      clear()
      output.write(`${message}\n`)
      if (output.isTTY) draw()
    },
    stop() {
      clearInterval(timer)
      clear()
    },
  }
}
