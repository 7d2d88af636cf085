import { useLocale } from '~/i18n/use-t'

/** Dates in the reader's language (loader data may carry a Date or its ISO string). */
export function useDateFormat() {
  const tag = useLocale() === 'zh' ? 'zh-CN' : 'en-GB'
  return {
    date: (value: Date | string) => new Date(value).toLocaleDateString(tag, { dateStyle: 'medium' }),
    dateTime: (value: Date | string) => new Date(value).toLocaleString(tag, { dateStyle: 'medium', timeStyle: 'short' }),
  }
}
