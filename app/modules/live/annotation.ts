import { z } from 'zod'
import { LIVE_ROOM_ID } from './rooms'

export const ANNOTATION_EVENTS = {
  freeze: 'live:freeze',
  stroke: 'live:stroke',
  undo: 'live:undo',
  clear: 'live:clear',
  unfreeze: 'live:unfreeze',
  /** Asks one participant's browser for a still of its own camera at the camera's resolution. */
  snapshotAsk: 'live:snapshot:ask',
  /** Its answer: the still, uploaded as a file of the call's owner, or null (camera off, failed). */
  snapshotTaken: 'live:snapshot:taken',
} as const

export const STROKE_KINDS = ['arrow', 'circle', 'freehand', 'text'] as const
/** Few, strong colours: they must stand out on an engine bay and mean the same to everyone. */
export const STROKE_COLOURS = ['#e53935', '#fdd835', '#43a047', '#1e88e5', '#ffffff'] as const
export const STROKE_WIDTHS = [2, 4, 8] as const
export const MAX_STROKE_POINTS = 500
export const MAX_STROKES = 200
export const MAX_TEXT_LENGTH = 200

const fraction = z.number().finite().min(0).max(1)
const point = z.tuple([fraction, fraction])

/**
 * One mark on a frame. Points are fractions (0-1) of the frame's own width and height, so a mark
 * lands on the same spot at any display size. arrow: tail, head; circle: centre, a point on the
 * rim; freehand: the path; text: its anchor. Width is in pixels of a 1000-pixel-wide frame.
 */
export const strokeSchema = z
  .object({
    id: z.string().regex(/^[A-Za-z0-9-]{4,64}$/),
    kind: z.enum(STROKE_KINDS),
    colour: z.enum(STROKE_COLOURS),
    width: z.union([z.literal(STROKE_WIDTHS[0]), z.literal(STROKE_WIDTHS[1]), z.literal(STROKE_WIDTHS[2])]),
    points: z.array(point).min(1).max(MAX_STROKE_POINTS),
    text: z.string().trim().min(1).max(MAX_TEXT_LENGTH).optional(),
  })
  .strict()
  .superRefine((stroke, context) => {
    const needed = { arrow: 2, circle: 2, freehand: 2, text: 1 }[stroke.kind]
    if (stroke.kind === 'freehand' ? stroke.points.length < needed : stroke.points.length !== needed) {
      context.addIssue({ code: 'custom', path: ['points'], message: `${stroke.kind} takes ${stroke.kind === 'freehand' ? 'at least ' : ''}${needed} point(s)` })
    }
    if ((stroke.kind === 'text') !== (stroke.text !== undefined)) {
      context.addIssue({ code: 'custom', path: ['text'], message: 'text goes with text strokes only' })
    }
  })

export type Stroke = z.infer<typeof strokeSchema>
export type StrokeKind = Stroke['kind']
export type StrokeColour = Stroke['colour']
export type Point = [number, number]

export const strokesSchema = z.array(strokeSchema).max(MAX_STROKES)
export const saveAnnotationsSchema = z.object({ annotations: strokesSchema }).strict()

const roomId = z.string().regex(LIVE_ROOM_ID)
const frameId = z.string().regex(/^[A-Za-z0-9-]{8,64}$/)

export const freezeSchema = z
  .object({ roomId, frameId, participantId: z.string().regex(/^[A-Za-z0-9-]{8,64}$/), attachmentId: z.string().regex(/^[A-Za-z0-9_-]{8,64}$/) })
  .strict()
export const strokeEventSchema = z.object({ roomId, frameId, stroke: strokeSchema }).strict()
export const undoSchema = z.object({ roomId, frameId, strokeId: z.string().regex(/^[A-Za-z0-9-]{4,64}$/) }).strict()
export const frameEventSchema = z.object({ roomId, frameId }).strict()

/** What the others receive: the event's payload without the room, plus who sent it. */
export type FreezeMessage = Omit<z.infer<typeof freezeSchema>, 'roomId'> & { from: string; fromName: string }
export type StrokeMessage = { frameId: string; stroke: Stroke; from: string }
export type UndoMessage = { frameId: string; strokeId: string; from: string }
export type FrameMessage = { frameId: string; from: string }

/** Stored annotations read back leniently: anything that does not parse is shown as no marks. */
export function readStrokes(value: unknown): Stroke[] {
  const parsed = strokesSchema.safeParse(value)
  return parsed.success ? parsed.data : []
}

export type Rect = { x: number; y: number; width: number; height: number }

/**
 * Where a frame of `media` size is drawn inside a `box` with `object-fit: contain`: centred,
 * scaled to fit, with bars left/right or top/bottom.
 */
export function contentRect(box: { width: number; height: number }, media: { width: number; height: number }): Rect {
  if (box.width <= 0 || box.height <= 0 || media.width <= 0 || media.height <= 0) return { x: 0, y: 0, width: Math.max(box.width, 0), height: Math.max(box.height, 0) }
  const scale = Math.min(box.width / media.width, box.height / media.height)
  const width = media.width * scale
  const height = media.height * scale
  return { x: (box.width - width) / 2, y: (box.height - height) / 2, width, height }
}

const clamp = (value: number) => Math.min(1, Math.max(0, value))

/** A pixel position in the box (e.g. from a pointer event) as fractions of the frame; the bars clamp to the frame's edge. */
export function toFraction(pixel: { x: number; y: number }, content: Rect): Point {
  return [clamp((pixel.x - content.x) / content.width), clamp((pixel.y - content.y) / content.height)]
}

/** A point in fractions of the frame as pixels in the box. */
export function toPixel([fx, fy]: Point, content: Rect) {
  return { x: content.x + fx * content.width, y: content.y + fy * content.height }
}

/** Drops freehand points closer than `minGap` (fractions) to the last kept one and keeps at most the allowed number. */
export function simplifyPath(points: Point[], minGap = 0.003): Point[] {
  const kept: Point[] = []
  for (const current of points) {
    const last = kept.at(-1)
    if (!last || Math.hypot(current[0] - last[0], current[1] - last[1]) >= minGap) kept.push(current)
  }
  if (kept.length <= MAX_STROKE_POINTS) return kept
  const step = kept.length / MAX_STROKE_POINTS
  return Array.from({ length: MAX_STROKE_POINTS }, (_, index) => kept[Math.floor(index * step)])
}

const askId = z.string().regex(/^[A-Za-z0-9-]{8,64}$/)
const participantId = z.string().regex(/^[A-Za-z0-9-]{8,64}$/)
export const snapshotAskSchema = z.object({ roomId: z.string().regex(LIVE_ROOM_ID), to: participantId, askId }).strict()
export const snapshotTakenSchema = z
  .object({ roomId: z.string().regex(LIVE_ROOM_ID), to: participantId, askId, attachmentId: z.string().regex(/^[a-z0-9]{20,40}$/).nullable() })
  .strict()
export type SnapshotAsk = { askId: string; from: string; fromName: string }
export type SnapshotTaken = { askId: string; from: string; attachmentId: string | null }
