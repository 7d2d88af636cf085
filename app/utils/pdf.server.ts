import fs from 'node:fs'

export class PdfUnavailableError extends Error {}

const chromiumPaths = () => [process.env.CHROMIUM_PATH, '/usr/lib/chromium/chromium', '/usr/bin/chromium', '/usr/bin/chromium-browser'].filter((file): file is string => Boolean(file))

// One browser at a time: a PDF costs a Chromium start and a render on a two-core machine.
let queue: Promise<unknown> = Promise.resolve()

/**
 * A page of this portal as an A4 PDF, rendered by headless Chromium exactly as the signed-in user
 * sees it (their session cookie is sent, so it shows only what they may see).
 */
export function renderPageToPdf({ url, cookie }: { url: string; cookie: string }): Promise<Buffer> {
  const executablePath = chromiumPaths().find((file) => fs.existsSync(file))
  if (!executablePath) return Promise.reject(new PdfUnavailableError('Chromium is not installed (set CHROMIUM_PATH)'))
  const run = async () => {
    const { chromium } = await import('playwright-core')
    const browser = await chromium.launch({ executablePath, args: ['--no-sandbox', '--disable-gpu', '--no-first-run'] })
    try {
      const page = await (await browser.newContext({ extraHTTPHeaders: { Cookie: cookie } })).newPage()
      const response = await page.goto(url, { waitUntil: 'networkidle', timeout: 30_000 })
      if (!response?.ok()) throw new Error(`${url} answered ${response?.status()}`)
      await page.emulateMedia({ media: 'print' })
      return await page.pdf({ format: 'A4', printBackground: true, margin: { top: '12mm', bottom: '12mm', left: '10mm', right: '10mm' } })
    } finally {
      await browser.close()
    }
  }
  const result = queue.then(run, run)
  queue = result.catch(() => undefined)
  return result
}

/** A page of this portal, as the caller sees it, answered as a PDF download (503 without Chromium). */
export async function pdfResponse({ request, path, fileName }: { request: Request; path: string; fileName: string }) {
  try {
    const pdf = await renderPageToPdf({ url: new URL(path, request.url).href, cookie: request.headers.get('Cookie') ?? '' })
    return new Response(new Uint8Array(pdf), {
      headers: {
        'Content-Type': 'application/pdf',
        'Content-Length': String(pdf.length),
        'Content-Disposition': `attachment; filename="${fileName}"`,
        'Cache-Control': 'private, no-store',
      },
    })
  } catch (error) {
    if (error instanceof PdfUnavailableError) throw new Response(error.message, { status: 503 })
    throw error
  }
}
