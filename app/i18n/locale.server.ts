import { createCookie } from '@remix-run/node'
import type { Locale } from './messages'

export const localeCookie = createCookie('gtac_lang', { path: '/', sameSite: 'lax', httpOnly: true, maxAge: 60 * 60 * 24 * 365 })

/** Chinese unless the user chose English. */
export async function getLocale(request: Request): Promise<Locale> {
  const value = await localeCookie.parse(request.headers.get('Cookie'))
  return value === 'en' ? 'en' : 'zh'
}
