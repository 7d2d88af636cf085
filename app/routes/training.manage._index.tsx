import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { redirect } from '@remix-run/node'
import { Link, useActionData, useLoaderData } from '@remix-run/react'
import { GeneralErrorBoundary } from '~/components/error-boundary'
import { useMessages } from '~/i18n/use-t'
import { CourseForm } from '~/modules/training/components/course-form'
import { listCoursesForManager, requireTrainingManager, saveCourse } from '~/modules/training/manage.server'
import { trainingMessages } from '~/modules/training/messages'
import { courseInputSchema } from '~/modules/training/schema'
import { fieldErrors } from '~/utils/validation'

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireTrainingManager(request)
  return { courses: await listCoursesForManager({ user }) }
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireTrainingManager(request)
  const parsed = courseInputSchema.safeParse(Object.fromEntries(await request.formData()))
  if (!parsed.success) return Response.json({ errors: fieldErrors(parsed.error) }, { status: 400 })
  const saved = await saveCourse({ user, input: parsed.data })
  if (!saved.ok) throw new Response('Forbidden', { status: 403 })
  return redirect(`/training/manage/${saved.id}`)
}

export const meta: MetaFunction = () => [{ title: 'GTAC · 课程管理 / Course management' }]

export default function ManageCoursesPage() {
  const { courses } = useLoaderData<typeof loader>()
  const actionData = useActionData<{ errors?: Record<string, string> }>()
  const t = useMessages(trainingMessages)
  return (
    <section>
      <p><Link to="/training">← {t('title')}</Link></p>
      <h1>{t('manage.title')}</h1>
      {courses.length === 0 ? (
        <p className="empty-state">{t('manage.empty')}</p>
      ) : (
        <div className="table-wrap">
          <table className="table">
            <thead>
              <tr>
                <th scope="col">{t('form.title')}</th>
                <th scope="col">{t('manage.status')}</th>
                <th scope="col">{t('manage.lessons')}</th>
                <th scope="col">{t('manage.learners')}</th>
                <th scope="col">{t('manage.completed')}</th>
              </tr>
            </thead>
            <tbody>
              {courses.map((course) => (
                <tr key={course.id}>
                  <td><Link to={`/training/manage/${course.id}`}>{course.title}</Link></td>
                  <td>{course.publishedAt ? <span className="badge badge--published">{t('manage.published')}</span> : <span className="badge badge--unpublished">{t('manage.draft')}</span>}</td>
                  <td>{course.lessons}</td>
                  <td>{course.learners}</td>
                  <td>{course.completed}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <h2>{t('manage.new')}</h2>
      <CourseForm values={{}} errors={actionData?.errors ?? {}} submitLabel={t('manage.new')} />
    </section>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
