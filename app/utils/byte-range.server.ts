import fs from 'node:fs'
import { createReadableStreamFromReadable } from '@remix-run/node'

/** The one range a `Range: bytes=…` header asks of a file of `size` bytes; null for the whole file, 'unsatisfiable' when it lies outside. */
export function parseByteRange(header: string | null, size: number): { start: number; end: number } | null | 'unsatisfiable' {
  const match = header ? /^bytes=(\d*)-(\d*)$/.exec(header.trim()) : null
  if (!match || (match[1] === '' && match[2] === '')) return null
  if (match[1] === '') {
    // "bytes=-500": the last 500 bytes
    const length = Math.min(Number(match[2]), size)
    return length === 0 ? 'unsatisfiable' : { start: size - length, end: size - 1 }
  }
  const start = Number(match[1])
  const end = match[2] === '' ? size - 1 : Math.min(Number(match[2]), size - 1)
  return start >= size || end < start ? 'unsatisfiable' : { start, end }
}

/**
 * A file from disk answering HTTP range requests, so a browser can seek in a video without
 * downloading it: 206 with the asked part, 416 outside it, 200 with all of it otherwise.
 */
export function serveFileWithRanges(request: Request, file: { path: string; mimeType: string; sizeBytes: number }, headers: Record<string, string> = {}) {
  const range = parseByteRange(request.headers.get('range'), file.sizeBytes)
  const common = { 'Content-Type': file.mimeType, 'Accept-Ranges': 'bytes', 'X-Content-Type-Options': 'nosniff', ...headers }
  if (range === 'unsatisfiable') return new Response(null, { status: 416, headers: { ...common, 'Content-Range': `bytes */${file.sizeBytes}` } })
  const { start, end } = range ?? { start: 0, end: file.sizeBytes - 1 }
  const body = request.method === 'HEAD' || file.sizeBytes === 0 ? null : createReadableStreamFromReadable(fs.createReadStream(file.path, { start, end }))
  return new Response(body, {
    status: range ? 206 : 200,
    headers: { ...common, 'Content-Length': String(end - start + 1), ...(range ? { 'Content-Range': `bytes ${start}-${end}/${file.sizeBytes}` } : {}) },
  })
}
