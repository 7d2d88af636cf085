import fs from 'node:fs'
import path from 'node:path'
import { pipeline } from 'node:stream/promises'
import { getEnv } from '~/utils/env.server'
import { writeWebmWithDuration } from './webm-duration.server'

/** A recorder sends a chunk a second (~50-150 KB); this is far above any real one. */
export const MAX_CHUNK_BYTES = 8 * 1024 * 1024

export class ChunkTooLargeError extends Error {}

/*
 * A recording on disk: its chunks while it is made (`recordings/<id>/<seq>.part`), then one file
 * (`recordings/<id>.<ext>`). A chunk is written under a temporary name and renamed, so a retried
 * or interrupted upload never leaves half a chunk behind.
 */
const recordingsDir = () => path.join(getEnv().dataDir, 'recordings')
const chunkDir = (recordingId: string) => path.join(recordingsDir(), recordingId)
const chunkFile = (recordingId: string, sequence: number) => path.join(chunkDir(recordingId), `${String(sequence).padStart(6, '0')}.part`)

export const recordingExtension = (mimeType: string) => (mimeType.startsWith('video/mp4') ? 'mp4' : 'webm')
export const recordingFile = (recordingId: string, mimeType: string) => path.join(recordingsDir(), `${recordingId}.${recordingExtension(mimeType)}`)

/** Stores one chunk; returns its size and by how much it changed the recording's (a retry replaces). */
export async function storeChunk(recordingId: string, sequence: number, body: AsyncIterable<Uint8Array>) {
  fs.mkdirSync(chunkDir(recordingId), { recursive: true })
  const target = chunkFile(recordingId, sequence)
  const temporary = `${target}.${process.pid}.${Date.now()}.tmp`
  let sizeBytes = 0
  async function* limited() {
    for await (const piece of body) {
      sizeBytes += piece.byteLength
      if (sizeBytes > MAX_CHUNK_BYTES) throw new ChunkTooLargeError(`a chunk may not exceed ${MAX_CHUNK_BYTES} bytes`)
      yield piece
    }
  }
  try {
    await pipeline(limited, fs.createWriteStream(temporary))
    const previous = fs.existsSync(target) ? fs.statSync(target).size : 0
    fs.renameSync(temporary, target)
    return { sizeBytes, growth: sizeBytes - previous }
  } catch (error) {
    fs.rmSync(temporary, { force: true })
    throw error
  }
}

/** The chunks received, in order; a gap (a chunk that never arrived) is simply skipped. */
function storedChunks(recordingId: string) {
  if (!fs.existsSync(chunkDir(recordingId))) return []
  return fs
    .readdirSync(chunkDir(recordingId))
    .filter((name) => /^\d{6}\.part$/.test(name))
    .sort()
    .map((name) => path.join(chunkDir(recordingId), name))
}

/**
 * Joins the chunks into the recording's file and, for WebM, writes its duration so players can
 * seek. Returns null when no chunk arrived at all.
 */
export async function assembleChunks(recordingId: string, mimeType: string) {
  const chunks = storedChunks(recordingId)
  if (chunks.length === 0) return null
  const joined = path.join(chunkDir(recordingId), 'joined.tmp')
  // One chunk at a time in memory: each is at most MAX_CHUNK_BYTES.
  const out = await fs.promises.open(joined, 'w')
  try {
    for (const chunk of chunks) await out.write(await fs.promises.readFile(chunk))
  } finally {
    await out.close()
  }

  const target = recordingFile(recordingId, mimeType)
  const finished = `${target}.tmp`
  const durationMs = recordingExtension(mimeType) === 'webm' ? await writeWebmWithDuration(joined, finished) : (fs.renameSync(joined, finished), null)
  fs.renameSync(finished, target)
  fs.rmSync(chunkDir(recordingId), { recursive: true, force: true })
  return { durationMs, sizeBytes: fs.statSync(target).size }
}
