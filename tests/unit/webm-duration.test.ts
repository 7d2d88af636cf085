import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { expect, test } from 'vitest'
import { writeWebmWithDuration } from '~/modules/live/webm-duration.server'
import { cluster, durationIn, recordedWebm as recorded, tracks } from '../fixtures/webm'

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
