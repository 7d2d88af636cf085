import { useFetcher } from '@remix-run/react'
import { useEffect, useRef } from 'react'
import { useMessages } from '~/i18n/use-t'
import { isWatched } from '../lesson-file'
import { trainingMessages } from '../messages'

type Lesson = { id: string; kind: 'TEXT' | 'VIDEO' | 'PDF'; title: string; bodyHtml: string | null; fileUrl: string | null; fileName: string | null; mimeType: string | null; done: boolean }

/**
 * A lesson's text, video or PDF. Reaching the end of a text, or about 90% of a video, marks it
 * done (once); the button does the same for any lesson.
 */
export function LessonContent({ lesson, canRecord }: { lesson: Lesson; canRecord: boolean }) {
  const t = useMessages(trainingMessages)
  const fetcher = useFetcher<{ ok: boolean }>()
  const sent = useRef(lesson.done)
  const end = useRef<HTMLDivElement>(null)
  useEffect(() => {
    sent.current = lesson.done
  }, [lesson.id, lesson.done])
  const markDone = () => {
    if (sent.current || !canRecord) return
    sent.current = true
    fetcher.submit({ intent: 'done' }, { method: 'post' })
  }
  useEffect(() => {
    if (lesson.kind !== 'TEXT' || !end.current || !canRecord) return
    const observer = new IntersectionObserver((entries) => {
      if (entries.some((entry) => entry.isIntersecting)) markDone()
    })
    observer.observe(end.current)
    return () => observer.disconnect()
    // markDone only reads refs and the fetcher, which stay the same for one lesson.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [lesson.id, lesson.kind, canRecord])

  const done = lesson.done || fetcher.state !== 'idle' || fetcher.data?.ok === true
  return (
    <div className="lesson-content">
      {lesson.kind === 'TEXT' && lesson.bodyHtml ? (
        <>
          <p className="small muted">{t('textHint')}</p>
          <div className="rich-text" dangerouslySetInnerHTML={{ __html: lesson.bodyHtml }} />
        </>
      ) : null}
      {lesson.kind === 'VIDEO' && lesson.fileUrl ? (
        <>
          <p className="small muted">{t('videoHint')}</p>
          <video className="lesson-video" controls preload="metadata" src={lesson.fileUrl} aria-label={lesson.title} data-testid="lesson-video" onTimeUpdate={(event) => isWatched(event.currentTarget.currentTime, event.currentTarget.duration) && markDone()} onEnded={markDone}>
            {t('videoFallback')}
          </video>
        </>
      ) : null}
      {lesson.kind === 'PDF' && lesson.fileUrl ? (
        <p className="card lesson-pdf">
          <span>{t('downloadPdf', { name: lesson.fileName ?? 'PDF' })}</span>{' '}
          <a className="button button--ghost" href={lesson.fileUrl} target="_blank" rel="noreferrer">{t('openPdf')}</a>
        </p>
      ) : null}
      <div ref={end} className="lesson-content__end" />
      {canRecord ? (
        <p className="lesson-content__status" aria-live="polite">
          {done ? (
            <span className="badge badge--passed" data-testid="lesson-done">{t('lessonDone')}</span>
          ) : (
            <button type="button" className="button button--ghost" onClick={markDone}>{t('markDone')}</button>
          )}
        </p>
      ) : null}
    </div>
  )
}
