import { useLocale } from '~/i18n/use-t'

/** Dates and times in the reader's language (loader data may carry a Date or its ISO string). */
export function useExamFormat() {
  const locale = useLocale()
  const tag = locale === 'zh' ? 'zh-CN' : 'en-GB'
  return {
    date: (value: Date | string) => new Date(value).toLocaleDateString(tag, { dateStyle: 'medium' }),
    dateTime: (value: Date | string) => new Date(value).toLocaleString(tag, { dateStyle: 'medium', timeStyle: 'short' }),
    time: (value: Date | string) => new Date(value).toLocaleTimeString(tag, { hour: '2-digit', minute: '2-digit', second: '2-digit' }),
    score: (value: number) => value.toLocaleString(tag, { maximumFractionDigits: 1 }),
  }
}
