import { useRouteLoaderData } from '@remix-run/react'
import { translate, translateFrom, type Locale, type MessageKey, type ModuleMessages } from './messages'

export function useLocale(): Locale {
  const data = useRouteLoaderData<{ locale: Locale }>('root')
  return data?.locale ?? 'zh'
}

export function useT() {
  const locale = useLocale()
  return (key: MessageKey, vars?: Record<string, string | number>) => translate(locale, key, vars)
}

/** A translator over a module's own dictionary (its `messages.ts`). */
export function useMessages<K extends string>(dictionary: ModuleMessages<K>) {
  const locale = useLocale()
  return (key: K, vars?: Record<string, string | number>) => translateFrom(dictionary, locale, key, vars)
}

/** Picks the Chinese or English name of a catalogue entry. */
export function useLocalName() {
  const locale = useLocale()
  return (entry: { nameZh: string; nameEn: string }) => (locale === 'zh' ? entry.nameZh : entry.nameEn)
}
