import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { useLoaderData } from '@remix-run/react'
import { z } from 'zod'
import { AdminListPage, useAdminForm } from '~/components/admin-list-page'
import { ADMIN_PAGE_SIZE, pageParam, titleMeta } from '~/components/admin-nav'
import { GeneralErrorBoundary } from '~/components/error-boundary'
import type { Role } from '~/generated/prisma/enums'
import type { MessageKey } from '~/i18n/messages'
import { useT } from '~/i18n/use-t'
import { isUniqueViolation, listStationOptions, stationExists } from '~/utils/station.server'
import { createUser, listUsers } from '~/utils/user.server'
import { requireUser } from '~/utils/auth.server'
import { parseForm } from '~/utils/form.server'
import { requireRole } from '~/utils/permissions.server'

const ROLES = ['TECHNICIAN', 'STATION_MANAGER', 'ENGINEER', 'TRAINER', 'ADMIN'] as const satisfies readonly Role[]
/** Roles that work at a dealer: their cases and drafts belong to a station. */
const STATION_ROLES: readonly Role[] = ['TECHNICIAN', 'STATION_MANAGER']

export async function loader({ request }: LoaderFunctionArgs) {
  requireRole(await requireUser(request), ['ADMIN'])
  const url = new URL(request.url)
  const page = pageParam(url)
  const [{ users, total }, stations] = await Promise.all([
    listUsers({ skip: (page - 1) * ADMIN_PAGE_SIZE, take: ADMIN_PAGE_SIZE }),
    listStationOptions(),
  ])
  const pages = Math.max(1, Math.ceil(total / ADMIN_PAGE_SIZE))
  if (page > pages) throw redirect(`${url.pathname}?page=${pages}`)
  return { users, total, page, pages, stations }
}

export const meta = titleMeta('admin.users')

/** The messages are i18n keys: the page shows them in the visitor's language. */
const text = (message: MessageKey) => z.string({ required_error: message, invalid_type_error: message })

const userSchema = z
  .object({
    email: text('validation.email').trim().email('validation.email').max(200, 'validation.email'),
    name: text('validation.userName').trim().min(1, 'validation.userName').max(100, 'validation.userName'),
    password: text('validation.password').min(8, 'validation.password').max(200, 'validation.password'),
    role: z.enum(ROLES, { errorMap: () => ({ message: 'validation.role' }) }),
    stationId: z.preprocess((value) => (value === '' ? undefined : value), text('validation.stationUnknown').optional()),
  })
  .superRefine((input, ctx) => {
    if (STATION_ROLES.includes(input.role) && !input.stationId) {
      ctx.addIssue({ code: z.ZodIssueCode.custom, path: ['stationId'], message: 'validation.stationRequired' })
    }
  })

export async function action({ request }: ActionFunctionArgs) {
  requireRole(await requireUser(request), ['ADMIN'])
  const parsed = await parseForm(request, userSchema)
  if (!parsed.ok) return parsed.response
  const input = parsed.data
  if (input.stationId && !(await stationExists(input.stationId))) {
    return Response.json({ errors: { stationId: 'validation.stationUnknown' } }, { status: 400 })
  }
  try {
    const user = await createUser(input)
    return { created: { id: user.id, email: user.email } }
  } catch (error) {
    if (isUniqueViolation(error)) return Response.json({ errors: { email: 'validation.emailTaken' } }, { status: 400 })
    throw error
  }
}


export default function AdminUsersPage() {
  const { users, total, page, pages, stations } = useLoaderData<typeof loader>()
  const { created, busy, fieldError, invalid } = useAdminForm<{ id: string; email: string }>('user-')
  const t = useT()
  return (
    <AdminListPage
      id="user"
      title={t('admin.users')}
      summary={t('admin.userTotal', { count: total })}
      emptyText={users.length === 0 ? t('admin.noUsers') : null}
      page={page}
      pages={pages}
      formTitle={t('admin.newUser')}
      createdNotice={created ? t('admin.userCreated', { email: created.email }) : null}
      formKey={created?.id ?? 'new'}
      busy={busy}
      table={
        <table className="table" style={{ minWidth: '36rem' }}>
        <thead>
          <tr>
            <th scope="col">{t('admin.userName')}</th>
            <th scope="col">{t('auth.email')}</th>
            <th scope="col">{t('member.role')}</th>
            <th scope="col">{t('case.station')}</th>
          </tr>
        </thead>
        <tbody>
          {users.map((user) => (
            <tr key={user.id}>
              <td>{user.name}</td>
              <td>{user.email}</td>
              <td style={{ whiteSpace: 'nowrap' }}>{t(`role.${user.role}`)}</td>
              <td>{user.stationName ?? <span className="muted">—</span>}</td>
            </tr>
          ))}
        </tbody>
      </table>
      }
    >
      <div className="field">
        <label htmlFor="user-email">{t('auth.email')}</label>
        <input id="user-email" name="email" type="email" required maxLength={200} autoComplete="off" spellCheck={false} {...invalid('email')} />
        {fieldError('email')}
      </div>
      <div className="field">
        <label htmlFor="user-name">{t('admin.userName')}</label>
        <input id="user-name" name="name" required maxLength={100} autoComplete="off" {...invalid('name')} />
        {fieldError('name')}
      </div>
      <div className="field">
        <label htmlFor="user-password">{t('admin.initialPassword')}</label>
        <input id="user-password" name="password" type="password" required minLength={8} maxLength={200} autoComplete="new-password" {...invalid('password')} />
        {fieldError('password') ?? <p className="field-hint">{t('admin.passwordHint')}</p>}
      </div>
      <div className="field">
        <label htmlFor="user-role">{t('member.role')}</label>
        <select id="user-role" name="role" defaultValue="TECHNICIAN" {...invalid('role')}>
          {ROLES.map((role) => (
            <option key={role} value={role}>{t(`role.${role}`)}</option>
          ))}
        </select>
        {fieldError('role')}
      </div>
      <div className="field">
        <label htmlFor="user-station">{t('case.station')}</label>
        <select id="user-station" name="stationId" defaultValue="" {...invalid('stationId')}>
          <option value="">{t('admin.noStation')}</option>
          {stations.map((station) => (
            <option key={station.id} value={station.id}>{station.code} · {station.name}</option>
          ))}
        </select>
        {fieldError('stationId') ?? <p className="field-hint">{t('admin.stationHint')}</p>}
      </div>
    </AdminListPage>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
