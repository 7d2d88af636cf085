import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { Form, useActionData, useLoaderData, useNavigation } from '@remix-run/react'
import { z } from 'zod'
import { ADMIN_PAGE_SIZE, AdminNav, AdminPager, pageParam, titleMeta } from '~/components/admin-nav'
import { GeneralErrorBoundary } from '~/components/error-boundary'
import type { MessageKey } from '~/i18n/messages'
import { useT } from '~/i18n/use-t'
import { createStation, listStations } from '~/models/station.server'
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

type ActionData = { errors?: Record<string, string>; created?: { id: string; code: string; name: string } }

export default function AdminStationsPage() {
  const { stations, total, page, pages } = useLoaderData<typeof loader>()
  const actionData = useActionData<ActionData>()
  const navigation = useNavigation()
  const t = useT()
  const errors = actionData?.errors ?? {}
  const busy = navigation.state === 'submitting'
  const fieldError = (key: string) =>
    errors[key] ? <p className="field-error" id={`station-${key}-error`}>{t(errors[key] as MessageKey)}</p> : null
  const invalid = (key: string) => ({
    'aria-invalid': Boolean(errors[key]),
    'aria-describedby': errors[key] ? `station-${key}-error` : undefined,
  })

  return (
    <>
      <AdminNav />
      <div className="case-layout">
        <section style={{ minWidth: 0 }} aria-labelledby="stations-title">
          <h1 id="stations-title">{t('admin.stations')}</h1>
          <p className="results__summary">{t('admin.stationTotal', { count: total })}</p>
          {stations.length === 0 ? (
            <p className="empty-state">{t('admin.noStations')}</p>
          ) : (
            <div style={{ overflowX: 'auto' }}>
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
            </div>
          )}
          <AdminPager page={page} pages={pages} />
        </section>

        <aside>
          <section className="card" aria-labelledby="new-station-title">
            <h2 id="new-station-title">{t('admin.newStation')}</h2>
            {actionData?.created ? (
              <p className="notice notice--ok" role="status">
                {t('admin.stationCreated', { code: actionData.created.code, name: actionData.created.name })}
              </p>
            ) : null}
            <Form method="post" noValidate key={actionData?.created?.id ?? 'new'}>
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
              <button type="submit" className="button button--wide" disabled={busy}>
                {busy ? t('common.loading') : t('common.create')}
              </button>
            </Form>
          </section>
        </aside>
      </div>
    </>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
