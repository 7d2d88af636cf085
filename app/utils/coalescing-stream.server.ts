import { Transform } from 'node:stream'

/**
 * React writes a page in ~2 KB pieces, each one a write to the socket and a chunk for the client
 * to parse. This passes on everything written in one turn of the event loop as one chunk, so a
 * page goes out in one or two writes while deferred data still streams as it resolves.
 */
export function coalescingStream() {
  let pending: Buffer[] = []
  let scheduled = false
  const takePending = () => {
    const chunk = pending.length === 1 ? pending[0] : Buffer.concat(pending)
    pending = []
    return chunk
  }
  const stream: Transform = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      pending.push(chunk)
      if (!scheduled) {
        scheduled = true
        setImmediate(() => {
          scheduled = false
          if (pending.length) stream.push(takePending())
        })
      }
      done()
    },
    flush(done) {
      if (pending.length) this.push(takePending())
      done()
    },
  })
  return stream
}
