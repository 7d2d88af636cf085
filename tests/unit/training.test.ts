import { describe, expect, test } from 'vitest'
import { fileFitsKind, isWatched, sniffLessonFile } from '../../app/modules/training/lesson-file'
import { courseProgress, imageAttachmentIds, moveInOrder, neighbours } from '../../app/modules/training/progress'
import { assignmentInputSchema, courseInputSchema, lessonInputSchema } from '../../app/modules/training/schema'
import { textPdf } from '../../app/modules/training/demo/demo-pdf'

describe('lesson files', () => {
  test('the type comes from the bytes: WebM, MP4, PDF, nothing else', () => {
    expect(sniffLessonFile(Buffer.from([0x1a, 0x45, 0xdf, 0xa3, 0x9f]))).toBe('video/webm')
    expect(sniffLessonFile(Buffer.from('000000186674797069736f6d00000200', 'hex'))).toBe('video/mp4')
    expect(sniffLessonFile(Buffer.from('%PDF-1.7\n'))).toBe('application/pdf')
    expect(sniffLessonFile(Buffer.from('89504e470d0a1a0a', 'hex'))).toBeUndefined()
    expect(sniffLessonFile(Buffer.alloc(0))).toBeUndefined()
    expect(fileFitsKind('VIDEO', 'video/mp4')).toBe(true)
    expect(fileFitsKind('VIDEO', 'application/pdf')).toBe(false)
    expect(fileFitsKind('PDF', 'application/pdf')).toBe(true)
    expect(fileFitsKind('TEXT', 'application/pdf')).toBe(false)
  })

  test('a video is watched from 90% on, never with an unknown length', () => {
    expect(isWatched(89, 100)).toBe(false)
    expect(isWatched(90, 100)).toBe(true)
    expect(isWatched(5, Number.NaN)).toBe(false)
    expect(isWatched(5, Number.POSITIVE_INFINITY)).toBe(false)
    expect(isWatched(0, 0)).toBe(false)
  })

  test('the demo PDF has a cross-reference table pointing at its objects', () => {
    const pdf = textPdf(['Hello (world)'])
    const text = pdf.toString('latin1')
    expect(text.startsWith('%PDF-1.4')).toBe(true)
    const startxref = Number(/startxref\n(\d+)/.exec(text)![1])
    expect(text.slice(startxref, startxref + 4)).toBe('xref')
    const offsets = [...text.slice(startxref).matchAll(/^(\d{10}) 00000 n $/gm)].map((match) => Number(match[1]))
    offsets.forEach((offset, index) => expect(text.slice(offset).startsWith(`${index + 1} 0 obj`)).toBe(true))
    expect(text).toContain('(Hello \\(world\\)) \'')
  })
})

describe('progress', () => {
  test('counts done lessons, completes only when all are done, and says where to go on', () => {
    expect(courseProgress(['a', 'b', 'c'], new Set(['a']))).toEqual({ done: 1, total: 3, percent: 33, complete: false, nextLessonId: 'b' })
    expect(courseProgress(['a', 'b'], ['a', 'b', 'x'])).toMatchObject({ done: 2, percent: 100, complete: true, nextLessonId: 'a' })
    expect(courseProgress([], [])).toEqual({ done: 0, total: 0, percent: 0, complete: false, nextLessonId: null })
  })

  test('neighbours and moving a lesson', () => {
    const lessons = [{ id: 'a' }, { id: 'b' }, { id: 'c' }]
    expect(neighbours(lessons, 'b')).toEqual({ previous: { id: 'a' }, next: { id: 'c' }, index: 1 })
    expect(neighbours(lessons, 'a').previous).toBeNull()
    expect(neighbours(lessons, 'z')).toEqual({ previous: null, next: null, index: -1 })
    expect(moveInOrder(['a', 'b', 'c'], 'c', 'up')).toEqual(['a', 'c', 'b'])
    expect(moveInOrder(['a', 'b', 'c'], 'a', 'up')).toEqual(['a', 'b', 'c'])
    expect(moveInOrder(['a', 'b', 'c'], 'a', 'down')).toEqual(['b', 'a', 'c'])
  })
})

test('the images of a document are found at any depth, once each, and only /files/ ones', () => {
  const doc = {
    type: 'doc',
    content: [
      { type: 'image', attrs: { src: '/files/a1' } },
      { type: 'bulletList', content: [{ type: 'listItem', content: [{ type: 'image', attrs: { src: '/files/b2' } }, { type: 'image', attrs: { src: '/files/a1' } }] }] },
      { type: 'image', attrs: { src: 'https://example.com/x.png' } },
      { type: 'paragraph', content: [{ type: 'text', text: '/files/zz' }] },
    ],
  }
  expect(imageAttachmentIds(doc)).toEqual(['a1', 'b2'])
  expect(imageAttachmentIds(null)).toEqual([])
})

describe('schemas', () => {
  test('field-level messages for a course, a lesson and an assignment', () => {
    const course = courseInputSchema.safeParse({ title: ' ', requiredForLevel: 'GURU' })
    expect(course.success).toBe(false)
    expect(course.error?.flatten().fieldErrors).toMatchObject({ title: ['invalid.title'], requiredForLevel: ['invalid.level'] })
    expect(courseInputSchema.parse({ title: 'Brakes', openToAll: 'on', requiredForLevel: '' })).toEqual({ title: 'Brakes', openToAll: true })
    expect(lessonInputSchema.safeParse({ title: 'Text', kind: 'TEXT' }).error?.flatten().fieldErrors).toEqual({ body: ['invalid.body'] })
    expect(lessonInputSchema.safeParse({ title: 'Film', kind: 'AUDIO' }).error?.flatten().fieldErrors).toEqual({ kind: ['invalid.kind'] })
    expect(assignmentInputSchema.safeParse({ role: '', level: '', station: '' }).error?.flatten().fieldErrors).toEqual({ role: ['invalid.assignmentEmpty'] })
    expect(assignmentInputSchema.parse({ role: 'TECHNICIAN', station: 'BJ001' })).toEqual({ role: 'TECHNICIAN', station: 'BJ001' })
  })
})
