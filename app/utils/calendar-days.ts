import { z } from 'zod'

/** Calendar days as `YYYY-MM-DD` (report filters), computed in UTC so no zone shifts them. */
export const DAY_MS = 86_400_000
/** The longest range a report accepts. */
export const MAX_RANGE_DAYS = 5 * 366
export const utcDay = (isoDate: string) => new Date(`${isoDate}T00:00:00Z`)
export const isoDay = (date: Date) => date.toISOString().slice(0, 10)
const isCalendarDate = (text: string) => !Number.isNaN(utcDay(text).getTime()) && isoDay(utcDay(text)) === text

/** An optional `YYYY-MM-DD` that is a real date (an empty field counts as missing). */
export const optionalCalendarDate = z.preprocess((value) => (value === '' ? undefined : value), z.string().regex(/^\d{4}-\d{2}-\d{2}$/).refine(isCalendarDate).optional())

/** The months (`YYYY-MM`) a range of days touches, in order. */
export function monthsBetween(from: string, to: string) {
  const months: string[] = []
  for (const day = utcDay(`${from.slice(0, 7)}-01`); day <= utcDay(to); day.setUTCMonth(day.getUTCMonth() + 1)) months.push(isoDay(day).slice(0, 7))
  return months
}
