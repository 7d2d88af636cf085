import crypto from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { Readable } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import { getEnv } from '~/utils/env.server'

/** Where attachment bytes live; an S3-compatible store can implement the same three calls. */
export interface FileStorage {
  put(source: AsyncIterable<Uint8Array>, limitBytes: number): Promise<{ key: string; sizeBytes: number; head: Buffer }>
  read(key: string): Readable
  remove(key: string): Promise<void>
  /** Where the bytes lie on this machine, for serving byte ranges (a remote store would presign instead). */
  localPath(key: string): string
}

export class FileTooLargeError extends Error {}

class LocalDiskStorage implements FileStorage {
  constructor(private readonly root: string) {}

  private fileFor(key: string) {
    if (!/^[a-f0-9]{32}$/.test(key)) throw new Error('invalid storage key')
    return path.join(this.root, key.slice(0, 2), key)
  }

  async put(source: AsyncIterable<Uint8Array>, limitBytes: number) {
    const key = crypto.randomBytes(16).toString('hex')
    const file = this.fileFor(key)
    fs.mkdirSync(path.dirname(file), { recursive: true })
    let sizeBytes = 0
    const headChunks: Buffer[] = []
    async function* counted() {
      for await (const chunk of source) {
        sizeBytes += chunk.byteLength
        if (sizeBytes > limitBytes) throw new FileTooLargeError(`file is larger than ${limitBytes} bytes`)
        if (headChunks.length < 4) headChunks.push(Buffer.from(chunk))
        yield chunk
      }
    }
    try {
      await pipeline(counted, fs.createWriteStream(file, { flags: 'wx' }))
    } catch (error) {
      await fs.promises.rm(file, { force: true })
      throw error
    }
    return { key, sizeBytes, head: Buffer.concat(headChunks).subarray(0, 16) }
  }

  read(key: string) {
    return fs.createReadStream(this.fileFor(key))
  }

  async remove(key: string) {
    await fs.promises.rm(this.fileFor(key), { force: true })
  }

  localPath(key: string) {
    return this.fileFor(key)
  }
}

let storage: FileStorage | undefined

export function getFileStorage(): FileStorage {
  storage ??= new LocalDiskStorage(path.join(getEnv().dataDir, 'uploads'))
  return storage
}

/** The file's own first bytes decide its type; the browser's claim is not trusted. */
export function sniffMimeType(head: Buffer): string | undefined {
  if (head.subarray(0, 3).equals(Buffer.from([0xff, 0xd8, 0xff]))) return 'image/jpeg'
  if (head.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return 'image/png'
  if (head.subarray(0, 4).toString('latin1') === 'RIFF' && head.subarray(8, 12).toString('latin1') === 'WEBP') return 'image/webp'
  if (head.subarray(0, 4).toString('latin1') === 'GIF8') return 'image/gif'
  if (head.subarray(0, 5).toString('latin1') === '%PDF-') return 'application/pdf'
  return undefined
}
