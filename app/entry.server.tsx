import crypto from 'node:crypto'
import { createReadableStreamFromReadable, type EntryContext } from '@remix-run/node'
import { RemixServer } from '@remix-run/react'
import { isbot } from 'isbot'
import { renderToPipeableStream } from 'react-dom/server'
import { NonceProvider } from '~/components/nonce'
import { flushCaseViews } from '~/modules/cases/case-views.server'
import { settleBackgroundWork } from '~/utils/background-work.server'
import { coalescingStream } from '~/utils/coalescing-stream.server'
import { closePgPools } from '~/utils/pg-pool.server'
import { contentSecurityPolicy } from '~/utils/security-headers.server'
import { registerLiveRoomKinds } from '~/realtime/live-room-kinds.server'

const ABORT_DELAY = 5_000

// Loaders that serve a call's recordings ask its owner's policy: this copy of the modules needs it too.
registerLiveRoomKinds()

/** Streams the page; crawlers get it only when everything has rendered. */
export default function handleRequest(request: Request, responseStatusCode: number, responseHeaders: Headers, remixContext: EntryContext) {
  const waitForAll = isbot(request.headers.get('user-agent') ?? '') || remixContext.isSpaMode
  return new Promise((resolve, reject) => {
    let shellRendered = false
    const nonce = crypto.randomBytes(16).toString('base64')
    const page = (
      <NonceProvider value={nonce}>
        <RemixServer context={remixContext} url={request.url} abortDelay={ABORT_DELAY} nonce={nonce} />
      </NonceProvider>
    )
    const { pipe, abort } = renderToPipeableStream(page, {
      nonce,
      [waitForAll ? 'onAllReady' : 'onShellReady']() {
        shellRendered = true
        const body = coalescingStream()
        responseHeaders.set('Content-Type', 'text/html')
        responseHeaders.set('Content-Security-Policy', contentSecurityPolicy(nonce))
        resolve(new Response(createReadableStreamFromReadable(body), { headers: responseHeaders, status: responseStatusCode }))
        pipe(body)
      },
      onShellError(error: unknown) {
        reject(error)
      },
      onError(error: unknown) {
        responseStatusCode = 500
        // Errors before the shell reject the promise and Remix logs them; log the ones while streaming.
        if (shellRendered) console.error(error)
      },
    })
    setTimeout(abort, ABORT_DELAY)
  })
}

/** Called by server.ts on SIGINT/SIGTERM, inside the build's module graph, before the database stops. */
export async function flushBeforeExit() {
  await settleBackgroundWork()
  await flushCaseViews()
  // The routes' pools are this graph's copies (server.ts imports its own).
  await closePgPools()
}
