import { getDb } from '~/utils/db.server'
import type { SessionUser } from '~/utils/session-user'
import { fieldErrors } from '~/utils/validation'
import { checkpointFields, publishTemplateVersion } from './inspections.server'
import { NEW_TEMPLATE, templateFromForm, templateInputSchema, type TemplateInput } from './schema'

/** Checklists are the network's standard: admins publish their versions. */
export const mayEditTemplates = (user: Pick<SessionUser, 'role'>) => user.role === 'ADMIN'

/** Each checklist's newest version, with its size and how many versions it has had. */
export async function listTemplates() {
  const rows = await getDb().checklistTemplate.findMany({
    orderBy: [{ key: 'asc' }, { version: 'desc' }],
    select: { key: true, version: true, nameZh: true, nameEn: true, createdAt: true, sections: { select: { _count: { select: { items: true } } } } },
  })
  const newest = new Map<string, (typeof rows)[number]>()
  for (const row of rows) if (!newest.has(row.key)) newest.set(row.key, row)
  return [...newest.values()].map(({ sections, ...template }) => ({
    ...template,
    sectionCount: sections.length,
    itemCount: sections.reduce((sum, section) => sum + section._count.items, 0),
  }))
}

/** The newest version of a checklist in the editor's shape, or null. */
export async function templateForEditing(key: string): Promise<(TemplateInput & { version: number }) | null> {
  const template = await getDb().checklistTemplate.findFirst({
    where: { key },
    orderBy: { version: 'desc' },
    select: {
      key: true,
      version: true,
      nameZh: true,
      nameEn: true,
      sections: {
        orderBy: { position: 'asc' },
        select: {
          titleZh: true,
          titleEn: true,
          items: { orderBy: { position: 'asc' }, select: checkpointFields },
        },
      },
    },
  })
  return template
}

export type SaveTemplateOutcome =
  | { ok: true; key: string; version: number }
  | { ok: false; reason: 'forbidden' | 'not-found' }
  | { ok: false; reason: 'invalid-input'; errors: Record<string, string> }

/**
 * Publishes the editor's form as a checklist's next version (`key` null: a new checklist, whose
 * key the form gives). Inspections already scheduled keep the version they were scheduled with.
 */
export async function saveTemplateVersion({ user, key, fields }: { user: Pick<SessionUser, 'role'>; key: string | null; fields: Record<string, unknown> }): Promise<SaveTemplateOutcome> {
  if (!mayEditTemplates(user)) return { ok: false, reason: 'forbidden' }
  const parsed = templateInputSchema.safeParse({ ...templateFromForm(fields), ...(key ? { key } : {}) })
  if (!parsed.success) return { ok: false, reason: 'invalid-input', errors: fieldErrors(parsed.error) }
  const exists = (await getDb().checklistTemplate.count({ where: { key: parsed.data.key } })) > 0
  if (key && !exists) return { ok: false, reason: 'not-found' }
  if (!key && exists) return { ok: false, reason: 'invalid-input', errors: { key: 'a checklist with this key exists' } }
  // `/inspections/templates/new` is the form for a new checklist: a checklist keyed so could not be opened.
  if (!key && parsed.data.key === NEW_TEMPLATE) return { ok: false, reason: 'invalid-input', errors: { key: 'choose another key' } }
  const published = await publishTemplateVersion(parsed.data)
  return { ok: true, key: published.key, version: published.version }
}
