import { getEnv } from '~/utils/env.server'
import { parseBusinessHours, parseWeekdays, type SlaPolicy } from './sla'

/** The SLA targets from the environment (SLA_* settings; see .env.example). */
export function getSlaPolicy(): SlaPolicy {
  const env = getEnv()
  const hours = parseBusinessHours(env.SLA_BUSINESS_HOURS)
  return {
    responseHours: env.SLA_RESPONSE_HOURS,
    resolutionDays: env.SLA_RESOLUTION_DAYS,
    businessHours: hours && { ...hours, days: parseWeekdays(env.SLA_BUSINESS_DAYS), timeZone: env.SLA_TIMEZONE },
  }
}
