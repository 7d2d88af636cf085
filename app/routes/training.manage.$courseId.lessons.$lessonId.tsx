import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { redirect } from '@remix-run/node'
import type { JSONContent } from '@tiptap/core'
import { Link, useActionData, useLoaderData } from '@remix-run/react'
import { GeneralErrorBoundary } from '~/components/error-boundary'
import { useMessages } from '~/i18n/use-t'
import { LessonForm } from '~/modules/training/components/lesson-form'
import { readLessonForm } from '~/modules/training/form.server'
import { getCourseForManager, getLessonForManager, requireTrainingManager, saveLesson } from '~/modules/training/manage.server'
import { trainingMessages } from '~/modules/training/messages'
import { invariantResponse } from '~/utils/permissions.server'
import { fieldErrors } from '~/utils/validation'

/** `lessons/new` adds a lesson; `lessons/:id` edits one. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireTrainingManager(request)
  const course = await getCourseForManager({ user, courseId: params.courseId! })
  invariantResponse(course, 'Course not found')
  if (params.lessonId === 'new') return { course: { id: course.id, title: course.title }, lesson: null }
  const lesson = await getLessonForManager({ user, courseId: course.id, lessonId: params.lessonId! })
  invariantResponse(lesson, 'Lesson not found')
  return { course: { id: course.id, title: course.title }, lesson: { ...lesson, body: lesson.body as JSONContent | null } }
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireTrainingManager(request)
  const { parsed, upload, tooLarge } = await readLessonForm(request)
  if (tooLarge) return Response.json({ errors: { file: 'invalid.fileTooLarge' } }, { status: 413 })
  if (!parsed.success) return Response.json({ errors: fieldErrors(parsed.error) }, { status: 400 })
  const lessonId = params.lessonId === 'new' ? undefined : params.lessonId
  const saved = await saveLesson({ user, courseId: params.courseId!, lessonId, input: parsed.data, upload })
  if (saved.ok) return redirect(`/training/manage/${params.courseId}`)
  if (saved.reason === 'invalid') return Response.json({ errors: saved.errors }, { status: 400 })
  throw new Response(saved.reason, { status: saved.reason === 'forbidden' ? 403 : 404 })
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `${data.lesson?.title ?? '新课时 / New lesson'} · ${data.course.title} · GTAC` : 'GTAC' }]

export default function LessonEditPage() {
  const { course, lesson } = useLoaderData<typeof loader>()
  const actionData = useActionData<{ errors?: Record<string, string> }>()
  const t = useMessages(trainingMessages)
  const heading = lesson ? t('manage.editLesson') : t('manage.addLesson')
  return (
    <section>
      <p><Link to={`/training/manage/${course.id}`}>← {course.title}</Link></p>
      <h1>{heading}</h1>
      <LessonForm key={lesson?.id ?? 'new'} values={lesson ?? {}} errors={actionData?.errors ?? {}} submitLabel={t('form.save')} />
    </section>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
