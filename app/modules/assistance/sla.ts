/**
 * Service-level targets of a request: first response within N hours, resolution within N days.
 * Without business hours the clock runs around the clock. With them (e.g. 08:30-17:30 on
 * Monday-Friday in Asia/Shanghai) only working time counts, and a day is one working day.
 */
export type SlaPolicy = {
  responseHours: number
  resolutionDays: number
  businessHours?: { open: number; close: number; days: number[]; timeZone: string }
}

const MINUTE = 60_000

/** "08:30-17:30" -> minutes after midnight; undefined for an empty setting. */
export function parseBusinessHours(text: string | undefined) {
  if (!text) return undefined
  const match = /^(\d{1,2}):(\d{2})-(\d{1,2}):(\d{2})$/.exec(text.trim())
  if (!match) throw new Error(`business hours must look like 08:30-17:30, not "${text}"`)
  const [open, close] = [Number(match[1]) * 60 + Number(match[2]), Number(match[3]) * 60 + Number(match[4])]
  if (open >= close || close > 24 * 60) throw new Error(`business hours must open before they close: "${text}"`)
  return { open, close }
}

/** "1-5" or "1,2,3,4,5,6" (ISO weekdays, Monday = 1) -> [1, 2, 3, 4, 5]. */
export function parseWeekdays(text: string) {
  const days = new Set<number>()
  for (const part of text.split(',')) {
    const [from, to = from] = part.trim().split('-').map(Number)
    if (!(from >= 1 && to <= 7 && from <= to)) throw new Error(`weekdays must look like 1-5 or 1,3,5, not "${text}"`)
    for (let day = from; day <= to; day++) days.add(day)
  }
  return [...days].sort()
}

type LocalParts = { year: number; month: number; day: number; weekday: number; minutes: number }

const formatters = new Map<string, Intl.DateTimeFormat>()
function localParts(date: Date, timeZone: string): LocalParts {
  let format = formatters.get(timeZone)
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      weekday: 'short',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    })
    formatters.set(timeZone, format)
  }
  const parts = Object.fromEntries(format.formatToParts(date).map((part) => [part.type, part.value]))
  const weekday = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'].indexOf(parts.weekday) + 1
  return {
    year: Number(parts.year),
    month: Number(parts.month),
    day: Number(parts.day),
    weekday,
    minutes: Number(parts.hour) * 60 + Number(parts.minute) + Number(parts.second) / 60,
  }
}

/** The instant when the clock in `timeZone` shows this local date and time (DST-aware). */
function zonedInstant(year: number, month: number, day: number, minutes: number, timeZone: string) {
  const wallClock = Date.UTC(year, month - 1, day) + minutes * MINUTE
  let guess = wallClock
  for (let i = 0; i < 2; i++) {
    const shown = localParts(new Date(guess), timeZone)
    const shownWallClock = Date.UTC(shown.year, shown.month - 1, shown.day) + shown.minutes * MINUTE
    guess += wallClock - shownWallClock
  }
  return guess
}

function addWorkingMinutes(start: Date, minutes: number, hours: NonNullable<SlaPolicy['businessHours']>) {
  let remaining = minutes
  let cursor = start.getTime()
  for (let guard = 0; guard < 3660; guard++) {
    const local = localParts(new Date(cursor), hours.timeZone)
    const dayStart = zonedInstant(local.year, local.month, local.day, 0, hours.timeZone)
    const isWorkday = hours.days.includes(local.weekday)
    if (isWorkday && local.minutes < hours.close) {
      const from = Math.max(local.minutes, hours.open)
      const available = hours.close - from
      if (remaining <= available) return new Date(zonedInstant(local.year, local.month, local.day, from + remaining, hours.timeZone))
      remaining -= available
    }
    // Jump to the next local day; noon first so a DST change can't skip or repeat a date.
    const nextNoon = dayStart + 36 * 60 * MINUTE
    const next = localParts(new Date(nextNoon), hours.timeZone)
    cursor = zonedInstant(next.year, next.month, next.day, 0, hours.timeZone)
  }
  throw new Error('business hours leave no working time within ten years')
}

export function dueDates(createdAt: Date, policy: SlaPolicy) {
  const hours = policy.businessHours
  if (!hours) {
    return {
      responseDueAt: new Date(createdAt.getTime() + policy.responseHours * 60 * MINUTE),
      resolutionDueAt: new Date(createdAt.getTime() + policy.resolutionDays * 24 * 60 * MINUTE),
    }
  }
  const workday = hours.close - hours.open
  return {
    responseDueAt: addWorkingMinutes(createdAt, policy.responseHours * 60, hours),
    resolutionDueAt: addWorkingMinutes(createdAt, policy.resolutionDays * workday, hours),
  }
}

export type SlaState = 'met' | 'breached' | 'overdue' | 'due-soon' | 'on-track'

/** Where one timer stands: done in time or late, or still running (due soon: the last quarter of its span). */
export function slaState({ dueAt, doneAt, startedAt, now }: { dueAt: Date; doneAt: Date | null; startedAt: Date; now: Date }): SlaState {
  if (doneAt) return doneAt <= dueAt ? 'met' : 'breached'
  if (now > dueAt) return 'overdue'
  const span = dueAt.getTime() - startedAt.getTime()
  const left = dueAt.getTime() - now.getTime()
  return left <= span / 4 ? 'due-soon' : 'on-track'
}
