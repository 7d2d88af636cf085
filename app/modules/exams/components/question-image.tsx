/** A picture of a question's stem or option, sized to the column and loaded when scrolled to. */
export function QuestionImage({ url, alt, small = false }: { url: string | undefined; alt: string; small?: boolean }) {
  if (!url) return null
  return <img src={url} alt={alt} loading="lazy" className={small ? 'question-image question-image--option' : 'question-image'} />
}
