/** A learner's standing in one course, from its lessons (in order) and the ones they have done. */
export function courseProgress(lessonIds: readonly string[], doneIds: ReadonlySet<string> | readonly string[]) {
  const done = doneIds instanceof Set ? doneIds : new Set(doneIds as readonly string[])
  const doneCount = lessonIds.filter((id) => done.has(id)).length
  const total = lessonIds.length
  return {
    done: doneCount,
    total,
    percent: total === 0 ? 0 : Math.round((doneCount / total) * 100),
    complete: total > 0 && doneCount === total,
    /** Where to carry on: the first lesson not done, else the first. */
    nextLessonId: lessonIds.find((id) => !done.has(id)) ?? lessonIds[0] ?? null,
  }
}

/** The lessons before and after one, for the previous/next links. */
export function neighbours<T extends { id: string }>(lessons: readonly T[], lessonId: string) {
  const index = lessons.findIndex((lesson) => lesson.id === lessonId)
  if (index < 0) return { previous: null, next: null, index: -1 }
  return { previous: lessons[index - 1] ?? null, next: lessons[index + 1] ?? null, index }
}

/** Positions 0..n-1 after moving one lesson up or down; the order stays the same otherwise. */
export function moveInOrder(ids: readonly string[], id: string, direction: 'up' | 'down') {
  const index = ids.indexOf(id)
  const target = direction === 'up' ? index - 1 : index + 1
  if (index < 0 || target < 0 || target >= ids.length) return [...ids]
  const moved = [...ids]
  ;[moved[index], moved[target]] = [moved[target], moved[index]]
  return moved
}

/** The attachment ids of the images an editor document shows (`/files/:id`). */
export function imageAttachmentIds(node: unknown): string[] {
  if (!node || typeof node !== 'object') return []
  const { type, attrs, content } = node as { type?: string; attrs?: { src?: unknown }; content?: unknown[] }
  const own = type === 'image' && typeof attrs?.src === 'string' ? (/^\/files\/([\w-]{1,40})$/.exec(attrs.src)?.[1] ?? null) : null
  const nested = Array.isArray(content) ? content.flatMap(imageAttachmentIds) : []
  return [...new Set([...(own ? [own] : []), ...nested])]
}
