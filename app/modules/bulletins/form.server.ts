import { plainTextToDoc } from '~/editor/rich-text.server'
import { getDb } from '~/utils/db.server'
import { listRegions } from '~/utils/station.server'
import { listVehicleModels, listVehicleSystems } from '~/modules/catalogue/catalogue.server'
import { bulletinInputSchema } from './schema'

const split = (text: FormDataEntryValue | null) => String(text ?? '').split(/[\s,，;；]+/).map((part) => part.trim()).filter(Boolean)

/** A `datetime-local` value is the browser's wall-clock time; its offset (minutes, from the form) makes it an instant. */
function instantFrom(value: FormDataEntryValue | null, offsetMinutes: number) {
  const text = String(value ?? '')
  const match = /^(\d{4})-(\d\d)-(\d\d)T(\d\d):(\d\d)$/.exec(text)
  if (!match) return text || undefined
  const [, year, month, day, hour, minute] = match.map(Number)
  return new Date(Date.UTC(year, month - 1, day, hour, minute) + offsetMinutes * 60_000).toISOString()
}

function editorJson(value: FormDataEntryValue | null) {
  try {
    return JSON.parse(String(value ?? '')) as unknown
  } catch {
    return String(value ?? '')
  }
}

/** The editor form, read into the same input the API takes. */
export function parseBulletinForm(form: FormData) {
  const offset = Number(form.get('timezoneOffset')) || 0
  return bulletinInputSchema.safeParse({
    title: form.get('title'),
    type: form.get('type'),
    body: editorJson(form.get('body')),
    models: form.getAll('models').map(String),
    yearFrom: form.get('yearFrom'),
    yearTo: form.get('yearTo'),
    vinFrom: form.get('vinFrom'),
    vinTo: form.get('vinTo'),
    systems: form.getAll('systems').map(String),
    dtcs: String(form.get('dtcs') ?? ''),
    audience: { roles: form.getAll('roles').map(String), regions: form.getAll('regions').map(String), stations: split(form.get('stations')) },
    requiresAck: form.get('requiresAck') === 'on',
    publish: form.get('intent') === 'publish',
    publishAt: instantFrom(form.get('publishAt'), offset),
    expiresAt: form.get('expiresAt'),
    supersedes: form.get('supersedes'),
    attachmentIds: form.getAll('attachmentIds').map(String),
  })
}

/** What the form offers to choose from. */
export async function bulletinFormOptions() {
  const [models, systems, regions, published] = await Promise.all([
    listVehicleModels(),
    listVehicleSystems(),
    listRegions(),
    getDb().bulletin.findMany({ where: { publishedAt: { not: null } }, select: { id: true, number: true, title: true }, orderBy: { number: 'desc' }, take: 100 }),
  ])
  return { models, systems, regions, published }
}

/** A new bulletin's starting values from a field signal: its vehicle, fault, and evidence links. */
export function draftFromQuery(params: URLSearchParams) {
  const evidence = params.getAll('evidence').filter((link) => /^\/(cases|assistance|forum)\/[\w-]+$/.test(link)).slice(0, 20)
  const dtc = params.get('dtc')
  const system = params.get('system')
  const model = params.get('model')
  if (!model && !dtc && evidence.length === 0) return {}
  return {
    title: params.get('title')?.slice(0, 200) ?? undefined,
    modelIds: model ? [model] : [],
    dtcs: dtc && /^[PBCU][0-9A-F]{4}$/.test(dtc) ? [dtc] : [],
    systems: system ? [system] : [],
    body: plainTextToDoc(['现象 / Symptoms:', '原因 / Cause:', '处理 / Fix:', '依据 / Evidence:', ...evidence].join('\n')),
  }
}
