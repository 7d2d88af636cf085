import { describe, expect, test } from 'vitest'
import {
  MAX_STROKE_POINTS,
  contentRect,
  readStrokes,
  saveAnnotationsSchema,
  simplifyPath,
  strokeEventSchema,
  strokeSchema,
  toFraction,
  toPixel,
  type Point,
} from '../../app/modules/live/annotation'

const arrow = { id: 'stroke-1', kind: 'arrow', colour: '#e53935', width: 4, points: [[0.1, 0.2], [0.5, 0.6]] }

describe('a stroke', () => {
  test('arrows, circles, freehand and text in the palette are accepted', () => {
    expect(strokeSchema.safeParse(arrow).success).toBe(true)
    expect(strokeSchema.safeParse({ ...arrow, kind: 'circle' }).success).toBe(true)
    expect(strokeSchema.safeParse({ ...arrow, kind: 'freehand', points: [[0, 0], [0.1, 0.1], [1, 1]] }).success).toBe(true)
    expect(strokeSchema.safeParse({ ...arrow, kind: 'text', points: [[0.5, 0.5]], text: '检查这根线 / check this wire' }).success).toBe(true)
  })

  test('points outside the frame, colours off the palette, odd widths and unknown kinds are refused', () => {
    expect(strokeSchema.safeParse({ ...arrow, points: [[0.1, 0.2], [1.2, 0.5]] }).success).toBe(false)
    expect(strokeSchema.safeParse({ ...arrow, points: [[-0.01, 0.2], [0.5, 0.5]] }).success).toBe(false)
    expect(strokeSchema.safeParse({ ...arrow, points: [[Number.NaN, 0.2], [0.5, 0.5]] }).success).toBe(false)
    expect(strokeSchema.safeParse({ ...arrow, colour: '#123456' }).success).toBe(false)
    expect(strokeSchema.safeParse({ ...arrow, width: 5 }).success).toBe(false)
    expect(strokeSchema.safeParse({ ...arrow, kind: 'rectangle' }).success).toBe(false)
    expect(strokeSchema.safeParse({ ...arrow, extra: true }).success).toBe(false)
  })

  test('each kind has its number of points; text only on text strokes and at most 200 characters', () => {
    expect(strokeSchema.safeParse({ ...arrow, points: [[0.1, 0.2]] }).success).toBe(false)
    expect(strokeSchema.safeParse({ ...arrow, kind: 'circle', points: [[0.1, 0.2], [0.2, 0.2], [0.3, 0.3]] }).success).toBe(false)
    expect(strokeSchema.safeParse({ ...arrow, kind: 'freehand', points: [[0.1, 0.2]] }).success).toBe(false)
    expect(strokeSchema.safeParse({ ...arrow, kind: 'text', points: [[0.5, 0.5]] }).success).toBe(false)
    expect(strokeSchema.safeParse({ ...arrow, text: 'not on an arrow' }).success).toBe(false)
    expect(strokeSchema.safeParse({ ...arrow, kind: 'text', points: [[0.5, 0.5]], text: 'x'.repeat(200) }).success).toBe(true)
    expect(strokeSchema.safeParse({ ...arrow, kind: 'text', points: [[0.5, 0.5]], text: 'x'.repeat(201) }).success).toBe(false)
    expect(strokeSchema.safeParse({ ...arrow, kind: 'text', points: [[0.5, 0.5]], text: '   ' }).success).toBe(false)
  })

  test(`at most ${MAX_STROKE_POINTS} points`, () => {
    const path = (count: number) => Array.from({ length: count }, (_, index) => [index / count, 0.5])
    expect(strokeSchema.safeParse({ ...arrow, kind: 'freehand', points: path(MAX_STROKE_POINTS) }).success).toBe(true)
    expect(strokeSchema.safeParse({ ...arrow, kind: 'freehand', points: path(MAX_STROKE_POINTS + 1) }).success).toBe(false)
  })

  test('the socket event needs a call id and a frame id; the save body a list of strokes', () => {
    expect(strokeEventSchema.safeParse({ roomId: 'assistance:abc123', frameId: 'frame-0001', stroke: arrow }).success).toBe(true)
    expect(strokeEventSchema.safeParse({ roomId: 'no room', frameId: 'frame-0001', stroke: arrow }).success).toBe(false)
    expect(saveAnnotationsSchema.safeParse({ annotations: [arrow] }).success).toBe(true)
    expect(saveAnnotationsSchema.safeParse({ annotations: arrow }).success).toBe(false)
  })

  test('stored annotations that do not parse read back as no marks', () => {
    expect(readStrokes([arrow])).toHaveLength(1)
    expect(readStrokes(null)).toEqual([])
    expect(readStrokes([{ ...arrow, kind: 'laser' }])).toEqual([])
  })

  test('a long freehand path is thinned to the allowed number of points', () => {
    const dense: Point[] = Array.from({ length: 5000 }, (_, index) => [index / 5000, Math.abs(Math.sin(index / 100))])
    const thinned = simplifyPath(dense)
    expect(thinned.length).toBeLessThanOrEqual(MAX_STROKE_POINTS)
    expect(thinned[0]).toEqual(dense[0])
    expect(strokeSchema.safeParse({ ...arrow, kind: 'freehand', points: thinned }).success).toBe(true)
  })
})

describe('object-fit: contain letterboxing', () => {
  test('a 16:9 frame in a square box has bars top and bottom', () => {
    expect(contentRect({ width: 400, height: 400 }, { width: 1280, height: 720 })).toEqual({ x: 0, y: 87.5, width: 400, height: 225 })
  })

  test('a 4:3 frame in a wide box has bars left and right', () => {
    expect(contentRect({ width: 800, height: 300 }, { width: 640, height: 480 })).toEqual({ x: 200, y: 0, width: 400, height: 300 })
  })

  test('pixels map to fractions of the frame, not of the box, and back', () => {
    const rect = contentRect({ width: 400, height: 400 }, { width: 1280, height: 720 })
    expect(toFraction({ x: 0, y: 87.5 }, rect)).toEqual([0, 0])
    expect(toFraction({ x: 200, y: 200 }, rect)).toEqual([0.5, 0.5])
    expect(toFraction({ x: 400, y: 312.5 }, rect)).toEqual([1, 1])
    expect(toPixel([0.25, 0.75], rect)).toEqual({ x: 100, y: 87.5 + 0.75 * 225 })
    for (const point of [[0.1, 0.9], [0.33, 0.66], [1, 0]] as Point[]) {
      const back = toFraction(toPixel(point, rect), rect)
      expect(back[0]).toBeCloseTo(point[0], 10)
      expect(back[1]).toBeCloseTo(point[1], 10)
    }
  })

  test('a pointer on a bar lands on the frame\'s nearest edge', () => {
    const rect = contentRect({ width: 800, height: 300 }, { width: 640, height: 480 })
    expect(toFraction({ x: 50, y: 150 }, rect)).toEqual([0, 0.5])
    expect(toFraction({ x: 790, y: -10 }, rect)).toEqual([1, 0])
  })

  test('the same fraction lands on the same spot of the picture at another display size', () => {
    const small = contentRect({ width: 320, height: 240 }, { width: 1280, height: 720 })
    const large = contentRect({ width: 1920, height: 1200 }, { width: 1280, height: 720 })
    const fraction = toFraction({ x: 160, y: 120 }, small)
    const there = toPixel(fraction, large)
    expect(there.x).toBeCloseTo(960)
    expect(there.y).toBeCloseTo(600)
  })
})
