import { describe, expect, test } from 'vitest'
import { coalescingStream } from '../../app/utils/coalescing-stream.server'

function collect(stream: NodeJS.ReadableStream) {
  const chunks: string[] = []
  stream.on('data', (chunk: Buffer) => chunks.push(chunk.toString()))
  return { chunks, ended: new Promise<void>((resolve) => stream.on('end', () => resolve())) }
}

const nextTurn = () => new Promise<void>((resolve) => setImmediate(() => setImmediate(resolve)))

describe('coalescingStream', () => {
  test('pieces written in one turn of the event loop leave as one chunk, in order', async () => {
    const stream = coalescingStream()
    const { chunks, ended } = collect(stream)
    stream.write('<html>')
    stream.write('<body>')
    stream.write('hello')
    await nextTurn()
    stream.write('</body>')
    stream.end('</html>')
    await ended
    expect(chunks).toEqual(['<html><body>hello', '</body></html>'])
  })

  test('a piece written later (deferred data) is not held back until the end', async () => {
    const stream = coalescingStream()
    const { chunks, ended } = collect(stream)
    stream.write('shell')
    await nextTurn()
    expect(chunks).toEqual(['shell'])
    stream.write('data')
    await nextTurn()
    expect(chunks).toEqual(['shell', 'data'])
    stream.end()
    await ended
    expect(chunks.join('')).toBe('shelldata')
  })
})
