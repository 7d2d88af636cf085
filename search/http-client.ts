import { setMaxListeners } from 'node:events'
import http from 'node:http'
import https from 'node:https'

const agents = { 'http:': new http.Agent({ keepAlive: true, maxSockets: 64 }), 'https:': new https.Agent({ keepAlive: true, maxSockets: 64 }) }

export class MeiliHttpError extends Error {
  constructor(readonly status: number, readonly body: unknown) {
    super(`Meilisearch answered ${status}: ${JSON.stringify(body)?.slice(0, 300)}`)
  }
}

/**
 * The Meilisearch client's transport. Node's fetch (undici) stalled ~40 ms on most loopback
 * requests to Meilisearch here (write coalescing against delayed ACKs); node:http with the body
 * in the same write as the headers takes ~1.5 ms. Measured in tests/bench (README).
 */
export function meiliHttpClient(input: RequestInfo | URL, init: RequestInit = {}): Promise<unknown> {
  return send(input, init, true)
}

function send(input: RequestInfo | URL, init: RequestInit, mayRetry: boolean): Promise<unknown> {
  const url = new URL(input instanceof Request ? input.url : String(input))
  const headers: Record<string, string> = {}
  new Headers(init.headers).forEach((value, key) => (headers[key] = value))
  const body = typeof init.body === 'string' ? init.body : undefined
  if (body !== undefined) headers['content-length'] = String(Buffer.byteLength(body))
  const transport = url.protocol === 'https:' ? https : http
  return new Promise((resolve, reject) => {
    const request = transport.request(
      url,
      { method: init.method ?? 'GET', headers, agent: agents[url.protocol as 'http:' | 'https:'] },
      (response) => {
        const chunks: Buffer[] = []
        response.on('data', (chunk: Buffer) => chunks.push(chunk))
        response.on('error', reject)
        response.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8')
          let parsed: unknown
          try {
            parsed = text === '' ? undefined : JSON.parse(text)
          } catch {
            parsed = text
          }
          if ((response.statusCode ?? 500) >= 400) reject(new MeiliHttpError(response.statusCode ?? 500, parsed))
          else resolve(parsed)
        })
      },
    )
    // The client reuses one timeout signal across a task's polls: listen only while this request runs.
    const signal = init.signal
    // The client itself also listens on that shared signal once per poll (its listeners go with the
    // signal when the wait ends): a long wait is not a leak, so Node's warning at 11 is lifted.
    if (signal) setMaxListeners(0, signal)
    const abort = () => request.destroy(new Error('request timed out'))
    if (signal?.aborted) abort()
    signal?.addEventListener('abort', abort, { once: true })
    request.on('close', () => signal?.removeEventListener('abort', abort))
    request.on('error', (error: NodeJS.ErrnoException) => {
      // A kept-alive socket the server closed while idle fails on reuse: retry once on a fresh one
      // (Node's documented pattern; every request we send is safe to repeat).
      if (mayRetry && request.reusedSocket && (error.code === 'ECONNRESET' || error.code === 'EPIPE')) {
        resolve(send(input, init, false))
      } else {
        reject(error)
      }
    })
    request.end(body)
  })
}
