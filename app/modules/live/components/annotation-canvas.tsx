import { useEffect, useId, useRef, useState, type PointerEvent } from 'react'
import type { Socket } from 'socket.io-client'
import { useMessages } from '~/i18n/use-t'
import {
  ANNOTATION_EVENTS,
  MAX_TEXT_LENGTH,
  STROKE_COLOURS,
  STROKE_KINDS,
  STROKE_WIDTHS,
  contentRect,
  simplifyPath,
  toFraction,
  type FrameMessage,
  type Point,
  type Stroke,
  type StrokeColour,
  type StrokeKind,
  type StrokeMessage,
  type UndoMessage,
} from '../annotation'
import { annotationMessages } from '../annotation-messages'
import { StrokeShapes, type FrameSize } from './annotated-image'

/** Shorter drags than this (fraction of the frame) are taps, not arrows or circles. */
const MIN_DRAG = 0.01

const newId = () => (typeof crypto !== 'undefined' && 'randomUUID' in crypto ? crypto.randomUUID() : `${Date.now()}-${Math.random().toString(36).slice(2)}`)

export type SharedFrame = { socket: Socket; roomId: string }

/**
 * A still frame (snapshot or frozen video) with marks drawn over it as SVG. With `shared`, every
 * mark, undo and clear goes to the call's other participants and theirs arrive here.
 */
export function AnnotationCanvas({
  src,
  frameId,
  title,
  shared,
  blob,
  onSave,
  onClose,
  closeLabel,
}: {
  src: string
  frameId: string
  title: string
  shared?: SharedFrame
  /** The frame's bytes, when this browser captured it; otherwise they are fetched from `src` on save. */
  blob?: Blob
  onSave?: (blob: Blob, strokes: Stroke[]) => Promise<void>
  onClose: () => void
  closeLabel?: string
}) {
  const t = useMessages(annotationMessages)
  const headingId = useId()
  const textId = useId()
  const surface = useRef<SVGSVGElement>(null)
  const [size, setSize] = useState<FrameSize | null>(null)
  const [strokes, setStrokes] = useState<Stroke[]>([])
  const [draft, setDraft] = useState<Stroke | null>(null)
  const [tool, setTool] = useState<StrokeKind>('arrow')
  const [colour, setColour] = useState<StrokeColour>(STROKE_COLOURS[0])
  const [width, setWidth] = useState<Stroke['width']>(STROKE_WIDTHS[1])
  const [text, setText] = useState('')
  const [status, setStatus] = useState<{ kind: 'idle' | 'saving' | 'saved' } | { kind: 'error'; reason: string }>({ kind: 'idle' })
  const mine = useRef<string[]>([])

  useEffect(() => {
    let current = true
    const image = new Image()
    image.onload = () => current && setSize({ width: image.naturalWidth, height: image.naturalHeight })
    image.src = src
    return () => {
      current = false
    }
  }, [src])

  const socket = shared?.socket
  useEffect(() => {
    if (!socket) return
    const onStroke = (message: StrokeMessage) => {
      if (message.frameId === frameId) setStrokes((current) => (current.some((stroke) => stroke.id === message.stroke.id) ? current : [...current, message.stroke]))
    }
    const onUndo = (message: UndoMessage) => {
      if (message.frameId === frameId) setStrokes((current) => current.filter((stroke) => stroke.id !== message.strokeId))
    }
    const onClear = (message: FrameMessage) => {
      if (message.frameId === frameId) setStrokes([])
    }
    socket.on(ANNOTATION_EVENTS.stroke, onStroke)
    socket.on(ANNOTATION_EVENTS.undo, onUndo)
    socket.on(ANNOTATION_EVENTS.clear, onClear)
    return () => {
      socket.off(ANNOTATION_EVENTS.stroke, onStroke)
      socket.off(ANNOTATION_EVENTS.undo, onUndo)
      socket.off(ANNOTATION_EVENTS.clear, onClear)
    }
  }, [socket, frameId])

  const send = (event: string, payload: Record<string, unknown>) => shared?.socket.emit(event, { roomId: shared.roomId, frameId, ...payload })

  const commit = (stroke: Stroke) => {
    mine.current.push(stroke.id)
    setStrokes((current) => [...current, stroke])
    send(ANNOTATION_EVENTS.stroke, { stroke })
  }

  const fractionAt = (event: PointerEvent<SVGSVGElement>): Point | null => {
    const box = surface.current?.getBoundingClientRect()
    if (!box || !size) return null
    return toFraction({ x: event.clientX - box.left, y: event.clientY - box.top }, contentRect(box, size))
  }

  const placeText = (at: Point) => {
    const value = text.trim().slice(0, MAX_TEXT_LENGTH)
    if (!value) {
      document.getElementById(textId)?.focus()
      return
    }
    commit({ id: newId(), kind: 'text', colour, width, points: [at], text: value })
    setText('')
  }

  const onPointerDown = (event: PointerEvent<SVGSVGElement>) => {
    const at = fractionAt(event)
    if (!at || event.button > 0) return
    event.preventDefault()
    if (tool === 'text') return placeText(at)
    event.currentTarget.setPointerCapture(event.pointerId)
    setDraft({ id: newId(), kind: tool, colour, width, points: tool === 'freehand' ? [at] : [at, at] })
  }
  const onPointerMove = (event: PointerEvent<SVGSVGElement>) => {
    if (!draft) return
    const at = fractionAt(event)
    if (!at) return
    setDraft({ ...draft, points: draft.kind === 'freehand' ? [...draft.points, at] : [draft.points[0], at] })
  }
  const onPointerUp = () => {
    if (!draft) return
    setDraft(null)
    if (draft.kind === 'freehand') {
      const path = simplifyPath(draft.points)
      return commit({ ...draft, points: path.length === 1 ? [path[0], path[0]] : path })
    }
    const [from, to] = draft.points
    if (Math.hypot(to[0] - from[0], to[1] - from[1]) >= MIN_DRAG) commit(draft)
  }

  const undo = () => {
    const last = mine.current.pop()
    if (!last) return
    setStrokes((current) => current.filter((stroke) => stroke.id !== last))
    send(ANNOTATION_EVENTS.undo, { strokeId: last })
  }
  const clear = () => {
    mine.current = []
    setStrokes([])
    send(ANNOTATION_EVENTS.clear, {})
  }
  const save = async () => {
    if (!onSave) return
    setStatus({ kind: 'saving' })
    try {
      await onSave(blob ?? (await (await fetch(src)).blob()), strokes)
      setStatus({ kind: 'saved' })
    } catch (failure) {
      setStatus({ kind: 'error', reason: (failure as Error).message })
    }
  }

  return (
    <div className="annotation" role="region" aria-labelledby={headingId} data-frame={frameId} data-strokes={strokes.length}>
      <h3 id={headingId} className="annotation__title">{title}</h3>
      <div className="annotation__toolbar" role="toolbar" aria-label={t('tools')}>
        <div className="annotation__group">
          {STROKE_KINDS.map((kind) => (
            <button key={kind} type="button" className="button button--ghost annotation__button" aria-pressed={tool === kind} onClick={() => setTool(kind)}>
              {t(`tool.${kind}`)}
            </button>
          ))}
        </div>
        <div className="annotation__group" role="group" aria-label={t('colour')}>
          {STROKE_COLOURS.map((value) => (
            <button
              key={value}
              type="button"
              className="annotation__swatch"
              style={{ background: value }}
              aria-pressed={colour === value}
              aria-label={t(`colour.${value}`)}
              title={t(`colour.${value}`)}
              onClick={() => setColour(value)}
            />
          ))}
        </div>
        <div className="annotation__group" role="group" aria-label={t('width')}>
          {STROKE_WIDTHS.map((value) => (
            <button key={value} type="button" className="button button--ghost annotation__button" aria-pressed={width === value} onClick={() => setWidth(value)}>
              {t(`width.${value}`)}
            </button>
          ))}
        </div>
        {tool === 'text' ? (
          <div className="annotation__group">
            <label htmlFor={textId} className="visually-hidden">{t('textPrompt')}</label>
            <input id={textId} value={text} maxLength={MAX_TEXT_LENGTH} placeholder={t('textPrompt')} onChange={(event) => setText(event.target.value)} />
            {/* Keyboard users place the text in the middle of the frame. */}
            <button type="button" className="button button--ghost annotation__button" onClick={() => placeText([0.5, 0.5])} disabled={!text.trim()}>{t('textPlace')}</button>
          </div>
        ) : null}
        <div className="annotation__group">
          <button type="button" className="button button--ghost annotation__button" onClick={undo}>{t('undo')}</button>
          <button type="button" className="button button--ghost annotation__button" onClick={clear}>{t('clear')}</button>
        </div>
      </div>
      {size ? (
        <svg
          ref={surface}
          className={`annotation__surface annotation__surface--${tool}`}
          viewBox={`0 0 ${size.width} ${size.height}`}
          preserveAspectRatio="xMidYMid meet"
          role="img"
          aria-label={t('canvasLabel')}
          onPointerDown={onPointerDown}
          onPointerMove={onPointerMove}
          onPointerUp={onPointerUp}
          onPointerCancel={() => setDraft(null)}
        >
          <image href={src} width={size.width} height={size.height} />
          <StrokeShapes strokes={draft ? [...strokes, draft] : strokes} size={size} />
        </svg>
      ) : (
        <p className="muted">…</p>
      )}
      <div className="button-row">
        {onSave ? (
          <button type="button" className="button" onClick={save} disabled={status.kind === 'saving' || !size}>
            {status.kind === 'saving' ? t('saving') : t('save')}
          </button>
        ) : null}
        <button type="button" className="button button--ghost" onClick={onClose}>{closeLabel ?? t('close')}</button>
      </div>
      <p role="status" className="small">
        {status.kind === 'saved' ? t('saved') : status.kind === 'error' ? t('failed', { reason: status.reason }) : ''}
      </p>
    </div>
  )
}
