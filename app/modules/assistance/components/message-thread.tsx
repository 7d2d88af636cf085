import { useFetcher, useRevalidator } from '@remix-run/react'
import { useEffect, useRef, useState, type FormEvent, type ReactNode } from 'react'
import { FileUploadButton } from '~/components/file-upload-button'
import { useSocket, useSocketEvent } from '~/components/realtime'
import type { UploadedFile } from '~/components/rich-text-editor'
import { useLocale, useMessages } from '~/i18n/use-t'
import { caseIdsIn } from '../case-links'
import { assistanceMessages } from '../messages'
import { ASSISTANCE_EVENTS, type RequestMessageEvent } from '../rooms'

type Message = {
  id: string
  body: string
  createdAt: Date | string
  author: { id: string; name: string }
  attachments: Array<{ id: string; fileName: string; mimeType: string; annotations?: unknown }>
}
type Attachment = Message['attachments'][number]
/** A message sent over the socket and not yet acknowledged. */
type Pending = { key: string; body: string }
type SendReply = { ok: true; message: Message } | { ok: false; error: string }

type CaseLink = { id: string; title: string; dtcs: string[]; model: { nameZh: string; nameEn: string } }

let pendingCount = 0

/**
 * The request's messages (text, files, linked repair cases as cards); works without a live call.
 * With the socket up, a text message goes over it and shows at once as pending; every page of the
 * request appends each committed message from its event. Files, and everything while the socket
 * is down, go through the form (which also works without JavaScript).
 */
export function MessageThread({
  requestId,
  messages,
  earlier = 0,
  userId,
  caseLinks = [],
  renderImage = (file) => <img src={`/files/${file.id}`} alt={file.fileName} className="message__image" loading="lazy" />,
}: {
  requestId: string
  /** The thread as the loader read it; messages that arrive later are added to it. */
  messages: Message[]
  /** Messages of the thread older than those loaded, left out. */
  earlier?: number
  userId: string
  caseLinks?: CaseLink[]
  /** How an image is shown: the page may draw a snapshot's marks over it. */
  renderImage?: (file: Attachment) => ReactNode
}) {
  const t = useMessages(assistanceMessages)
  const locale = useLocale()
  const socket = useSocket()
  const { revalidate } = useRevalidator()
  const fetcher = useFetcher<{ errors?: Record<string, string> }>()
  const [files, setFiles] = useState<UploadedFile[]>([])
  const [arrived, setArrived] = useState<Message[]>([])
  const [pending, setPending] = useState<Pending[]>([])
  /** Which way the latest message went, so the error shown is that way's. */
  const [sentVia, setSentVia] = useState<'form' | 'socket'>('form')
  const [socketError, setSocketError] = useState<string | null>(null)
  const form = useRef<HTMLFormElement>(null)
  const textarea = useRef<HTMLTextAreaElement>(null)
  const list = useRef<HTMLOListElement>(null)
  const sent = fetcher.state === 'idle' && fetcher.data && !fetcher.data.errors

  const loaded = new Set(messages.map((message) => message.id))
  const newer = arrived.filter((message) => !loaded.has(message.id))
  const thread = [...messages, ...newer]

  const append = (message: Message) =>
    setArrived((current) => (current.some((each) => each.id === message.id) ? current : [...current, message]))
  useSocketEvent<RequestMessageEvent>(ASSISTANCE_EVENTS.message, ({ requestId: to, message }) => {
    if (to !== requestId) return
    append(message)
    // Our own message comes back from the room just before its acknowledgement: the oldest
    // pending one with its text is the one (a socket keeps the order).
    if (message.author.id !== userId) return
    setPending((current) => {
      const index = current.findIndex((each) => each.body === message.body)
      return index < 0 ? current : current.filter((_, each) => each !== index)
    })
  })

  // Messages sent while this page's socket was down are only in the loader's list.
  useEffect(() => {
    if (!socket) return
    socket.io.on('reconnect', revalidate)
    return () => {
      socket.io.off('reconnect', revalidate)
    }
  }, [socket, revalidate])

  // A linked case's card needs the case as this user may see it: only the loader has that.
  const withCaseLinks = newer.filter((message) => caseIdsIn(message.body).length > 0).map((message) => message.id).join(',')
  useEffect(() => {
    if (withCaseLinks) revalidate()
  }, [withCaseLinks, revalidate])

  useEffect(() => {
    if (!sent) return
    form.current?.reset()
    setFiles([])
  }, [sent])
  useEffect(() => {
    list.current?.scrollTo({ top: list.current.scrollHeight })
  }, [thread.length, pending.length])

  const sendOverSocket = (event: FormEvent<HTMLFormElement>) => {
    const body = textarea.current?.value.trim() ?? ''
    // Files, an empty message (the form explains) or no socket: the form post.
    if (!socket?.connected || files.length > 0 || !body) {
      setSentVia('form')
      return
    }
    event.preventDefault()
    setSentVia('socket')
    setSocketError(null)
    const key = `pending-${++pendingCount}`
    setPending((current) => [...current, { key, body }])
    textarea.current!.value = ''
    socket.timeout(10_000).emit(ASSISTANCE_EVENTS.message, { requestId, body }, (timedOut: Error | null, reply?: SendReply) => {
      setPending((current) => current.filter((each) => each.key !== key))
      if (reply?.ok && !timedOut) return append(reply.message)
      setSocketError(reply && !reply.ok ? reply.error : t('message.notSent'))
      if (textarea.current && !textarea.current.value) textarea.current.value = body
    })
  }

  const bodyError = sentVia === 'socket' ? socketError : fetcher.data?.errors?.body
  return (
    <section className="card" aria-labelledby="messages-title">
      <h2 id="messages-title">{t('messages')}</h2>
      {thread.length === 0 && pending.length === 0 ? <p className="muted">{t('noMessages')}</p> : null}
      {earlier > 0 ? <p className="muted">{t('earlierMessages', { count: earlier.toLocaleString(locale) })}</p> : null}
      <ol className="message-list" ref={list} aria-live="polite">
        {thread.map((message) => (
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
        {pending.map((message) => (
          <li key={message.key} className="message message--mine" aria-busy="true" data-pending="">
            <div className="message__meta">{t('message.sending')}</div>
            <p className="prewrap">{message.body}</p>
          </li>
        ))}
      </ol>
      <fetcher.Form method="post" ref={form} className="message-form" onSubmit={sendOverSocket}>
        <input type="hidden" name="intent" value="message" />
        <input type="hidden" name="attachmentIds" value={files.map((file) => file.id).join(',')} />
        <label htmlFor="message-body" className="visually-hidden">{t('message.placeholder')}</label>
        <textarea
          id="message-body"
          name="body"
          ref={textarea}
          placeholder={t('message.placeholder')}
          maxLength={4000}
          aria-invalid={Boolean(bodyError)}
        />
        {bodyError ? <p className="field-error" role="alert">{bodyError}</p> : null}
        {files.length > 0 ? <p className="small">{files.map((file) => file.fileName).join(', ')}</p> : null}
        <div className="button-row">
          <button type="submit" className="button" disabled={fetcher.state !== 'idle'}>{t('message.send')}</button>
          <FileUploadButton label={t('message.attach')} onUploaded={(file) => setFiles((current) => [...current, file])} />
        </div>
      </fetcher.Form>
    </section>
  )
}
