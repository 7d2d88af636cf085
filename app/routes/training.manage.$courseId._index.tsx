import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { z } from 'zod'
import { GeneralErrorBoundary } from '~/components/error-boundary'
import { useMessages } from '~/i18n/use-t'
import { AssignmentForm } from '~/modules/training/components/assignment-form'
import { CourseForm } from '~/modules/training/components/course-form'
import { addAssignment, deleteLesson, getCourseForManager, listStationsForAssignment, moveLesson, removeAssignment, requireTrainingManager, saveCourse, setCoursePublished, type Outcome } from '~/modules/training/manage.server'
import { trainingMessages, type TrainingMessageKey } from '~/modules/training/messages'
import { assignmentInputSchema, courseInputSchema } from '~/modules/training/schema'
import { invariantResponse } from '~/utils/permissions.server'
import { fieldErrors } from '~/utils/validation'

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireTrainingManager(request)
  const [course, stations] = await Promise.all([getCourseForManager({ user, courseId: params.courseId! }), listStationsForAssignment()])
  invariantResponse(course, 'Course not found')
  return { course, stations }
}

const idSchema = z.string().min(1).max(40)
const intents = z.discriminatedUnion('intent', [
  z.object({ intent: z.literal('course') }).passthrough(),
  z.object({ intent: z.literal('assign') }).passthrough(),
  z.object({ intent: z.enum(['publish', 'unpublish']) }),
  z.object({ intent: z.enum(['up', 'down', 'delete']), lessonId: idSchema }),
  z.object({ intent: z.literal('unassign'), assignmentId: idSchema }),
])

type ActionData = { form: string; errors: Record<string, string> } | { ok: true }

function answer(form: string, outcome: Outcome<object>) {
  if (outcome.ok) return { ok: true as const }
  if (outcome.reason === 'invalid') return Response.json({ form, errors: outcome.errors }, { status: 400 })
  throw new Response(outcome.reason, { status: outcome.reason === 'forbidden' ? 403 : 404 })
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireTrainingManager(request)
  const courseId = params.courseId!
  const fields = Object.fromEntries(await request.formData())
  const parsed = intents.safeParse(fields)
  if (!parsed.success) return Response.json({ form: 'intent', errors: fieldErrors(parsed.error) }, { status: 400 })
  const command = parsed.data
  switch (command.intent) {
    case 'course': {
      const input = courseInputSchema.safeParse(fields)
      if (!input.success) return Response.json({ form: 'course', errors: fieldErrors(input.error) }, { status: 400 })
      return answer('course', await saveCourse({ user, courseId, input: input.data }))
    }
    case 'assign': {
      const input = assignmentInputSchema.safeParse(fields)
      if (!input.success) return Response.json({ form: 'assign', errors: fieldErrors(input.error) }, { status: 400 })
      return answer('assign', await addAssignment({ user, courseId, input: input.data }))
    }
    case 'publish':
    case 'unpublish':
      return answer('publish', await setCoursePublished({ user, courseId, publish: command.intent === 'publish' }))
    case 'up':
    case 'down':
      invariantResponse(await moveLesson({ user, courseId, lessonId: command.lessonId, direction: command.intent }), 'Lesson not found')
      return { ok: true }
    case 'delete':
      invariantResponse(await deleteLesson({ user, courseId, lessonId: command.lessonId }), 'Lesson not found')
      return { ok: true }
    case 'unassign':
      invariantResponse(await removeAssignment({ user, courseId, assignmentId: command.assignmentId }), 'Assignment not found')
      return { ok: true }
  }
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `${data.course.title} · GTAC` : 'GTAC' }]

export default function ManageCoursePage() {
  const { course, stations } = useLoaderData<typeof loader>()
  const actionData = useActionData<ActionData>()
  const t = useMessages(trainingMessages)
  const errorsOf = (form: string) => (actionData && 'form' in actionData && actionData.form === form ? actionData.errors : {})
  const publishError = errorsOf('publish')._form
  return (
    <section className="manage-course">
      <p><Link to="/training/manage">← {t('manage.title')}</Link></p>
      <header className="search-head">
        <h1>{course.title}</h1>
        <div className="button-row">
          <Link className="button button--ghost" to={`/training/${course.id}`}>{t('manage.preview')}</Link>
          <Form method="post">
            {course.publishedAt ? (
              <button type="submit" name="intent" value="unpublish" className="button button--ghost">{t('manage.unpublish')}</button>
            ) : (
              <button type="submit" name="intent" value="publish" className="button">{t('manage.publish')}</button>
            )}
          </Form>
        </div>
      </header>
      <p>{course.publishedAt ? <span className="badge badge--published">{t('manage.published')}</span> : <span className="badge badge--unpublished">{t('manage.draft')}</span>}</p>
      {publishError ? <p className="notice notice--error" role="alert">{t(publishError as TrainingMessageKey)}</p> : null}

      <h2>{t('manage.lessons')}</h2>
      {course.lessons.length === 0 ? <p className="empty-state">{t('manage.noLessons')}</p> : null}
      <ol className="lesson-list">
        {course.lessons.map((lesson, index) => (
          <li key={lesson.id} className="lesson-list__item" data-testid="manage-lesson">
            <Link to={`lessons/${lesson.id}`}>{lesson.title}</Link>
            <span className="small muted">{t(`kind.${lesson.kind}`)}{lesson.fileName ? ` · ${lesson.fileName}` : ''} · {t('manage.doneBy', { count: lesson._count.progress })}</span>
            <Form method="post" className="lesson-list__actions">
              <input type="hidden" name="lessonId" value={lesson.id} />
              <button type="submit" name="intent" value="up" className="button button--ghost button--small" disabled={index === 0} aria-label={t('manage.moveUp', { title: lesson.title })}>↑</button>
              <button type="submit" name="intent" value="down" className="button button--ghost button--small" disabled={index === course.lessons.length - 1} aria-label={t('manage.moveDown', { title: lesson.title })}>↓</button>
              <button type="submit" name="intent" value="delete" className="button button--ghost button--small" aria-label={t('manage.delete', { title: lesson.title })}>✕</button>
            </Form>
          </li>
        ))}
      </ol>
      <p><Link className="button" to="lessons/new">{t('manage.addLesson')}</Link></p>

      <h2>{t('manage.assignments')}</h2>
      {course.assignments.length === 0 ? (
        <p className="empty-state">{t('manage.noAssignments')}</p>
      ) : (
        <ul className="assignment-list">
          {course.assignments.map((assignment) => (
            <li key={assignment.id} data-testid="assignment">
              {[assignment.role ? t(`role.${assignment.role}`) : null, assignment.level ? t(`level.${assignment.level}`) : null, assignment.station ? `${assignment.station.code} ${assignment.station.name}` : null].filter(Boolean).join(' · ')}
              <Form method="post" className="inline-form">
                <input type="hidden" name="assignmentId" value={assignment.id} />
                <button type="submit" name="intent" value="unassign" className="button button--ghost button--small">{t('manage.removeAssignment')}</button>
              </Form>
            </li>
          ))}
        </ul>
      )}
      <AssignmentForm stations={stations} errors={errorsOf('assign')} />

      <h2>{t('manage.edit')}</h2>
      <CourseForm key={course.id} values={course} errors={errorsOf('course')} submitLabel={t('manage.edit')} />
    </section>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
