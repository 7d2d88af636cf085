import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Links, Meta, Outlet, Scripts, ScrollRestoration, useRouteLoaderData } from '@remix-run/react'
import { AppHeader } from '~/components/app-header'
import { GeneralErrorBoundary } from '~/components/error-boundary'
import { useNonce } from '~/components/nonce'
import { RealtimeProvider } from '~/components/realtime'
import { ExpertAlerts } from '~/modules/assistance/components/expert-alerts'
import { NotificationBell } from '~/modules/notifications/components/notification-bell'
import { countUnreadNotifications } from '~/modules/notifications/notification.server'
import { getLocale } from '~/i18n/locale.server'
import { translate, type Locale } from '~/i18n/messages'
import { getUser } from '~/utils/auth.server'
import appStyles from '~/styles/app.css'
import assistanceStyles from '~/styles/assistance.css'
import liveStyles from '~/styles/live.css'
import annotationStyles from '~/styles/annotation.css'
import bulletinStyles from '~/styles/bulletins.css'
import examStyles from '~/styles/exams.css'
import trainingStyles from '~/styles/training.css'
import forumStyles from '~/styles/forum.css'
import inspectionStyles from '~/styles/inspections.css'

export const links: LinksFunction = () => [
  { rel: 'stylesheet', href: appStyles },
  { rel: 'stylesheet', href: assistanceStyles },
  { rel: 'stylesheet', href: liveStyles },
  { rel: 'stylesheet', href: annotationStyles },
  { rel: 'stylesheet', href: bulletinStyles },
  { rel: 'stylesheet', href: examStyles },
  { rel: 'stylesheet', href: trainingStyles },
  { rel: 'stylesheet', href: forumStyles },
  { rel: 'stylesheet', href: inspectionStyles },
  { rel: 'icon', href: '/favicon.svg', type: 'image/svg+xml' },
]

export async function loader({ request }: LoaderFunctionArgs) {
  const [locale, user] = await Promise.all([getLocale(request), getUser(request)])
  return { locale, user, unreadNotifications: user ? await countUnreadNotifications(user.id) : 0 }
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: translate(data?.locale ?? 'zh', 'app.name') }]

export function Layout({ children }: { children: React.ReactNode }) {
  const data = useRouteLoaderData<typeof loader>('root')
  const locale: Locale = data?.locale ?? 'zh'
  const nonce = useNonce()
  return (
    <html lang={locale === 'zh' ? 'zh-CN' : 'en'}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <Meta />
        <Links />
      </head>
      <body>
        <RealtimeProvider enabled={Boolean(data?.user)}>
          <AppHeader user={data?.user ?? null} tools={data?.user ? <NotificationBell unread={data.unreadNotifications} /> : null} />
          <main className="page">{children}</main>
          {data?.user?.role === 'ENGINEER' ? <ExpertAlerts /> : null}
        </RealtimeProvider>
        <ScrollRestoration nonce={nonce} />
        <Scripts nonce={nonce} />
      </body>
    </html>
  )
}

export default function App() {
  return <Outlet />
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
