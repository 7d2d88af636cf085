import { describe, expect, test } from 'vitest'
import { describeProgress, formatDuration, startProgress } from '../../scripts/progress'

describe('describeProgress', () => {
  test('says how far, how fast and how long still, at the average rate so far', () => {
    expect(describeProgress({ done: 25_000 }, 100_000, 10, 'lines')).toBe('25,000 of 100,000 lines, 2,500 lines/s, about 30 s left')
    expect(describeProgress({ done: 1_000, indexed: 0 }, 100_000, 2, 'lines')).toBe(
      '1,000 of 100,000 lines, 0 indexed, 500 lines/s, about 3 min 18 s left',
    )
    expect(describeProgress({ done: 0 }, 10, 0, 'lines')).toBe('0 of 10 lines, 0 lines/s, about ? left')
  })

  test('once everything is written, says what it waits for', () => {
    expect(describeProgress({ done: 100_000, indexed: 75_000 }, 100_000, 40, 'lines')).toBe(
      '100,000 of 100,000 lines written, 75,000 indexed; waiting for the index',
    )
  })

  test('formats durations for people', () => {
    expect([formatDuration(4.4), formatDuration(65), formatDuration(3 * 3600 + 7 * 60)]).toEqual(['4 s', '1 min 05 s', '3 h 07 min'])
  })
})

function fakeOutput(isTTY: boolean) {
  const writes: string[] = []
  return { isTTY, writes, write: (text: string) => writes.push(text) > 0 }
}

describe('startProgress', () => {
  test('on a terminal: one line rewritten in place, messages printed above it', () => {
    const output = fakeOutput(true)
    let done = 0
    const progress = startProgress({ total: 10, unit: 'lines', read: () => ({ done }), output, intervalMs: 60_000 })
    done = 4
    progress.log('line 3: bad')
    progress.stop()
    const clearLine = '\r\x1b[K'
    expect(output.writes[0].startsWith(`${clearLine}0 of 10 lines`)).toBe(true)
    expect(output.writes.slice(1, 3)).toEqual([clearLine, 'line 3: bad\n'])
    expect(output.writes[3].startsWith(`${clearLine}4 of 10 lines`)).toBe(true)
    expect(output.writes.slice(4)).toEqual([clearLine])
  })

  test('elsewhere (a log, CI): plain lines now and then, nothing rewritten', async () => {
    const output = fakeOutput(false)
    const progress = startProgress({ total: 10, unit: 'lines', read: () => ({ done: 5 }), output, intervalMs: 10 })
    await new Promise((resolve) => setTimeout(resolve, 35))
    progress.log('line 3: bad')
    progress.stop()
    expect(output.writes.length).toBeGreaterThanOrEqual(2)
    expect(output.writes.every((text) => !text.includes('\r') && text.endsWith('\n'))).toBe(true)
    expect(output.writes).toContain('line 3: bad\n')
    expect(output.writes[0]).toMatch(/^… 5 of 10 lines, \d+ lines\/s/)
  })
})
