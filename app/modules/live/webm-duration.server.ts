import fs from 'node:fs'

/*
 * MediaRecorder writes WebM as a live stream: the Segment and its Clusters have "unknown" sizes
 * and the Info element has no Duration, so players show no length and cannot seek. Once the
 * recording is complete we read its block timestamps, then write the Duration into Info. Only
 * the element headers are read (through a window), so an hour-long file is never held in memory.
 */

const ID = {
  segment: 0x18538067,
  info: 0x1549a966,
  timecodeScale: 0x2ad7b1,
  duration: 0x4489,
  cluster: 0x1f43b675,
  clusterTimecode: 0xe7,
  simpleBlock: 0xa3,
  blockGroup: 0xa0,
  block: 0xa1,
}
const CLUSTER_CHILDREN = new Set([ID.clusterTimecode, ID.simpleBlock, ID.blockGroup, 0xa7, 0xab, 0xbf, 0xec])
const CLUSTER_ID_BYTES = Buffer.from([0x1f, 0x43, 0xb6, 0x75])

/** Random access to bytes: a file's through a cached window, or a buffer's. */
type Bytes = { readonly size: number; read(offset: number, length: number): Buffer }

const inMemory = (bytes: Buffer): Bytes => ({ size: bytes.length, read: (offset, length) => bytes.subarray(offset, offset + length) })

class FileWindow implements Bytes {
  private start = 0
  private bytes = Buffer.alloc(0)

  constructor(
    private readonly fd: number,
    readonly size: number,
    private readonly windowBytes = 1 << 20,
  ) {}

  read(offset: number, length: number): Buffer {
    if (offset < this.start || offset + length > this.start + this.bytes.length) {
      const buffer = Buffer.alloc(Math.max(length, this.windowBytes))
      const read = fs.readSync(this.fd, buffer, 0, buffer.length, offset)
      this.start = offset
      this.bytes = buffer.subarray(0, read)
    }
    return this.bytes.subarray(offset - this.start, offset - this.start + length)
  }
}

type Header = { id: number; dataStart: number; size: number | null }

/** An EBML variable-length integer; `keepMarker` for element ids, which keep their length bits. */
function readVint(window: Bytes, offset: number, keepMarker: boolean) {
  const first = window.read(offset, 1)[0]
  if (first === undefined || first === 0) return null
  const length = Math.clz32(first) - 23
  if (length > 8) return null
  const bytes = window.read(offset, length)
  if (bytes.length < length) return null
  let value = keepMarker ? first : first & (0xff >> length)
  let allOnes = value === (0xff >> length)
  for (let index = 1; index < length; index++) {
    value = value * 256 + bytes[index]
    allOnes &&= bytes[index] === 0xff
  }
  return { value, length, unknown: !keepMarker && allOnes }
}

function readHeader(window: Bytes, offset: number): Header | null {
  const id = readVint(window, offset, true)
  if (!id || id.length > 4) return null
  const size = readVint(window, offset + id.length, false)
  if (!size) return null
  return { id: id.value, dataStart: offset + id.length + size.length, size: size.unknown ? null : size.value }
}

function readUnsigned(bytes: Buffer) {
  return bytes.reduce((value, byte) => value * 256 + byte, 0)
}

/** Where the next Cluster starts after damaged bytes (a chunk lost in transit), or null. */
function findNextCluster(window: Bytes, from: number) {
  for (let offset = from; offset < window.size; offset += (1 << 20) - 4) {
    const found = window.read(offset, Math.min(1 << 20, window.size - offset)).indexOf(CLUSTER_ID_BYTES)
    if (found >= 0) return offset + found
  }
  return null
}

type Layout = { infoStart: number; infoEnd: number; infoChildren: Buffer; segmentHeaderStart: number; segmentSizeKnown: boolean; durationTicks: number; tickMs: number }

function readLayout(window: Bytes): Layout | null {
  const ebml = readHeader(window, 0)
  if (!ebml || ebml.id !== 0x1a45dfa3 || ebml.size === null) return null
  const segmentHeaderStart = ebml.dataStart + ebml.size
  const segment = readHeader(window, segmentHeaderStart)
  if (!segment || segment.id !== ID.segment) return null
  const end = segment.size === null ? window.size : Math.min(window.size, segment.dataStart + segment.size)

  let info: { start: number; end: number; children: Buffer } | null = null
  let tickNs = 1_000_000
  let lastTick = 0
  let offset = segment.dataStart
  while (offset < end) {
    const header = readHeader(window, offset)
    if (!header) {
      const next = findNextCluster(window, offset + 1)
      if (next === null) break
      offset = next
      continue
    }
    if (header.id === ID.info && header.size !== null) {
      const children = Buffer.from(window.read(header.dataStart, header.size))
      info = { start: offset, end: header.dataStart + header.size, children }
      tickNs = readTimecodeScale(children) ?? tickNs
      offset = info.end
    } else if (header.id === ID.cluster) {
      const cluster = readClusterEnd(window, header, end)
      lastTick = Math.max(lastTick, cluster.lastTick)
      offset = cluster.end
    } else if (header.size === null) {
      break
    } else {
      offset = header.dataStart + header.size
    }
  }
  if (!info) return null
  return {
    infoStart: info.start,
    infoEnd: info.end,
    infoChildren: info.children,
    segmentHeaderStart,
    segmentSizeKnown: segment.size !== null,
    durationTicks: lastTick,
    tickMs: tickNs / 1_000_000,
  }
}

function* childrenOf(bytes: Buffer) {
  let offset = 0
  const window = inMemory(bytes)
  while (offset < bytes.length) {
    const header = readHeader(window, offset)
    if (!header || header.size === null) return
    yield { ...header, start: offset, end: header.dataStart + header.size }
    offset = header.dataStart + header.size
  }
}

function readTimecodeScale(infoChildren: Buffer) {
  for (const child of childrenOf(infoChildren)) {
    if (child.id === ID.timecodeScale) return readUnsigned(infoChildren.subarray(child.dataStart, child.end))
  }
  return undefined
}

/** A cluster's last block time (cluster timecode + the block's signed 16-bit offset) and its end. */
function readClusterEnd(window: Bytes, cluster: Header, segmentEnd: number) {
  const end = cluster.size === null ? segmentEnd : Math.min(segmentEnd, cluster.dataStart + cluster.size)
  let clusterTick = 0
  let lastTick = 0
  let offset = cluster.dataStart
  while (offset < end) {
    const header = readHeader(window, offset)
    // An unknown-size cluster ends where an element that cannot be its child begins.
    if (!header || header.size === null || !CLUSTER_CHILDREN.has(header.id)) break
    if (header.id === ID.clusterTimecode) clusterTick = readUnsigned(window.read(header.dataStart, header.size))
    const block = header.id === ID.simpleBlock ? header.dataStart : header.id === ID.blockGroup ? blockInGroup(window, header) : null
    if (block !== null) {
      const track = readVint(window, block, false)
      if (track) lastTick = Math.max(lastTick, clusterTick + window.read(block + track.length, 2).readInt16BE(0))
    }
    offset = header.dataStart + header.size
  }
  return { end: offset, lastTick }
}

function blockInGroup(window: Bytes, group: Header) {
  let offset = group.dataStart
  while (group.size !== null && offset < group.dataStart + group.size) {
    const header = readHeader(window, offset)
    if (!header || header.size === null) return null
    if (header.id === ID.block) return header.dataStart
    offset = header.dataStart + header.size
  }
  return null
}

function encodeSize(size: number) {
  const bytes = Buffer.alloc(8)
  bytes.writeBigUInt64BE(BigInt(size))
  bytes[0] = 0x01 // an 8-byte vint: the length marker, then 56 bits of size
  return bytes
}

function infoWithDuration(children: Buffer, durationTicks: number) {
  const kept = [...childrenOf(children)].filter((child) => child.id !== ID.duration).map((child) => children.subarray(child.start, child.end))
  const duration = Buffer.alloc(11)
  duration.writeUInt16BE(ID.duration, 0)
  duration[2] = 0x88
  duration.writeDoubleBE(durationTicks, 3)
  const body = Buffer.concat([...kept, duration])
  return Buffer.concat([Buffer.from([0x15, 0x49, 0xa9, 0x66]), encodeSize(body.length), body])
}

/**
 * Writes `target` as `source` with its Duration set, and returns the duration in milliseconds;
 * null when `source` is not a WebM we can read (it is then copied as it is).
 */
export async function writeWebmWithDuration(source: string, target: string): Promise<number | null> {
  const fd = fs.openSync(source, 'r')
  let layout: Layout | null
  try {
    layout = readLayout(new FileWindow(fd, fs.fstatSync(fd).size))
  } finally {
    fs.closeSync(fd)
  }
  if (!layout) {
    await fs.promises.copyFile(source, target)
    return null
  }
  const info = infoWithDuration(layout.infoChildren, layout.durationTicks)
  const out = fs.createWriteStream(target)
  const done = new Promise<void>((resolve, reject) => {
    out.on('finish', resolve)
    out.on('error', reject)
  })
  const head = fs.createReadStream(source, { start: 0, end: layout.infoStart - 1 })
  const headBytes = Buffer.concat(await head.toArray())
  if (layout.segmentSizeKnown) {
    // A sized Segment grows with Info: rewrite its size as 8 bytes (rare: MediaRecorder leaves it unknown).
    const segment = readHeader(inMemory(headBytes), layout.segmentHeaderStart)!
    const newSize = fs.statSync(source).size - segment.dataStart + info.length - (layout.infoEnd - layout.infoStart)
    out.write(Buffer.concat([headBytes.subarray(0, layout.segmentHeaderStart), Buffer.from([0x18, 0x53, 0x80, 0x67]), encodeSize(newSize), headBytes.subarray(segment.dataStart)]))
  } else {
    out.write(headBytes)
  }
  out.write(info)
  for await (const chunk of fs.createReadStream(source, { start: layout.infoEnd })) {
    if (!out.write(chunk)) await new Promise<void>((resolve) => out.once('drain', () => resolve()))
  }
  out.end()
  await done
  return Math.round(layout.durationTicks * layout.tickMs)
}
