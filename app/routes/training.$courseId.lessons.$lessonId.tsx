import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useLoaderData, useNavigate } from '@remix-run/react'
import { useEffect } from 'react'
import { GeneralErrorBoundary } from '~/components/error-boundary'
import { useMessages } from '~/i18n/use-t'
import { LessonContent } from '~/modules/training/components/lesson-content'
import { ProgressMeter } from '~/modules/training/components/progress-meter'
import { getLessonForLearner, markLessonDone } from '~/modules/training/course.server'
import { trainingMessages } from '~/modules/training/messages'
import { lessonProgressSchema } from '~/modules/training/schema'
import { requireUser } from '~/utils/auth.server'
import { invariantResponse } from '~/utils/permissions.server'
import { fieldErrors } from '~/utils/validation'

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request)
  const view = await getLessonForLearner({ user, courseId: params.courseId!, lessonId: params.lessonId! })
  invariantResponse(view, 'Lesson not found')
  return view
}

/** `intent=done`: the lesson was read to its end, watched, or marked done. */
export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request)
  const parsed = lessonProgressSchema.safeParse(Object.fromEntries(await request.formData()))
  if (!parsed.success) return Response.json({ ok: false, errors: fieldErrors(parsed.error) }, { status: 400 })
  const progress = await markLessonDone({ user, courseId: params.courseId!, lessonId: params.lessonId! })
  invariantResponse(progress, 'Lesson not found')
  return { ok: true, progress }
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `${data.lesson.title} · ${data.course.title} · GTAC` : 'GTAC' }]

/** Alt+← and Alt+→ go to the previous and next lesson (plain arrows stay with the video and the page). */
function useLessonKeys(previous: string | null, next: string | null) {
  const navigate = useNavigate()
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (!event.altKey || event.ctrlKey || event.metaKey) return
      const target = event.key === 'ArrowLeft' ? previous : event.key === 'ArrowRight' ? next : null
      if (!target) return
      event.preventDefault()
      navigate(target)
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [navigate, previous, next])
}

export default function LessonPage() {
  const { course, lesson, previous, next } = useLoaderData<typeof loader>()
  const t = useMessages(trainingMessages)
  const link = (id: string) => `/training/${course.id}/lessons/${id}`
  useLessonKeys(previous ? link(previous.id) : null, next ? link(next.id) : null)
  return (
    <article className="lesson-page">
      <p><Link to={`/training/${course.id}`}>← {course.title}</Link></p>
      <p className="small muted">{t('lessonOf', { number: lesson.number, count: course.lessonCount })} · {t(`kind.${lesson.kind}`)}</p>
      <h1>{lesson.title}</h1>
      <LessonContent key={lesson.id} lesson={lesson} canRecord={course.published} />
      <ProgressMeter done={course.progress.done} total={course.progress.total} percent={course.progress.percent} />
      {course.progress.complete ? <p className="notice notice--ok" data-testid="course-complete">{t('complete')}</p> : null}
      <nav className="lesson-nav" aria-label={t('lessons')}>
        {previous ? <Link rel="prev" className="button button--ghost" to={link(previous.id)} aria-keyshortcuts="Alt+ArrowLeft">← {t('previous', { title: previous.title })}</Link> : <span />}
        {next ? <Link rel="next" className="button" to={link(next.id)} aria-keyshortcuts="Alt+ArrowRight">{t('next', { title: next.title })} →</Link> : <Link className="button button--ghost" to={`/training/${course.id}`}>{t('backToCourse')}</Link>}
      </nav>
    </article>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
