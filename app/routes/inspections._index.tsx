import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Link, useActionData, useLoaderData } from '@remix-run/react'
import { pageParam } from '~/components/admin-nav'
import { GeneralErrorBoundary } from '~/components/error-boundary'
import { PagePagination } from '~/components/pagination'
import { useLocalName, useLocale, useMessages } from '~/i18n/use-t'
import { InspectionStatusBadge, formatScore } from '~/modules/inspections/components/status-badge'
import { ScheduleForm } from '~/modules/inspections/components/schedule-form'
import { isStationStaff, listCurrentTemplates, listInspections, listStationsToInspect, mayInspect, scheduleInspection } from '~/modules/inspections/inspections.server'
import { inspectionMessages } from '~/modules/inspections/messages'
import { mayEditTemplates } from '~/modules/inspections/templates.server'
import { requireUser } from '~/utils/auth.server'
import { invariantResponse } from '~/utils/permissions.server'

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request)
  const inspector = mayInspect(user)
  const url = new URL(request.url)
  const [inspections, stations, templates] = await Promise.all([
    listInspections({ user, page: pageParam(url) }),
    inspector ? listStationsToInspect() : [],
    inspector ? listCurrentTemplates() : [],
  ])
  if (inspections.page > inspections.pages) throw redirect(`${url.pathname}?page=${inspections.pages}`)
  const intro = inspector ? ('intro' as const) : isStationStaff(user) ? ('introStation' as const) : ('introOther' as const)
  return { inspections, stations, templates, inspector, intro, editsTemplates: mayEditTemplates(user) }
}

export const meta: MetaFunction = () => [{ title: 'GTAC · 远程巡检 / Inspections' }]

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request)
  const outcome = await scheduleInspection({ user, input: Object.fromEntries(await request.formData()) })
  invariantResponse(outcome.ok || outcome.reason !== 'forbidden', 'Forbidden', 403)
  if (!outcome.ok) return Response.json({ errors: outcome.reason === 'invalid-input' ? outcome.errors : {} }, { status: 400 })
  return redirect(`/inspections/${outcome.id}`)
}

export default function InspectionList() {
  const { inspections, stations, templates, inspector, intro, editsTemplates } = useLoaderData<typeof loader>()
  const actionData = useActionData<{ errors?: Record<string, string> }>()
  const t = useMessages(inspectionMessages)
  const localName = useLocalName()
  const locale = useLocale()
  const when = (value: string | Date) => new Date(value).toLocaleString(locale === 'zh' ? 'zh-CN' : 'en-GB', { dateStyle: 'medium', timeStyle: 'short' })

  return (
    <section>
      <header className="search-head">
        <div>
          <h1>{t('title')}</h1>
          <p className="muted">{t(intro)}</p>
        </div>
        <div className="button-row">
          {editsTemplates ? <Link className="button button--ghost" to="/inspections/templates">{t('templates')}</Link> : null}
          <Link className="button button--ghost" to="/inspections/reports">{t('reports')}</Link>
        </div>
      </header>

      {inspections.rows.length === 0 ? (
        <p className="empty-state">{t(intro === 'intro' ? 'emptyInspector' : intro === 'introOther' ? 'emptyOther' : 'empty')}</p>
      ) : (
        <ul className="inspection-list">
          {inspections.rows.map((row) => (
            <li key={row.id} className="inspection-row">
              <div className="inspection-row__head">
                <Link to={`/inspections/${row.id}`} className="inspection-row__title">
                  {t('number', { number: row.number })} · {localName(row.template)} · {row.station.name}
                </Link>
                <InspectionStatusBadge status={row.status} />
              </div>
              <p className="hit__meta">
                <span>{when(row.scheduledAt)}</span>
                <span>{t('inspector')}: {row.inspector.name}</span>
                <span>{t('version', { version: row.template.version })}</span>
                {row.status === 'FINISHED' ? <span className="inspection-row__score">{t('score')}: <strong>{formatScore(row.score)}</strong></span> : null}
                {row._count.actions > 0 ? <span className="badge badge--returned">{t('openActions', { count: row._count.actions })}</span> : null}
              </p>
            </li>
          ))}
        </ul>
      )}
      <PagePagination page={inspections.page} pages={inspections.pages} />

      {inspector ? <ScheduleForm stations={stations} templates={templates} errors={actionData?.errors ?? {}} /> : null}
    </section>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
