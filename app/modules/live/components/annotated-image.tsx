import { useEffect, useRef, useState } from 'react'
import { readStrokes, type Point, type Stroke } from '../annotation'

export type FrameSize = { width: number; height: number }

const HEAD_ANGLE = Math.PI / 7

function arrowHead(tail: { x: number; y: number }, head: { x: number; y: number }, length: number) {
  const angle = Math.atan2(head.y - tail.y, head.x - tail.x)
  const wing = (side: number) => `${head.x - length * Math.cos(angle + side * HEAD_ANGLE)},${head.y - length * Math.sin(angle + side * HEAD_ANGLE)}`
  return `${wing(1)} ${head.x},${head.y} ${wing(-1)}`
}

/** The marks as SVG shapes in the frame's own pixels (a `viewBox` of its natural size). */
export function StrokeShapes({ strokes, size }: { strokes: Stroke[]; size: FrameSize }) {
  const scale = size.width / 1000
  const at = ([fx, fy]: Point) => ({ x: fx * size.width, y: fy * size.height })
  return (
    <>
      {strokes.map((stroke) => {
        const common = { stroke: stroke.colour, strokeWidth: stroke.width * scale, fill: 'none', strokeLinecap: 'round' as const, strokeLinejoin: 'round' as const }
        const points = stroke.points.map(at)
        switch (stroke.kind) {
          case 'arrow':
            return (
              <g key={stroke.id} data-kind="arrow" {...common}>
                <line x1={points[0].x} y1={points[0].y} x2={points[1].x} y2={points[1].y} />
                <polyline points={arrowHead(points[0], points[1], Math.max(14, stroke.width * 5) * scale)} />
              </g>
            )
          case 'circle':
            return <circle key={stroke.id} data-kind="circle" cx={points[0].x} cy={points[0].y} r={Math.hypot(points[1].x - points[0].x, points[1].y - points[0].y)} {...common} />
          case 'freehand':
            return <polyline key={stroke.id} data-kind="freehand" points={points.map(({ x, y }) => `${x},${y}`).join(' ')} {...common} />
          case 'text':
            return (
              <text
                key={stroke.id}
                data-kind="text"
                x={points[0].x}
                y={points[0].y}
                fill={stroke.colour}
                stroke="#000"
                strokeWidth={1.5 * scale}
                paintOrder="stroke"
                fontSize={(18 + stroke.width * 3) * scale}
                fontWeight={600}
              >
                {stroke.text}
              </text>
            )
        }
      })}
    </>
  )
}

/** An image with the marks stored with it drawn over it; works for any stored `Attachment.annotations`. */
export function AnnotatedImage({ src, alt, annotations, className }: { src: string; alt: string; annotations: unknown; className?: string }) {
  const strokes = readStrokes(annotations)
  const image = useRef<HTMLImageElement>(null)
  const [size, setSize] = useState<FrameSize | null>(null)
  const measure = () => {
    const element = image.current
    if (element?.complete && element.naturalWidth > 0) setSize({ width: element.naturalWidth, height: element.naturalHeight })
  }
  // A cached image may finish loading before hydration, so its load event never reaches React.
  useEffect(measure, [src])

  return (
    <span className="annotated-image" data-strokes={strokes.length}>
      <img ref={image} src={src} alt={alt} className={className} loading="lazy" onLoad={measure} />
      {size && strokes.length > 0 ? (
        <svg className="annotated-image__marks" viewBox={`0 0 ${size.width} ${size.height}`} preserveAspectRatio="xMidYMid meet" aria-hidden="true">
          <StrokeShapes strokes={strokes} size={size} />
        </svg>
      ) : null}
    </span>
  )
}
