import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { expect, test } from 'vitest'
import { writeWebmWithDuration } from '~/modules/live/webm-duration.server'

// A WebM laid out as MediaRecorder writes it: Segment and Clusters of unknown size, Info with
// no Duration. Elements are built byte by byte so the test states exactly what the file holds.
const size1 = (length: number) => Buffer.from([0x80 | length])
const element = (id: number[], body: Buffer) => Buffer.concat([Buffer.from(id), body.length < 127 ? size1(body.length) : sized8(body.length), body])
const sized8 = (length: number) => {
  const bytes = Buffer.alloc(8)
  bytes.writeBigUInt64BE(BigInt(length))
  bytes[0] = 0x01
  return bytes
}
const UNKNOWN = Buffer.from([0x01, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff])
const simpleBlock = (relative: number) => {
  const body = Buffer.alloc(4 + 20)
  body[0] = 0x81 // track 1
  body.writeInt16BE(relative, 1)
  body[3] = 0x80
  return element([0xa3], body)
}
const cluster = (timecode: number, blocks: number[]) => {
  const tc = Buffer.alloc(2)
  tc.writeUInt16BE(timecode)
  return Buffer.concat([Buffer.from([0x1f, 0x43, 0xb6, 0x75]), UNKNOWN, element([0xe7], tc), ...blocks.map(simpleBlock)])
}
const header = element([0x1a, 0x45, 0xdf, 0xa3], element([0x42, 0x82], Buffer.from('webm')))
const info = element([0x15, 0x49, 0xa9, 0x66], Buffer.concat([element([0x2a, 0xd7, 0xb1], Buffer.from([0x0f, 0x42, 0x40])), element([0x4d, 0x80], Buffer.from('Chrome'))]))
const tracks = element([0x16, 0x54, 0xae, 0x6b], element([0xae], Buffer.alloc(10)))
const recorded = (...clusters: Buffer[]) => Buffer.concat([header, Buffer.from([0x18, 0x53, 0x80, 0x67]), UNKNOWN, info, tracks, ...clusters])

function durationIn(file: Buffer) {
  const at = file.indexOf(Buffer.from([0x44, 0x89, 0x88]))
  return at < 0 ? null : file.readDoubleBE(at + 3)
}

async function fix(bytes: Buffer) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'webm-'))
  const source = path.join(dir, 'in.webm')
  const target = path.join(dir, 'out.webm')
  fs.writeFileSync(source, bytes)
  const durationMs = await writeWebmWithDuration(source, target)
  const written = fs.readFileSync(target)
  fs.rmSync(dir, { recursive: true })
  return { durationMs, written }
}

test('the duration is the last block time, written into Info; the rest of the file is untouched', async () => {
  const clusters = [cluster(0, [0, 33, 66]), cluster(1000, [0, 250, 520])]
  const { durationMs, written } = await fix(recorded(...clusters))
  expect(durationMs).toBe(1520)
  expect(durationIn(written)).toBe(1520)
  expect(written.subarray(written.length - Buffer.concat(clusters).length)).toEqual(Buffer.concat([tracks, ...clusters]).subarray(tracks.length))
  expect(written.includes(Buffer.from('Chrome'))).toBe(true)
})

test('fixing twice replaces the duration instead of adding a second one', async () => {
  const once = await fix(recorded(cluster(0, [0]), cluster(2000, [900])))
  const twice = await fix(once.written)
  expect(twice.durationMs).toBe(2900)
  expect(twice.written.length).toBe(once.written.length)
})

test('a damaged stretch between clusters (a lost chunk) is skipped up to the next cluster', async () => {
  const damaged = recorded(cluster(0, [0, 40]), Buffer.from([0x00, 0x13, 0x37, 0x00]), cluster(3000, [100]))
  expect((await fix(damaged)).durationMs).toBe(3100)
})

test('a file that is not WebM is copied as it is', async () => {
  const mp4 = Buffer.concat([Buffer.from([0, 0, 0, 0x18]), Buffer.from('ftypmp42'), Buffer.alloc(40)])
  const { durationMs, written } = await fix(mp4)
  expect(durationMs).toBeNull()
  expect(written).toEqual(mp4)
})
