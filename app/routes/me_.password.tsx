import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Form, useActionData, useNavigation } from '@remix-run/react'
import { GeneralErrorBoundary } from '~/components/error-boundary'
import { useFieldErrors } from '~/components/field-errors'
import { useMessages, useT } from '~/i18n/use-t'
import { MemberNav } from '~/modules/members/components/member-nav'
import { memberMessages } from '~/modules/members/messages'
import { changePassword, passwordChangeSchema } from '~/modules/members/password.server'
import { requireUser } from '~/utils/auth.server'
import { readSessionId } from '~/utils/session.server'
import { fieldErrors } from '~/utils/validation'

export async function loader({ request }: LoaderFunctionArgs) {
  await requireUser(request)
  return null
}

export const meta: MetaFunction = () => [{ title: '修改密码 / Change password · GTAC' }]

export async function action({ request }: ActionFunctionArgs) {
  // Only from a signed-in browser: an API token must not change the password.
  if (request.headers.has('Authorization')) throw new Response('Forbidden', { status: 403 })
  const user = await requireUser(request)
  const parsed = passwordChangeSchema.safeParse(Object.fromEntries(await request.formData()))
  if (!parsed.success) return Response.json({ errors: fieldErrors(parsed.error) }, { status: 400 })
  const changed = await changePassword({ userId: user.id, sessionId: (await readSessionId(request.headers.get('Cookie'))) ?? null, current: parsed.data.current, next: parsed.data.next })
  if (!changed.ok) return Response.json({ errors: changed.errors }, { status: 400 })
  return { changed: true }
}

export default function PasswordPage() {
  const actionData = useActionData<{ errors?: Record<string, string>; changed?: boolean }>()
  const t = useMessages(memberMessages)
  const common = useT()
  const navigation = useNavigation()
  const { fieldError, invalid } = useFieldErrors(actionData?.errors ?? {}, 'password-')
  return (
    <>
      <h1>{common('member.title')}</h1>
      <MemberNav />
      <section className="card" aria-labelledby="password-title">
        <h2 id="password-title">{t('nav.password')}</h2>
        {actionData?.changed ? <p className="notice notice--ok" role="status">{t('passwordChanged')}</p> : null}
        <Form method="post" noValidate key={actionData?.changed ? 'done' : 'form'} style={{ maxWidth: '26rem' }}>
          <div className="field">
            <label htmlFor="password-current">{t('currentPassword')}</label>
            <input id="password-current" name="current" type="password" autoComplete="current-password" required {...invalid('current')} />
            {fieldError('current')}
          </div>
          <div className="field">
            <label htmlFor="password-next">{t('newPassword')}</label>
            <input id="password-next" name="next" type="password" autoComplete="new-password" minLength={8} required {...invalid('next')} />
            {fieldError('next')}
          </div>
          <div className="field">
            <label htmlFor="password-repeat">{t('repeatPassword')}</label>
            <input id="password-repeat" name="repeat" type="password" autoComplete="new-password" required {...invalid('repeat')} />
            {fieldError('repeat')}
          </div>
          <button type="submit" className="button" disabled={navigation.state !== 'idle'}>{t('changePassword')}</button>
        </Form>
      </section>
    </>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
