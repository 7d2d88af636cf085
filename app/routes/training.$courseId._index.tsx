import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Form, Link, useLoaderData } from '@remix-run/react'
import { z } from 'zod'
import { GeneralErrorBoundary } from '~/components/error-boundary'
import { useMessages } from '~/i18n/use-t'
import { ProgressMeter } from '~/modules/training/components/progress-meter'
import { useDateFormat } from '~/modules/training/components/use-date-format'
import { enrol, getCourseForLearner } from '~/modules/training/course.server'
import { trainingMessages } from '~/modules/training/messages'
import { requireUser } from '~/utils/auth.server'
import { invariantResponse } from '~/utils/permissions.server'
import { fieldErrors } from '~/utils/validation'

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request)
  const course = await getCourseForLearner({ user, courseId: params.courseId! })
  invariantResponse(course, 'Course not found')
  return { course }
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request)
  const parsed = z.object({ intent: z.literal('enrol') }).safeParse(Object.fromEntries(await request.formData()))
  if (!parsed.success) return Response.json({ errors: fieldErrors(parsed.error) }, { status: 400 })
  invariantResponse(await enrol({ user, courseId: params.courseId! }), 'Course not found')
  return { ok: true }
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `${data.course.title} · GTAC` : 'GTAC' }]

export default function CoursePage() {
  const { course } = useLoaderData<typeof loader>()
  const t = useMessages(trainingMessages)
  const format = useDateFormat()
  const next = course.progress.nextLessonId
  return (
    <section className="course-page">
      <p><Link to="/training">← {t('title')}</Link></p>
      <h1>{course.title}</h1>
      {!course.published ? <p className="notice">{t('draftPreview')}</p> : null}
      {course.requiredForLevel ? <p><span className="badge">{t('requiredFor', { level: t(`level.${course.requiredForLevel}`) })}</span></p> : null}
      {course.description ? <p className="muted">{course.description}</p> : null}
      <ProgressMeter done={course.progress.done} total={course.progress.total} percent={course.progress.percent} />
      {course.completedAt ? <p className="notice notice--ok" data-testid="course-complete">{t('completedOn', { time: format.dateTime(course.completedAt) })}</p> : null}
      <div className="button-row">
        {!course.enrolled && !course.assigned && course.published ? (
          <Form method="post">
            <button type="submit" name="intent" value="enrol" className="button">{t('enrol')}</button>
          </Form>
        ) : null}
        {next && !course.progress.complete ? <Link className="button" to={`lessons/${next}`}>{course.progress.done > 0 ? t('resume') : t('start')}</Link> : null}
      </div>
      <h2>{t('lessons')}</h2>
      <ol className="lesson-list">
        {course.lessons.map((lesson) => (
          <li key={lesson.id} className={lesson.done ? 'lesson-list__item lesson-list__item--done' : 'lesson-list__item'} data-testid="lesson-item">
            <Link to={`lessons/${lesson.id}`}>{lesson.title}</Link>
            <span className="small muted">{t(`kind.${lesson.kind}`)}</span>
            <span className={lesson.done ? 'badge badge--passed' : 'badge badge--unpublished'}>{lesson.done ? t('lessonDone') : t('lessonTodo')}</span>
          </li>
        ))}
      </ol>
    </section>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
