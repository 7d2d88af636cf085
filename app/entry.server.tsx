import { PassThrough } from 'node:stream'
import { createReadableStreamFromReadable, type EntryContext } from '@remix-run/node'
import { RemixServer } from '@remix-run/react'
import { isbot } from 'isbot'
import { renderToPipeableStream } from 'react-dom/server'
import { flushCaseViews } from '~/modules/cases/case-views.server'
import { registerLiveRoomKinds } from '~/realtime/live-room-kinds.server'

const ABORT_DELAY = 5_000

// Loaders that serve a call's recordings ask its owner's policy: this copy of the modules needs it too.
registerLiveRoomKinds()

/** Streams the page; crawlers get it only when everything has rendered. */
export default function handleRequest(request: Request, responseStatusCode: number, responseHeaders: Headers, remixContext: EntryContext) {
  const waitForAll = isbot(request.headers.get('user-agent') ?? '') || remixContext.isSpaMode
  return new Promise((resolve, reject) => {
    let shellRendered = false
    const { pipe, abort } = renderToPipeableStream(<RemixServer context={remixContext} url={request.url} abortDelay={ABORT_DELAY} />, {
      [waitForAll ? 'onAllReady' : 'onShellReady']() {
        shellRendered = true
        const body = new PassThrough()
        responseHeaders.set('Content-Type', 'text/html')
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
  await flushCaseViews()
}
