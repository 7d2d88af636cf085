import { Form, useNavigation } from '@remix-run/react'
import type { JSONContent } from '@tiptap/core'
import { useFieldErrors } from '~/components/field-errors'
import { RichTextEditor } from '~/components/rich-text-editor'
import { useLocalName, useMessages } from '~/i18n/use-t'
import { forumMessages } from '../messages'
import { FailureNotice } from './failure-notice'
import type { FailureData } from '../responses.server'

type Named = { nameZh: string; nameEn: string }
export type ForumFormOptions = { models: Array<Named & { id: string }>; systems: Array<Named & { code: string }> }
export type QuestionFormValues = { title?: string; body?: JSONContent; modelId?: string | null; systemCode?: string | null; dtcs?: string[]; tags?: string[]; version?: number }

/** Asking or editing a question: title, the editor, and the optional vehicle, fault codes and tags. */
export function QuestionForm({ values, options, result, submitLabel }: { values: QuestionFormValues; options: ForumFormOptions; result?: FailureData; submitLabel: string }) {
  const t = useMessages(forumMessages)
  const localName = useLocalName()
  const navigation = useNavigation()
  const errors = result?.errors ?? {}
  const { fieldError, invalid } = useFieldErrors(errors, 'question-')
  const listError = (prefix: string) => Object.entries(errors).find(([key]) => key.startsWith(`${prefix}.`))?.[1]
  const busy = navigation.state !== 'idle'
  return (
    <Form method="post" className="card forum-form" noValidate>
      <FailureNotice result={result} />
      {values.version ? <input type="hidden" name="version" value={values.version} /> : null}
      <div className="field">
        <label htmlFor="question-title">{t('form.title')}</label>
        <input id="question-title" name="title" defaultValue={values.title} maxLength={150} required aria-invalid={Boolean(errors.title)} aria-describedby={errors.title ? 'question-title-hint question-title-error' : 'question-title-hint'} />
        <p className="field-hint" id="question-title-hint">{t('form.titleHint')}</p>
        {fieldError('title')}
      </div>
      <RichTextEditor name="body" label={t('form.body')} initialContent={values.body} error={errors.body} />
      <div className="field-row">
        <div className="field">
          <label htmlFor="question-model">{t('form.model')}</label>
          <select id="question-model" name="model" defaultValue={values.modelId ?? ''} {...invalid('model')}>
            <option value="">{t('form.none')}</option>
            {options.models.map((model) => <option key={model.id} value={model.id}>{localName(model)}</option>)}
          </select>
          {fieldError('model')}
        </div>
        <div className="field">
          <label htmlFor="question-system">{t('form.system')}</label>
          <select id="question-system" name="system" defaultValue={values.systemCode ?? ''} {...invalid('system')}>
            <option value="">{t('form.none')}</option>
            {options.systems.map((system) => <option key={system.code} value={system.code}>{localName(system)}</option>)}
          </select>
          {fieldError('system')}
        </div>
      </div>
      <div className="field-row">
        <div className="field">
          <label htmlFor="question-dtcs">{t('form.dtcs')}</label>
          <input id="question-dtcs" name="dtcs" defaultValue={values.dtcs?.join(' ')} placeholder="P0300 P0301" autoCapitalize="characters" {...invalid('dtcs')} />
          {fieldError('dtcs') ?? (listError('dtcs') ? <p className="field-error">{listError('dtcs')}</p> : null)}
        </div>
        <div className="field">
          <label htmlFor="question-tags">{t('form.tags')}</label>
          <input id="question-tags" name="tags" defaultValue={values.tags?.join(' ')} placeholder="冷启动 点火" {...invalid('tags')} />
          {fieldError('tags') ?? (listError('tags') ? <p className="field-error">{listError('tags')}</p> : null)}
        </div>
      </div>
      <div className="button-row">
        <button type="submit" className="button" disabled={busy}>{busy ? t('saving') : submitLabel}</button>
      </div>
    </Form>
  )
}
