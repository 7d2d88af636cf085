import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, useLoaderData } from '@remix-run/react'
import { z } from 'zod'
import { GeneralErrorBoundary } from '~/components/error-boundary'
import { PageLinks } from '~/components/pagination'
import { useLocale, useMessages } from '~/i18n/use-t'
import { notificationMessages } from '~/modules/notifications/messages'
import { NOTIFICATIONS_PER_PAGE, listNotifications, markNotificationsRead, openNotification } from '~/modules/notifications/notification.server'
import { requireUser } from '~/utils/auth.server'

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request)
  const page = Math.max(1, Math.min(1000, Number(new URL(request.url).searchParams.get('page')) || 1))
  const { items, total } = await listNotifications({ userId: user.id, page })
  return { items, page, pages: Math.max(1, Math.ceil(total / NOTIFICATIONS_PER_PAGE)) }
}

export const meta: MetaFunction = () => [{ title: '通知 / Notifications · GTAC' }]

const actionSchema = z.discriminatedUnion('intent', [
  z.object({ intent: z.literal('open'), id: z.string().min(1).max(40) }),
  z.object({ intent: z.literal('read-all') }),
])

/** Opening a notification marks it read and goes where it points (always a path of ours). */
export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request)
  const parsed = actionSchema.safeParse(Object.fromEntries(await request.formData()))
  if (!parsed.success) return Response.json({ error: 'invalid request' }, { status: 400 })
  if (parsed.data.intent === 'read-all') {
    await markNotificationsRead({ userId: user.id })
    return { ok: true }
  }
  const target = await openNotification({ userId: user.id, id: parsed.data.id })
  return redirect(target && target.startsWith('/') && !target.startsWith('//') ? target : '/notifications')
}

export default function NotificationsPage() {
  const { items, page, pages } = useLoaderData<typeof loader>()
  const t = useMessages(notificationMessages)
  const locale = useLocale()
  return (
    <section className="notifications">
      <div className="page-title-row">
        <h1>{t('title')}</h1>
        {items.some((item) => !item.readAt) ? (
          <Form method="post">
            <button type="submit" name="intent" value="read-all" className="button button--ghost">{t('markAllRead')}</button>
          </Form>
        ) : null}
      </div>
      {items.length === 0 ? <p className="empty-state">{t('empty')}</p> : null}
      <ul className="notification-list">
        {items.map((item) => (
          <li key={item.id} className={item.readAt ? 'notification' : 'notification notification--unread'}>
            <Form method="post">
              <input type="hidden" name="id" value={item.id} />
              <button type="submit" name="intent" value="open" className="notification__open">
                <span className="badge badge--submitted">{t(`kind.${item.kind}` as 'kind.bulletin')}</span>
                <span className="notification__title">{item.title}</span>
                {!item.readAt ? <span className="visually-hidden">（{t('unread')}）</span> : null}
                <time className="small muted" dateTime={new Date(item.createdAt).toISOString()}>
                  {new Date(item.createdAt).toLocaleString(locale === 'zh' ? 'zh-CN' : 'en-GB')}
                </time>
              </button>
            </Form>
          </li>
        ))}
      </ul>
      <PageLinks page={page} pages={pages} hrefFor={(next) => `/notifications?page=${next}`} />
    </section>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
