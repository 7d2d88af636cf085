import { Form, Link, useActionData, useFetcher, useNavigation } from '@remix-run/react'
import { RichTextEditor } from '~/components/rich-text-editor'
import { useLocalName, useLocale, useMessages } from '~/i18n/use-t'
import { forumMessages } from '../messages'
import type { QuestionThread } from '../questions.server'
import type { FailureData } from '../responses.server'
import { Comments } from './comments'
import { FailureNotice } from './failure-notice'
import type { ForumFormOptions } from './question-form'
import { VoteButtons } from './vote-buttons'

type Question = QuestionThread['question']
type Answer = QuestionThread['answers'][number]

function useWhen() {
  const locale = useLocale()
  return (value: Date | string) => new Date(value).toLocaleString(locale === 'zh' ? 'zh-CN' : 'en-GB')
}

/** The rich text was rendered on the server from the editor's schema when it was saved. */
function PostBody({ html }: { html: string }) {
  return <div className="rich-text forum-post__body" dangerouslySetInnerHTML={{ __html: html }} />
}

export function QuestionPost({ question, can }: { question: Question; can: QuestionThread['can'] }) {
  const t = useMessages(forumMessages)
  const localName = useLocalName()
  const when = useWhen()
  return (
    <>
      <header className="case-header">
        <div>
          <h1>{question.title}</h1>
          <p className="hit__meta">
            {question.acceptedAnswerId ? <span className="badge badge--approved">{t('solved')}</span> : null}
            {question.closedAt ? <span className="badge badge--draft">{t('duplicate')}</span> : null}
            <span>{t('asked', { name: question.author.name, time: when(question.createdAt) })}</span>
            {question.editedAt ? <Link to={`/forum/${question.id}/history`}>{t('edited')}</Link> : null}
          </p>
        </div>
        <div className="button-row">
          {can.edit ? <Link to={`/forum/${question.id}/edit`} className="button button--ghost">{t('edit')}</Link> : null}
          <Link to={`/forum/${question.id}/history`} className="button button--ghost">{t('history')}</Link>
        </div>
      </header>

      {question.closedAt ? (
        <div className="notice notice--warning" role="status">
          {t('closedNotice')}{' '}
          {question.duplicateOfQuestion ? <Link to={`/forum/${question.duplicateOfQuestion.id}`}>{question.duplicateOfQuestion.title}</Link> : null}
          {question.duplicateOfCase ? <Link to={`/cases/${question.duplicateOfCase.id}`}>{question.duplicateOfCase.title}</Link> : null}
          {question.closedBy ? <span className="small muted"> （{t('closedBy', { name: question.closedBy.name })}）</span> : null}
        </div>
      ) : null}
      {question.draftCase ? (
        <p className="notice notice--ok">
          {t('draftCaseDone')} <Link to={`/cases/${question.draftCase.id}`}>{question.draftCase.title}</Link>
        </p>
      ) : null}

      <section className="card forum-post" aria-label={question.title}>
        <VoteButtons target="question" id={question.id} score={question.score} myVote={question.myVote} canVote={can.vote} />
        <div className="forum-post__main">
          <PostBody html={question.bodyHtml} />
          {question.model || question.system || question.dtcs.length || question.tags.length ? (
            <dl className="facts forum-facts">
              {question.model ? <><dt>{t('vehicle')}</dt><dd>{localName(question.model)}</dd></> : null}
              {question.system ? <><dt>{t('system')}</dt><dd>{localName(question.system)}</dd></> : null}
              {question.dtcs.length ? <><dt>{t('dtcs')}</dt><dd>{question.dtcs.map((code) => <Link key={code} to={`/forum?dtc=${code}`} className="dtc">{code}</Link>)}</dd></> : null}
              {question.tags.length ? <><dt>{t('tags')}</dt><dd>{question.tags.map((tag) => <Link key={tag} to={`/forum?tag=${encodeURIComponent(tag)}`} className="tag">{tag}</Link>)}</dd></> : null}
            </dl>
          ) : null}
          <Comments comments={question.comments} label={`${t('comments')}: ${question.title}`} />
        </div>
      </section>
    </>
  )
}

type DraftCaseOffer = { options: ForumFormOptions; modelId: string | null; systemCode: string | null; year: number | null }

export function AnswerPost({ questionId, answer, canAccept, draftCase }: { questionId: string; answer: Answer; canAccept: boolean; draftCase: DraftCaseOffer | null }) {
  const t = useMessages(forumMessages)
  const when = useWhen()
  const accept = useFetcher<FailureData & { ok?: boolean }>()
  const labelId = `answer-${answer.id}-label`
  return (
    <article id={`answer-${answer.id}`} className={answer.accepted ? 'card forum-post forum-answer forum-answer--accepted' : 'card forum-post forum-answer'} aria-labelledby={labelId}>
      <VoteButtons target="answer" id={answer.id} score={answer.score} myVote={answer.myVote} canVote={answer.canVote} />
      <div className="forum-post__main">
        <p className="hit__meta" id={labelId}>
          {answer.accepted ? <span className="badge badge--approved">✔ {t('accepted')}</span> : null}
          {answer.expert ? <span className="badge badge--expert">{t('expert')}</span> : null}
          <span>{t('answered', { name: answer.author.name, time: when(answer.createdAt) })}</span>
          {answer.editedAt ? <Link to={`/forum/${questionId}/answers/${answer.id}/history`}>{t('edited')}</Link> : null}
        </p>
        <PostBody html={answer.bodyHtml} />
        <div className="button-row forum-answer__actions">
          {canAccept && !answer.accepted ? (
            <accept.Form method="post">
              <input type="hidden" name="intent" value="accept" />
              <input type="hidden" name="answerId" value={answer.id} />
              <button type="submit" className="button button--ghost" disabled={accept.state !== 'idle'}>✔ {t('accept')}</button>
            </accept.Form>
          ) : null}
          {answer.canEdit ? <Link to={`/forum/${questionId}/answers/${answer.id}/edit`} className="button button--ghost">{t('edit')}</Link> : null}
          {answer.editedAt ? <Link to={`/forum/${questionId}/answers/${answer.id}/history`} className="button button--ghost">{t('history')}</Link> : null}
        </div>
        <FailureNotice result={accept.data} />
        {draftCase ? <DraftCaseForm offer={draftCase} /> : null}
        <Comments comments={answer.comments} answerId={answer.id} label={`${t('comments')}: ${answer.author.name}`} />
      </div>
    </article>
  )
}

/** The accepted answer becomes a draft repair case; the catalogue fields a case needs are asked for here, filled from the question. */
function DraftCaseForm({ offer }: { offer: DraftCaseOffer }) {
  const t = useMessages(forumMessages)
  const localName = useLocalName()
  const fetcher = useFetcher<FailureData>()
  const errors = fetcher.data?.errors ?? {}
  const fieldError = (key: string) => (errors[key] ? <p className="field-error" id={`draft-${key}-error`}>{errors[key]}</p> : null)
  const invalid = (key: string) => ({ 'aria-invalid': Boolean(errors[key]), 'aria-describedby': errors[key] ? `draft-${key}-error` : undefined })
  return (
    <fetcher.Form method="post" className="forum-draft-case" aria-labelledby="draft-case-title">
      <input type="hidden" name="intent" value="draft-case" />
      <h3 id="draft-case-title">{t('draftCase')}</h3>
      <p className="field-hint">{t('draftCaseHint')}</p>
      <div className="field-row">
        <div className="field">
          <label htmlFor="draft-model">{t('draftCase.model')}</label>
          <select id="draft-model" name="modelId" defaultValue={offer.modelId ?? ''} required {...invalid('modelId')}>
            <option value="">{t('draftCase.choose')}</option>
            {offer.options.models.map((model) => <option key={model.id} value={model.id}>{localName(model)}</option>)}
          </select>
          {fieldError('modelId')}
        </div>
        <div className="field">
          <label htmlFor="draft-system">{t('draftCase.system')}</label>
          <select id="draft-system" name="system" defaultValue={offer.systemCode ?? ''} required {...invalid('system')}>
            <option value="">{t('draftCase.choose')}</option>
            {offer.options.systems.map((system) => <option key={system.code} value={system.code}>{localName(system)}</option>)}
          </select>
          {fieldError('system')}
        </div>
        <div className="field">
          <label htmlFor="draft-year">{t('draftCase.year')}</label>
          <input id="draft-year" name="year" inputMode="numeric" defaultValue={offer.year ?? ''} required maxLength={4} {...invalid('year')} />
          {fieldError('year')}
        </div>
      </div>
      <FailureNotice result={fetcher.data} />
      <button type="submit" className="button" disabled={fetcher.state !== 'idle'}>{fetcher.state !== 'idle' ? t('saving') : t('draftCase')}</button>
    </fetcher.Form>
  )
}

export function AnswerForm() {
  const t = useMessages(forumMessages)
  const navigation = useNavigation()
  const result = useActionData<FailureData>()
  const busy = navigation.state === 'submitting' && navigation.formData?.get('intent') === 'answer'
  return (
    <Form method="post" className="card forum-answer-form" noValidate>
      <input type="hidden" name="intent" value="answer" />
      <FailureNotice result={result} />
      <RichTextEditor name="body" label={t('yourAnswer')} error={result?.errors?.body} />
      <button type="submit" className="button" disabled={busy}>{busy ? t('saving') : t('postAnswer')}</button>
    </Form>
  )
}
