import { useFetcher } from '@remix-run/react'
import { useEffect, useRef, useState, type ReactNode } from 'react'
import { FileUploadButton } from '~/components/file-upload-button'
import type { UploadedFile } from '~/components/rich-text-editor'
import { useLocale, useMessages } from '~/i18n/use-t'
import { caseIdsIn } from '../case-links'
import { assistanceMessages } from '../messages'

type Message = {
  id: string
  body: string
  createdAt: Date | string
  author: { id: string; name: string }
  attachments: Array<{ id: string; fileName: string; mimeType: string; annotations?: unknown }>
}
type Attachment = Message['attachments'][number]

type CaseLink = { id: string; title: string; dtcs: string[]; model: { nameZh: string; nameEn: string } }

/** The request's messages (text, files, linked repair cases as cards); works without a live call. */
export function MessageThread({
  messages,
  userId,
  caseLinks = [],
  renderImage = (file) => <img src={`/files/${file.id}`} alt={file.fileName} className="message__image" loading="lazy" />,
}: {
  messages: Message[]
  userId: string
  caseLinks?: CaseLink[]
  /** How an image is shown: the page may draw a snapshot's marks over it. */
  renderImage?: (file: Attachment) => ReactNode
}) {
  const t = useMessages(assistanceMessages)
  const locale = useLocale()
  const fetcher = useFetcher<{ errors?: Record<string, string> }>()
  const [files, setFiles] = useState<UploadedFile[]>([])
  const form = useRef<HTMLFormElement>(null)
  const list = useRef<HTMLOListElement>(null)
  const sent = fetcher.state === 'idle' && fetcher.data && !fetcher.data.errors

  useEffect(() => {
    if (!sent) return
    form.current?.reset()
    setFiles([])
  }, [sent])
  useEffect(() => {
    list.current?.scrollTo({ top: list.current.scrollHeight })
  }, [messages.length])

  return (
    <section className="card" aria-labelledby="messages-title">
      <h2 id="messages-title">{t('messages')}</h2>
      {messages.length === 0 ? <p className="muted">{t('noMessages')}</p> : null}
      <ol className="message-list" ref={list} aria-live="polite">
        {messages.map((message) => (
          <li key={message.id} className={message.author.id === userId ? 'message message--mine' : 'message'}>
            <div className="message__meta">
              {message.author.name} · {new Date(message.createdAt).toLocaleString(locale === 'zh' ? 'zh-CN' : 'en-GB')}
            </div>
            {message.body ? <p className="prewrap">{message.body}</p> : null}
            {caseIdsIn(message.body).map((caseId) => {
              const linked = caseLinks.find((link) => link.id === caseId)
              return linked ? (
                <a key={caseId} className="case-card" href={`/cases/${caseId}`} target="_blank" rel="noreferrer">
                  <span className="case-card__kind">{t('case.card')}</span>
                  <strong>{linked.title}</strong>
                  <span className="small">{linked.dtcs.join(' ')}</span>
                </a>
              ) : null
            })}
            {message.attachments.map((file) =>
              file.mimeType.startsWith('image/') ? (
                <a key={file.id} href={`/files/${file.id}`} target="_blank" rel="noreferrer">
                  {renderImage(file)}
                </a>
              ) : (
                <a key={file.id} href={`/files/${file.id}`} target="_blank" rel="noreferrer">{file.fileName}</a>
              ),
            )}
          </li>
        ))}
      </ol>
      <fetcher.Form method="post" ref={form} className="message-form">
        <input type="hidden" name="intent" value="message" />
        <input type="hidden" name="attachmentIds" value={files.map((file) => file.id).join(',')} />
        <label htmlFor="message-body" className="visually-hidden">{t('message.placeholder')}</label>
        <textarea id="message-body" name="body" placeholder={t('message.placeholder')} maxLength={4000} aria-invalid={Boolean(fetcher.data?.errors?.body)} />
        {fetcher.data?.errors?.body ? <p className="field-error" role="alert">{fetcher.data.errors.body}</p> : null}
        {files.length > 0 ? <p className="small">{files.map((file) => file.fileName).join(', ')}</p> : null}
        <div className="button-row">
          <button type="submit" className="button" disabled={fetcher.state !== 'idle'}>{t('message.send')}</button>
          <FileUploadButton label={t('message.attach')} onUploaded={(file) => setFiles((current) => [...current, file])} />
        </div>
      </fetcher.Form>
    </section>
  )
}
