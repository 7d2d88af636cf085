import { redirect, type ActionFunctionArgs } from '@remix-run/node'
import { getLocale, localeCookie } from '~/i18n/locale.server'

export async function action({ request }: ActionFunctionArgs) {
  const form = await request.formData()
  const current = await getLocale(request)
  const target = String(form.get('redirectTo') ?? '/')
  const next = current === 'zh' ? 'en' : 'zh'
  return redirect(target.startsWith('/') && !target.startsWith('//') ? target : '/', {
    headers: { 'Set-Cookie': await localeCookie.serialize(next) },
  })
}
