import { Form, useNavigation } from '@remix-run/react'
import type { JSONContent } from '@tiptap/core'
import { useState } from 'react'
import { useFieldErrors } from '~/components/field-errors'
import { RichTextEditor } from '~/components/rich-text-editor'
import { useMessages } from '~/i18n/use-t'
import { LESSON_FILE_MAX_BYTES } from '../lesson-file'
import { trainingMessages, type TrainingMessageKey } from '../messages'
import { LESSON_KINDS, type LessonKindName } from '../schema'

export type LessonFormValues = { title?: string; kind?: LessonKindName; body?: JSONContent | null; fileName?: string | null }

/** A lesson: a title and either an editor document or a video/PDF file (sent as multipart, streamed to disk). */
export function LessonForm({ values, errors, submitLabel }: { values: LessonFormValues; errors: Record<string, string>; submitLabel: string }) {
  const t = useMessages(trainingMessages)
  const navigation = useNavigation()
  const [kind, setKind] = useState<LessonKindName>(values.kind ?? 'TEXT')
  const { fieldError, invalid } = useFieldErrors(errors, 'lesson-', (message) => t(message as TrainingMessageKey, { mb: Math.round(LESSON_FILE_MAX_BYTES / 1024 / 1024) }))
  const busy = navigation.state !== 'idle'
  const accept = kind === 'VIDEO' ? 'video/webm,video/mp4' : 'application/pdf'
  return (
    <Form method="post" encType="multipart/form-data" className="card lesson-form" noValidate>
      {errors._form ? <p className="notice notice--error" role="alert">{t(errors._form as TrainingMessageKey)}</p> : null}
      <div className="field">
        <label htmlFor="lesson-title">{t('form.title')}</label>
        <input id="lesson-title" name="title" defaultValue={values.title} maxLength={200} required {...invalid('title')} />
        {fieldError('title')}
      </div>
      <div className="field">
        <label htmlFor="lesson-kind">{t('form.kind')}</label>
        <select id="lesson-kind" name="kind" value={kind} onChange={(event) => setKind(event.target.value as LessonKindName)} {...invalid('kind')}>
          {LESSON_KINDS.map((option) => <option key={option} value={option}>{t(`kind.${option}`)}</option>)}
        </select>
        {fieldError('kind')}
      </div>
      {kind === 'TEXT' ? (
        <RichTextEditor name="body" label={t('form.body')} initialContent={values.body ?? undefined} error={errors.body ? t(errors.body as TrainingMessageKey) : undefined} />
      ) : (
        <div className="field">
          <label htmlFor="lesson-file">{t('form.file')}</label>
          <input id="lesson-file" name="file" type="file" accept={accept} {...invalid('file')} />
          {values.fileName && values.kind === kind ? <p className="small muted">{t('form.fileKept', { name: values.fileName })}</p> : null}
          {fieldError('file')}
        </div>
      )}
      {Object.keys(errors).length > 0 ? <p className="field-error" role="alert">{t('fixErrors', { count: Object.keys(errors).length })}</p> : null}
      <div className="button-row">
        <button type="submit" className="button" disabled={busy}>{busy ? (kind === 'TEXT' ? t('saving') : t('form.uploading')) : submitLabel}</button>
      </div>
    </Form>
  )
}
