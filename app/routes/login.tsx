import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { Form, useActionData, useNavigation, useSearchParams } from '@remix-run/react'
import { z } from 'zod'
import { getLocale } from '~/i18n/locale.server'
import { translate } from '~/i18n/messages'
import { useT } from '~/i18n/use-t'
import { createSession, verifyLogin } from '~/utils/user.server'
import { getUser } from '~/utils/auth.server'
import { fieldErrors } from '~/utils/validation'
import { loginLimiter } from '~/utils/rate-limit.server'
import { SESSION_ID_KEY, getSessionStorage } from '~/utils/session.server'

const loginSchema = z.object({
  email: z.string().trim().email('enter an email address').max(200),
  password: z.string().min(1, 'enter your password').max(200),
  redirectTo: z.string().default('/cases'),
})

/** Only same-site paths: an open redirect would let a link send a signed-in user anywhere. */
const safeRedirect = (target: string) => (target.startsWith('/') && !target.startsWith('//') ? target : '/cases')

export async function loader({ request }: LoaderFunctionArgs) {
  if (await getUser(request)) throw redirect('/cases')
  return null
}

export async function action({ request, context }: ActionFunctionArgs) {
  const locale = await getLocale(request)
  const parsed = loginSchema.safeParse(Object.fromEntries(await request.formData()))
  if (!parsed.success) return Response.json({ errors: fieldErrors(parsed.error) }, { status: 400 })
  const { email, password, redirectTo } = parsed.data
  const limiterKey = `${context.clientIp ?? 'unknown'}|${email.toLowerCase()}`
  const retryAfter = await loginLimiter.begin(limiterKey)
  if (retryAfter > 0) {
    return Response.json(
      { errors: { _form: translate(locale, 'auth.tooMany', { minutes: Math.ceil(retryAfter / 60) }) } },
      { status: 429, headers: { 'Retry-After': String(retryAfter) } },
    )
  }
  const user = await verifyLogin({ email, password })
  if (!user) return Response.json({ errors: { _form: translate(locale, 'auth.invalid') } }, { status: 400 })
  await loginLimiter.succeeded(limiterKey)
  const storage = getSessionStorage()
  const session = await storage.getSession()
  session.set(SESSION_ID_KEY, await createSession(user.id))
  return redirect(safeRedirect(redirectTo), { headers: { 'Set-Cookie': await storage.commitSession(session) } })
}

export default function LoginPage() {
  const t = useT()
  const actionData = useActionData<{ errors?: Record<string, string> }>()
  const [params] = useSearchParams()
  const navigation = useNavigation()
  const errors = actionData?.errors ?? {}
  return (
    <section className="auth-card">
      <h1>{t('auth.signIn')}</h1>
      <p className="muted">{t('app.tagline')}</p>
      <Form method="post" noValidate>
        <input type="hidden" name="redirectTo" value={params.get('redirectTo') ?? '/cases'} />
        <div className="field">
          <label htmlFor="email">{t('auth.email')}</label>
          <input id="email" name="email" type="email" autoComplete="username" required autoFocus aria-invalid={Boolean(errors.email)} aria-describedby="email-error" />
          {errors.email ? <p id="email-error" className="field-error">{errors.email}</p> : null}
        </div>
        <div className="field">
          <label htmlFor="password">{t('auth.password')}</label>
          <input id="password" name="password" type="password" autoComplete="current-password" required aria-invalid={Boolean(errors.password)} aria-describedby="password-error" />
          {errors.password ? <p id="password-error" className="field-error">{errors.password}</p> : null}
        </div>
        {errors._form ? <p className="notice notice--error" role="alert">{errors._form}</p> : null}
        <button type="submit" className="button button--wide" disabled={navigation.state !== 'idle'}>
          {navigation.state !== 'idle' ? t('common.loading') : t('auth.signIn')}
        </button>
      </Form>
      <p className="muted small">{t('auth.demoHint')}</p>
    </section>
  )
}
