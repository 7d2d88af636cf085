import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { redirect } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { z } from 'zod'
import { GeneralErrorBoundary } from '~/components/error-boundary'
import { useMessages } from '~/i18n/use-t'
import { canManageTraining } from '~/modules/training/access'
import { CourseCard } from '~/modules/training/components/course-card'
import { enrol, listTrainingHome } from '~/modules/training/course.server'
import { inhouseMessages, trainingMessages } from '~/modules/training/messages'
import { requireUser } from '~/utils/auth.server'
import { invariantResponse } from '~/utils/permissions.server'
import { fieldErrors } from '~/utils/validation'
import { PageHead } from '~/components/page-head'

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request)
  return { ...(await listTrainingHome({ user })), canManage: canManageTraining(user), hasStation: Boolean(user.stationId) }
}

const enrolSchema = z.object({ intent: z.literal('enrol'), courseId: z.string().min(1).max(40) })

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request)
  const parsed = enrolSchema.safeParse(Object.fromEntries(await request.formData()))
  if (!parsed.success) return Response.json({ errors: fieldErrors(parsed.error) }, { status: 400 })
  invariantResponse(await enrol({ user, courseId: parsed.data.courseId }), 'Course not found')
  return redirect(`/training/${parsed.data.courseId}`)
}

export const meta: MetaFunction = () => [{ title: 'GTAC · 在线培训 / Training' }]

export default function TrainingPage() {
  const { mine, catalogue, canManage, hasStation } = useLoaderData<typeof loader>()
  const t = useMessages(trainingMessages)
  const inhouse = useMessages(inhouseMessages)
  return (
    <section>
      <PageHead title={t('title')} intro={t('intro')} action={
          canManage || hasStation ? (
            <div className="button-row">
              <Link className="button button--ghost" to="/training/plans">{inhouse('link')}</Link>
              {canManage ? <Link className="button button--ghost" to="/training/manage">{t('manage')}</Link> : null}
            </div>
          ) : null
        }
      />
      <h2>{t('mine')}</h2>
      {mine.length === 0 ? (
        <p className="empty-state">{t('noMine')}</p>
      ) : (
        <ul className="course-list">{mine.map((course) => <CourseCard key={course.id} course={course} />)}</ul>
      )}
      <h2>{t('catalogue')}</h2>
      {catalogue.length === 0 ? (
        <p className="empty-state">{t('noCatalogue')}</p>
      ) : (
        <ul className="course-list">{catalogue.map((course) => <CourseCard key={course.id} course={course} inCatalogue />)}</ul>
      )}
    </section>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
