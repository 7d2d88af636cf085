import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { z } from 'zod'
import { GeneralErrorBoundary } from '~/components/error-boundary'
import { PagePagination } from '~/components/pagination'
import { useRevalidateOn, useSubscription } from '~/components/realtime'
import { useLocalName, useMessages } from '~/i18n/use-t'
import { canRequest, listRequests, type RequestListFilter } from '~/modules/assistance/assistance.server'
import { ExpertPanel } from '~/modules/assistance/components/expert-panel'
import { RequestStatus, UrgencyBadge } from '~/modules/assistance/components/request-status'
import { RequestSlaTimers, useNow } from '~/modules/assistance/components/sla-timer'
import { getExpertProfile, isExpert, listExperts, updateExpertProfile } from '~/modules/assistance/experts.server'
import { assistanceMessages } from '~/modules/assistance/messages'
import { ASSISTANCE_EVENTS } from '~/modules/assistance/rooms'
import { expertProfileSchema } from '~/modules/assistance/schema'
import { listVehicleSystems } from '~/modules/catalogue/catalogue.server'
import { requireUser } from '~/utils/auth.server'
import { requireRole } from '~/utils/permissions.server'
import { fieldErrors } from '~/utils/validation'

const viewSchema = z.object({
  view: z.enum(['queue', 'mine', 'all']).optional(),
  page: z.coerce.number().int().min(1).max(10_000).catch(1),
})

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request)
  const params = viewSchema.catch({ page: 1 }).parse(Object.fromEntries(new URL(request.url).searchParams))
  const expert = isExpert(user)
  const view: RequestListFilter = params.view ?? (expert ? 'queue' : 'all')
  const [list, profile, experts, systems] = await Promise.all([
    listRequests({ user, filter: view, page: params.page }),
    expert ? getExpertProfile(user.id) : null,
    expert || user.role === 'ADMIN' ? listExperts() : [],
    listVehicleSystems(),
  ])
  return {
    view,
    list,
    profile,
    experts,
    systems,
    canRequest: canRequest(user),
    canSeeKpis: ['ENGINEER', 'ADMIN', 'STATION_MANAGER'].includes(user.role),
    showQueueTab: expert || user.role === 'ADMIN',
    now: new Date().toISOString(),
  }
}

export const meta: MetaFunction = () => [{ title: 'GTAC · 远程支援 / Assistance' }]

const availabilityForm = z.object({
  intent: z.literal('availability'),
  available: z.enum(['true', 'false']).transform((value) => value === 'true'),
})

export async function action({ request }: ActionFunctionArgs) {
  const user = requireRole(await requireUser(request), ['ENGINEER'])
  const form = await request.formData()
  const parsed = availabilityForm.safeParse(Object.fromEntries(form))
  const profile = expertProfileSchema.safeParse({ systems: form.getAll('systems'), available: parsed.success ? parsed.data.available : undefined })
  if (!parsed.success || !profile.success) {
    return Response.json({ errors: fieldErrors((parsed.success ? profile.error : parsed.error)!) }, { status: 400 })
  }
  await updateExpertProfile({ user, ...profile.data })
  return { ok: true }
}

export default function AssistanceList() {
  const data = useLoaderData<typeof loader>()
  const t = useMessages(assistanceMessages)
  const localName = useLocalName()
  const now = useNow(data.now)
  useSubscription('assistance:watch-list', {})
  useRevalidateOn([ASSISTANCE_EVENTS.changed, ASSISTANCE_EVENTS.created, ASSISTANCE_EVENTS.presence])
  const systemName = (code: string) => localName(data.systems.find((system) => system.code === code) ?? { nameZh: code, nameEn: code })
  const tabs: Array<{ view: RequestListFilter; label: 'tab.queue' | 'tab.mine' | 'tab.all' }> = [
    ...(data.showQueueTab ? [{ view: 'queue' as const, label: 'tab.queue' as const }] : []),
    { view: 'mine', label: 'tab.mine' },
    { view: 'all', label: 'tab.all' },
  ]

  return (
    <section>
      <header className="search-head">
        <div>
          <h1>{t('title')}</h1>
          <p className="muted">{t('intro')}</p>
        </div>
        <div className="button-row">
          {data.canSeeKpis ? <Link className="button button--ghost" to="/assistance/kpi">{t('kpi')}</Link> : null}
          {data.canRequest ? <Link className="button" to="/assistance/new">{t('newRequest')}</Link> : null}
        </div>
      </header>

      {data.profile ? <ExpertPanel profile={data.profile} systems={data.systems} experts={data.experts} /> : null}

      <nav className="tabs" aria-label={t('title')}>
        {tabs.map((tab) => (
          <Link key={tab.view} to={`?view=${tab.view}`} className={tab.view === data.view ? 'tab tab--active' : 'tab'} aria-current={tab.view === data.view ? 'page' : undefined}>
            {t(tab.label)}
          </Link>
        ))}
      </nav>

      {data.list.rows.length === 0 ? (
        <p className="empty-state">{data.view === 'queue' ? t('emptyQueue') : t('empty')}</p>
      ) : (
        <ul className="request-list">
          {data.list.rows.map((row) => (
            <li key={row.id} className="request-row">
              <div className="request-row__head">
                <Link to={`/assistance/${row.id}`} className="request-row__title">
                  {t('number', { number: row.number })} · {localName(row.model)} · {systemName(row.systemCode)}
                </Link>
                <RequestStatus status={row.status} />
                <UrgencyBadge urgency={row.urgency} />
              </div>
              <p className="hit__meta">
                {row.dtcs.map((code) => <span key={code} className="dtc">{code}</span>)}
                <span>{row.station.name}</span>
                <span>{row.assignee ? `${t('assignee')}: ${row.assignee.name}` : t('unassigned')}</span>
              </p>
              <p className="request-row__symptoms">{row.symptoms}</p>
              <RequestSlaTimers request={row} now={now} />
            </li>
          ))}
        </ul>
      )}
      <PagePagination page={data.list.page} pages={data.list.pages} />
    </section>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
