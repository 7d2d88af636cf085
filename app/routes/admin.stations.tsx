import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { useLoaderData } from '@remix-run/react'
import { z } from 'zod'
import { AdminListPage, useAdminForm } from '~/components/admin-list-page'
import { ADMIN_PAGE_SIZE, pageParam, titleMeta } from '~/components/admin-nav'
import { GeneralErrorBoundary } from '~/components/error-boundary'
import type { MessageKey } from '~/i18n/messages'
import { useT } from '~/i18n/use-t'
import { createStation, listStations } from '~/utils/station.server'
import { requireUser } from '~/utils/auth.server'
import { parseForm } from '~/utils/form.server'
import { requireRole } from '~/utils/permissions.server'

export async function loader({ request }: LoaderFunctionArgs) {
  requireRole(await requireUser(request), ['ADMIN'])
  const url = new URL(request.url)
  const page = pageParam(url)
  const { stations, total } = await listStations({ skip: (page - 1) * ADMIN_PAGE_SIZE, take: ADMIN_PAGE_SIZE })
  const pages = Math.max(1, Math.ceil(total / ADMIN_PAGE_SIZE))
  if (page > pages) throw redirect(`${url.pathname}?page=${pages}`)
  return { stations, total, page, pages }
}

export const meta = titleMeta('admin.stations')

/** The messages are i18n keys: the page shows them in the visitor's language. */
const text = (message: MessageKey) => z.string({ required_error: message, invalid_type_error: message }).trim()

const stationSchema = z.object({
  code: text('validation.codeFormat')
    .toUpperCase()
    .min(2, 'validation.codeFormat')
    .max(16, 'validation.codeFormat')
    .regex(/^[A-Z0-9-]+$/, 'validation.codeFormat'),
  name: text('validation.stationName').min(2, 'validation.stationName').max(100, 'validation.stationName'),
  region: text('validation.region').min(1, 'validation.region').max(50, 'validation.region'),
})

export async function action({ request }: ActionFunctionArgs) {
  requireRole(await requireUser(request), ['ADMIN'])
  const parsed = await parseForm(request, stationSchema)
  if (!parsed.ok) return parsed.response
  const outcome = await createStation(parsed.data)
  if (!outcome.ok) return Response.json({ errors: { code: 'validation.codeTaken' } }, { status: 400 })
  return { created: outcome.station }
}


export default function AdminStationsPage() {
  const { stations, total, page, pages } = useLoaderData<typeof loader>()
  const { created, busy, fieldError, invalid } = useAdminForm<{ id: string; code: string; name: string }>('station-')
  const t = useT()
  return (
    <AdminListPage
      id="station"
      title={t('admin.stations')}
      summary={t('admin.stationTotal', { count: total })}
      emptyText={stations.length === 0 ? t('admin.noStations') : null}
      page={page}
      pages={pages}
      formTitle={t('admin.newStation')}
      createdNotice={created ? t('admin.stationCreated', { code: created.code, name: created.name }) : null}
      formKey={created?.id ?? 'new'}
      busy={busy}
      table={
        <table className="table">
        <thead>
          <tr>
            <th scope="col">{t('admin.code')}</th>
            <th scope="col">{t('admin.name')}</th>
            <th scope="col">{t('admin.region')}</th>
            <th scope="col" style={{ textAlign: 'right' }}>{t('admin.userCount')}</th>
          </tr>
        </thead>
        <tbody>
          {stations.map((station) => (
            <tr key={station.id}>
              <td><code>{station.code}</code></td>
              <td>{station.name}</td>
              <td>{station.region}</td>
              <td style={{ textAlign: 'right', fontVariantNumeric: 'tabular-nums' }}>{station.userCount}</td>
            </tr>
          ))}
        </tbody>
      </table>
      }
    >
      <div className="field">
        <label htmlFor="station-code">{t('admin.code')}</label>
        <input id="station-code" name="code" required minLength={2} maxLength={16} autoCapitalize="characters" autoComplete="off" spellCheck={false} {...invalid('code')} />
        {fieldError('code') ?? <p className="field-hint">{t('admin.codeHint')}</p>}
      </div>
      <div className="field">
        <label htmlFor="station-name">{t('admin.name')}</label>
        <input id="station-name" name="name" required minLength={2} maxLength={100} autoComplete="off" {...invalid('name')} />
        {fieldError('name')}
      </div>
      <div className="field">
        <label htmlFor="station-region">{t('admin.region')}</label>
        <input id="station-region" name="region" required maxLength={50} autoComplete="off" {...invalid('region')} />
        {fieldError('region')}
      </div>
    </AdminListPage>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
