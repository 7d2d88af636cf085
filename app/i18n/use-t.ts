import { useRouteLoaderData } from '@remix-run/react'
import { translate, type Locale, type MessageKey } from './messages'

export function useLocale(): Locale {
  const data = useRouteLoaderData<{ locale: Locale }>('root')
  return data?.locale ?? 'zh'
}

export function useT() {
  const locale = useLocale()
  return (key: MessageKey, vars?: Record<string, string | number>) => translate(locale, key, vars)
}

/** Picks the Chinese or English name of a catalogue entry. */
export function useLocalName() {
  const locale = useLocale()
  return (entry: { nameZh: string; nameEn: string }) => (locale === 'zh' ? entry.nameZh : entry.nameEn)
}
