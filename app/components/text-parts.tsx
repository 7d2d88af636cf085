import type { TextPart } from '../../search/search-cases'

/** Search highlights as React elements: the text is never parsed as HTML. */
export function TextParts({ parts }: { parts: TextPart[] }) {
  return (
    <>
      {parts.map((part, index) => (part.hit ? <mark key={index}>{part.text}</mark> : <span key={index}>{part.text}</span>))}
    </>
  )
}
