import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { redirect } from '@remix-run/node'
import { Link, useActionData, useLoaderData } from '@remix-run/react'
import { GeneralErrorBoundary } from '~/components/error-boundary'
import { PageHead } from '~/components/page-head'
import { useMessages } from '~/i18n/use-t'
import { canManageTraining } from '~/modules/training/access'
import { monthOf, previousMonth, SESSIONS_PER_MONTH } from '~/modules/training/compliance'
import { PlanForm } from '~/modules/training/components/plan-form'
import { ReportStatus } from '~/modules/training/components/report-status'
import { listFollowUpExams, listPlans, savePlan } from '~/modules/training/inhouse.server'
import { requireTrainingManager } from '~/modules/training/manage.server'
import { inhouseMessages, trainingMessages } from '~/modules/training/messages'
import { planInputSchema } from '~/modules/training/schema'
import { requireUser } from '~/utils/auth.server'
import { fieldErrors } from '~/utils/validation'

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request)
  const canManage = canManageTraining(user)
  const [plans, exams] = await Promise.all([listPlans({ user }), canManage ? listFollowUpExams() : []])
  // A new plan is most often for the month after the latest one.
  const latest = plans[0]?.month
  const nextMonth = latest && latest >= monthOf(new Date()) ? previousMonth(latest, -1) : monthOf(new Date())
  return { plans, exams, canManage, nextMonth, isStationManager: user.role === 'STATION_MANAGER' }
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireTrainingManager(request)
  const parsed = planInputSchema.safeParse(Object.fromEntries(await request.formData()))
  if (!parsed.success) return Response.json({ errors: fieldErrors(parsed.error) }, { status: 400 })
  const saved = await savePlan({ user, input: parsed.data })
  if (saved.ok) return redirect(`/training/plans/${saved.id}`)
  if (saved.reason === 'invalid') return Response.json({ errors: saved.errors }, { status: 400 })
  throw new Response('Forbidden', { status: 403 })
}

export const meta: MetaFunction = () => [{ title: 'GTAC · 站内培训计划 / In-house training plans' }]

export default function TrainingPlansPage() {
  const { plans, exams, canManage, nextMonth, isStationManager } = useLoaderData<typeof loader>()
  const actionData = useActionData<{ errors?: Record<string, string> }>()
  const t = useMessages(inhouseMessages)
  const tr = useMessages(trainingMessages)
  return (
    <section>
      <p><Link to="/training">← {tr('title')}</Link></p>
      <PageHead title={t('title')} intro={t('intro', { target: SESSIONS_PER_MONTH })} action={canManage ? <Link className="button button--ghost" to="/training/compliance">{t('compliance')}</Link> : null} />
      {plans.length === 0 ? (
        <p className="empty-state">{canManage ? t('noPlans') : t('noPlansStation')}</p>
      ) : (
        <div className="table-wrap">
          <table className="table">
            <thead>
              <tr>
                <th scope="col">{t('month')}</th>
                <th scope="col">{t('planTitle')}</th>
                <th scope="col">{canManage ? t('status') : t('myReport')}</th>
                {canManage ? <th scope="col">{t('compliance.submitted')}</th> : null}
                {isStationManager ? <th scope="col">{t('sessions')}</th> : null}
              </tr>
            </thead>
            <tbody>
              {plans.map((plan) => (
                <tr key={plan.id}>
                  <td>{plan.month}</td>
                  <td><Link to={`/training/plans/${plan.id}`}>{plan.title}</Link></td>
                  <td>
                    {canManage ? (
                      plan.publishedAt ? <span className="badge badge--published">{t('published')}</span> : <span className="badge badge--unpublished">{t('draft')}</span>
                    ) : isStationManager ? (
                      <ReportStatus report={plan.mine} />
                    ) : (
                      <span className="badge badge--published">{t('published')}</span>
                    )}
                  </td>
                  {canManage ? <td>{t('submittedCount', { count: plan.submitted })}</td> : null}
                  {isStationManager ? <td>{t('sessionsOf', { count: plan.mine?._count.sessions ?? 0, target: SESSIONS_PER_MONTH })}</td> : null}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {canManage ? (
        <>
          <h2>{t('newPlan')}</h2>
          <PlanForm values={{ month: nextMonth }} errors={actionData?.errors ?? {}} exams={exams} submitLabel={t('newPlan')} />
        </>
      ) : null}
    </section>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
