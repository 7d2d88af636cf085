import type { LoaderFunctionArgs } from '@remix-run/node'
import { useLoaderData } from '@remix-run/react'
import type { MessageKey } from '~/i18n/messages'
import { useT } from '~/i18n/use-t'
import { requireUser } from '~/utils/auth.server'

const upcomingModules: readonly string[] = []

export async function loader({ request, params }: LoaderFunctionArgs) {
  const module = upcomingModules.find((name) => name === params.module)
  if (!module) throw new Response('Not found', { status: 404 })
  await requireUser(request)
  return { module }
}

export default function UpcomingModule() {
  const { module } = useLoaderData<typeof loader>()
  const t = useT()
  return (
    <section className="empty-page">
      <h1>{t(`nav.${module}` as MessageKey)}</h1>
      <p className="empty-state">{t('module.soon')}</p>
    </section>
  )
}
