import { expect, test } from 'vitest'
import { nestFormEntries } from '../../app/utils/form-paths'

test('fields named by path become nested objects and arrays in index order', () => {
  const form = new FormData()
  form.append('name', 'Facilities')
  form.append('sections.1.title', 'Workshop')
  form.append('sections.0.title', 'Reception')
  form.append('sections.0.items.10.text', 'eleventh')
  form.append('sections.0.items.2.text', 'third')
  form.append('sections.0.items.2.photo', 'on')
  expect(nestFormEntries(form)).toEqual({
    name: 'Facilities',
    sections: [
      { title: 'Reception', items: [{ text: 'third', photo: 'on' }, { text: 'eleventh' }] },
      { title: 'Workshop' },
    ],
  })
})

test('clashing paths keep the first field; files and empty names are left out', () => {
  const form = new FormData()
  form.append('a', 'plain')
  form.append('a.b', 'nested')
  form.append('c.d', 'first')
  form.append('c.d', 'second')
  form.append('file', new File(['x'], 'x.txt'))
  expect(nestFormEntries(form)).toEqual({ a: 'plain', c: { d: 'first' } })
})

test('a path cannot reach an object prototype', () => {
  const form = new FormData()
  form.append('__proto__.polluted', 'yes')
  form.append('a.constructor.prototype.polluted', 'yes')
  form.append('ok', 'fine')
  expect(nestFormEntries(form)).toEqual({ ok: 'fine' })
  expect(({} as Record<string, unknown>).polluted).toBeUndefined()
})
