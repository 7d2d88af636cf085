import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Form, useActionData, useLoaderData, useNavigation } from '@remix-run/react'
import { GeneralErrorBoundary } from '~/components/error-boundary'
import { useMessages, useT } from '~/i18n/use-t'
import { MemberNav } from '~/modules/members/components/member-nav'
import { memberMessages } from '~/modules/members/messages'
import { NOTIFICATION_KINDS } from '~/modules/members/notification-kinds'
import { notificationSettingsOf, notificationSettingsSchema, saveNotificationSettings } from '~/modules/members/settings.server'
import { requireUser } from '~/utils/auth.server'
import { getEnv } from '~/utils/env.server'
import { fieldErrors } from '~/utils/validation'

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request)
  return { settings: await notificationSettingsOf(user.id), mailConfigured: Boolean(getEnv().SMTP_URL) }
}

export const meta: MetaFunction = () => [{ title: '通知设置 / Notification settings · GTAC' }]

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request)
  const form = await request.formData()
  const parsed = notificationSettingsSchema.safeParse({ shown: form.getAll('shown'), emailDigest: form.get('emailDigest') === 'on' })
  if (!parsed.success) return Response.json({ errors: fieldErrors(parsed.error) }, { status: 400 })
  await saveNotificationSettings(user.id, parsed.data)
  return { saved: true }
}

export default function SettingsPage() {
  const { settings, mailConfigured } = useLoaderData<typeof loader>()
  const actionData = useActionData<{ saved?: boolean }>()
  const t = useMessages(memberMessages)
  const common = useT()
  const navigation = useNavigation()
  return (
    <>
      <h1>{common('member.title')}</h1>
      <MemberNav />
      <section className="card" aria-labelledby="settings-title">
        <h2 id="settings-title">{t('nav.settings')}</h2>
        {actionData?.saved ? <p className="notice notice--ok" role="status">{t('saved')}</p> : null}
        <Form method="post">
          <fieldset className="choices" style={{ flexDirection: 'column' }}>
            <legend>{t('showKinds')}</legend>
            {NOTIFICATION_KINDS.map((kind) => (
              <label key={kind} className="choice">
                <input type="checkbox" name="shown" value={kind} defaultChecked={!settings.mutedNotificationKinds.includes(kind)} /> {t(`kind.${kind}`)}
              </label>
            ))}
          </fieldset>
          <label className="choice">
            <input type="checkbox" name="emailDigest" defaultChecked={settings.emailDigest} /> {t('emailDigest', { email: settings.email })}
          </label>
          {!mailConfigured ? <p className="small muted">{t('emailDigestOff')}</p> : null}
          <div className="button-row">
            <button type="submit" className="button" disabled={navigation.state !== 'idle'}>{t('save')}</button>
          </div>
        </Form>
      </section>
    </>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
