import { beforeAll, expect, test } from 'vitest'
import { publishTemplateVersion } from '../../app/modules/inspections/inspections.server'
import { templateForEditing } from '../../app/modules/inspections/templates.server'
import { loader as listLoader } from '../../app/routes/inspections.templates._index'
import { action as editAction, loader as editLoader } from '../../app/routes/inspections.templates.$key'
import { getDb } from '../../app/utils/db.server'
import type { SessionUser } from '../../app/utils/session-user'
import { createTestUser, sessionCookieFor } from '../factories'
import { callRoute, routeArgs } from '../route-calls'

// The checklist editor: admins publish a checklist's next version from a form whose fields are
// named by path; bad fields come back by path and nothing is written.
let admin: SessionUser
let engineer: SessionUser

const request = async (user: SessionUser, path: string, form?: Array<[string, string]>) =>
  new Request(`http://test${path}`, { method: form ? 'POST' : 'GET', headers: { Cookie: await sessionCookieFor(user.id) }, body: form ? new URLSearchParams(form) : undefined })
const save = async (user: SessionUser, key: string, form: Array<[string, string]>) =>
  callRoute(async () => editAction(routeArgs(await request(user, `/inspections/templates/${key}`, form), { key })))

/** The form a browser posts for a checklist: one field per value, named by its path. */
function formOf(template: { key?: string; nameZh: string; nameEn: string; sections: Array<{ titleZh: string; titleEn: string; items: Array<{ textZh: string; textEn: string; weight: string; requiresPhoto?: boolean }> }> }) {
  const fields: Array<[string, string]> = [['nameZh', template.nameZh], ['nameEn', template.nameEn]]
  if (template.key) fields.push(['key', template.key])
  template.sections.forEach((section, s) => {
    fields.push([`sections.${s}.titleZh`, section.titleZh], [`sections.${s}.titleEn`, section.titleEn])
    section.items.forEach((item, i) => {
      const path = `sections.${s}.items.${i}`
      fields.push([`${path}.textZh`, item.textZh], [`${path}.textEn`, item.textEn], [`${path}.guidanceZh`, ''], [`${path}.guidanceEn`, ''], [`${path}.weight`, item.weight])
      if (item.requiresPhoto) fields.push([`${path}.requiresPhoto`, 'on'])
    })
  })
  return fields
}

const versions = (key: string) => getDb().checklistTemplate.count({ where: { key } })

beforeAll(async () => {
  admin = await createTestUser({ role: 'ADMIN' })
  engineer = await createTestUser({ role: 'ENGINEER' })
  await publishTemplateVersion({
    key: 'editor-test',
    nameZh: '编辑测试',
    nameEn: 'Editor test',
    sections: [
      { titleZh: '接待', titleEn: 'Reception', items: [{ textZh: '一分钟内迎接', textEn: 'Greeted within a minute', weight: 3 }, { textZh: '三件套', textEn: 'Covers fitted', weight: 1, requiresPhoto: true }] },
      { titleZh: '车间', titleEn: 'Workshop', items: [{ textZh: '工具板', textEn: 'Tool boards', weight: 2 }] },
    ],
  })
})

test('only admins open the editor or publish; an unknown checklist is not found', async () => {
  expect((await callRoute(async () => listLoader(routeArgs(await request(engineer, '/inspections/templates'))))).status).toBe(403)
  expect((await callRoute(async () => editLoader(routeArgs(await request(engineer, '/inspections/templates/editor-test'), { key: 'editor-test' })))).status).toBe(403)
  const form = formOf({ nameZh: '改', nameEn: 'Changed', sections: [{ titleZh: '接待', titleEn: 'Reception', items: [{ textZh: '迎接', textEn: 'Greeting', weight: '1' }] }] })
  expect((await save(engineer, 'editor-test', form)).status).toBe(403)
  expect((await save(admin, 'no-such-checklist', form)).status).toBe(404)
  expect((await callRoute(async () => editLoader(routeArgs(await request(admin, '/inspections/templates/no-such-checklist'), { key: 'no-such-checklist' })))).status).toBe(404)
  expect(await versions('editor-test')).toBe(1)
})

test('an edit publishes the next version with the checkpoints in their new order; the earlier version stays as it was', async () => {
  const before = (await templateForEditing('editor-test'))!
  const edited = formOf({
    nameZh: '编辑测试',
    nameEn: 'Editor test',
    sections: [
      { titleZh: '车间', titleEn: 'Workshop', items: [{ textZh: '工具板齐全', textEn: 'Tool boards complete', weight: '2', requiresPhoto: true }, { textZh: '灭火器', textEn: 'Fire extinguishers', weight: '3' }] },
      { titleZh: '接待', titleEn: 'Reception', items: [{ textZh: '一分钟内迎接', textEn: 'Greeted within a minute', weight: '3' }] },
    ],
  })
  const answer = await save(admin, 'editor-test', edited)
  expect(answer.status).toBe(302)
  expect(answer.headers.get('Location')).toBe(`/inspections/templates?published=${encodeURIComponent(`editor-test.${before.version + 1}`)}`)
  const after = (await templateForEditing('editor-test'))!
  expect(after.version).toBe(before.version + 1)
  expect(after.sections.map((section) => section.items.map((item) => [item.textEn, item.weight, item.requiresPhoto]))).toEqual([
    [['Tool boards complete', 2, true], ['Fire extinguishers', 3, false]],
    [['Greeted within a minute', 3, false]],
  ])
  const first = await getDb().checklistTemplate.findFirstOrThrow({ where: { key: 'editor-test', version: before.version }, select: { sections: { select: { _count: { select: { items: true } } } } } })
  expect(first.sections.map((section) => section._count.items)).toEqual([2, 1])

  const list = (await listLoader(routeArgs(await request(admin, '/inspections/templates')))) as { templates: Array<{ key: string; version: number; itemCount: number }> }
  expect(list.templates.find((template) => template.key === 'editor-test')).toMatchObject({ version: before.version + 1, itemCount: 3 })
})

test('bad fields come back by their path and nothing is published', async () => {
  const count = await versions('editor-test')
  const answer = await save(admin, 'editor-test', formOf({
    nameZh: '编辑测试',
    nameEn: '',
    sections: [
      { titleZh: '', titleEn: 'Workshop', items: [{ textZh: '工具板', textEn: 'Tool boards', weight: '0' }, { textZh: '灭火器', textEn: '  ', weight: 'many' }] },
      { titleZh: '接待', titleEn: 'Reception', items: [] },
    ],
  }))
  expect(answer.status).toBe(400)
  expect((await answer.json()).errors).toEqual({
    nameEn: 'write it in English',
    'sections.0.titleZh': 'write it in Chinese',
    'sections.0.items.0.weight': 'a weight is a whole number from 1 to 10',
    'sections.1.items': 'a section needs at least one checkpoint',
    'sections.0.items.1.textEn': 'write it in English',
    'sections.0.items.1.weight': 'a weight is a whole number from 1 to 10',
  })
  expect(await versions('editor-test')).toBe(count)
})

test('a new checklist needs a free key of lower-case letters, digits and dashes; it starts at version 1', async () => {
  const checklist = { nameZh: '配件库', nameEn: 'Parts store', sections: [{ titleZh: '货架', titleEn: 'Shelves', items: [{ textZh: '标识清楚', textEn: 'Labelled', weight: '1' }] }] }
  expect(await (await save(admin, 'new', formOf({ ...checklist, key: 'Parts Store' }))).json()).toEqual({ errors: { key: 'a key is lower-case letters, digits and dashes' } })
  expect(await (await save(admin, 'new', formOf({ ...checklist, key: 'editor-test' }))).json()).toEqual({ errors: { key: 'a checklist with this key exists' } })
  expect(await (await save(admin, 'new', formOf({ ...checklist, key: 'new' }))).json()).toEqual({ errors: { key: 'choose another key' } })
  const created = await save(admin, 'new', formOf({ ...checklist, key: 'parts-store' }))
  expect(created.headers.get('Location')).toBe(`/inspections/templates?published=${encodeURIComponent('parts-store.1')}`)
  expect(await templateForEditing('parts-store')).toMatchObject({ version: 1, nameEn: 'Parts store', sections: [{ items: [{ textEn: 'Labelled', weight: 1, requiresPhoto: false }] }] })
})
