import { getDb } from '~/utils/db.server'
import { publishTemplateVersion } from '../inspections.server'
import { demoTemplates } from './templates'

const DAY = 24 * 60 * 60 * 1000

/**
 * The two standard checklists and one inspection of the station managers' demo station (BJ001),
 * run by expert@ tomorrow at 10:00 UTC. Does nothing when checklists exist already.
 */
export async function seedDemoInspections() {
  const db = getDb()
  if ((await db.checklistTemplate.count()) > 0) return 0
  const [reception] = [await publishTemplateVersion(demoTemplates[0]), await publishTemplateVersion(demoTemplates[1])]
  const [station, inspector] = await Promise.all([
    db.station.findUnique({ where: { code: 'BJ001' }, select: { id: true } }),
    db.user.findUnique({ where: { email: 'expert@gtac.test' }, select: { id: true } }),
  ])
  if (!station || !inspector) return demoTemplates.length
  const tomorrow = new Date(Date.now() + DAY)
  tomorrow.setUTCHours(10, 0, 0, 0)
  await db.inspection.create({ data: { stationId: station.id, templateId: reception.id, inspectorId: inspector.id, scheduledAt: tomorrow } })
  return demoTemplates.length
}
