import type { JSONContent } from '@tiptap/core'
import { EditorContent, useEditor, useEditorState } from '@tiptap/react'
import { useRef, useState } from 'react'
import { isSafeUrl, richTextExtensions } from '~/editor/extensions'
import { useT } from '~/i18n/use-t'

export type UploadedFile = { id: string; url: string; fileName: string; mimeType: string; sizeBytes: number }

export async function uploadFile(file: File): Promise<UploadedFile> {
  const body = new FormData()
  body.append('file', file)
  const response = await fetch('/api/attachments', { method: 'POST', body })
  const json = await response.json()
  if (!response.ok) throw new Error(json?.errors?.file ?? 'upload failed')
  return json as UploadedFile
}

/**
 * TipTap with the shared extension list. The document travels to the server as JSON in a
 * hidden input; the server checks it against the same schema.
 */
export function RichTextEditor({
  name,
  label,
  initialContent,
  error,
  onUploaded,
  onTextChange,
}: {
  name: string
  label: string
  initialContent?: JSONContent
  error?: string
  onUploaded?: (file: UploadedFile) => void
  /** The plain text as it is typed (for suggestions next to the form). */
  onTextChange?: (text: string) => void
}) {
  const t = useT()
  const [json, setJson] = useState(() => JSON.stringify(initialContent ?? { type: 'doc', content: [] }))
  const [uploading, setUploading] = useState(false)
  const [uploadError, setUploadError] = useState<string | null>(null)
  const fileInput = useRef<HTMLInputElement>(null)
  const labelId = `${name}-label`
  const editor = useEditor({
    extensions: richTextExtensions,
    content: initialContent ?? '',
    immediatelyRender: false,
    editorProps: { attributes: { 'aria-labelledby': labelId, 'aria-multiline': 'true', role: 'textbox', 'data-testid': `editor-${name}` } },
    onUpdate: ({ editor: current }) => {
      setJson(JSON.stringify(current.getJSON()))
      onTextChange?.(current.getText())
    },
  })
  const active = useEditorState({
    editor,
    selector: ({ editor: current }) => ({
      bold: current?.isActive('bold') ?? false,
      italic: current?.isActive('italic') ?? false,
      heading: current?.isActive('heading', { level: 3 }) ?? false,
      bulletList: current?.isActive('bulletList') ?? false,
      orderedList: current?.isActive('orderedList') ?? false,
      link: current?.isActive('link') ?? false,
    }),
  })

  const setLink = () => {
    if (!editor) return
    const href = window.prompt(t('editor.linkPrompt'), editor.getAttributes('link').href ?? 'https://')
    if (href === null) return
    if (href === '' || !isSafeUrl(href)) editor.chain().focus().unsetLink().run()
    else editor.chain().focus().extendMarkRange('link').setLink({ href }).run()
  }

  const insertImage = async (file: File) => {
    setUploading(true)
    setUploadError(null)
    try {
      const uploaded = await uploadFile(file)
      editor?.chain().focus().setImage({ src: uploaded.url, alt: uploaded.fileName }).run()
      onUploaded?.(uploaded)
    } catch (failure) {
      setUploadError((failure as Error).message)
    } finally {
      setUploading(false)
    }
  }

  const button = (key: keyof NonNullable<typeof active>, labelText: string, run: () => void, text: string) => (
    <button type="button" aria-pressed={active?.[key] ?? false} title={labelText} aria-label={labelText} onClick={run} disabled={!editor}>
      {text}
    </button>
  )

  return (
    <div className="field">
      <span id={labelId}>{label}</span>
      <div className={error ? 'editor editor--invalid' : 'editor'}>
        <div className="editor__toolbar" role="toolbar" aria-label={label}>
          {button('bold', t('editor.bold'), () => editor?.chain().focus().toggleBold().run(), 'B')}
          {button('italic', t('editor.italic'), () => editor?.chain().focus().toggleItalic().run(), 'I')}
          {button('heading', t('editor.heading'), () => editor?.chain().focus().toggleHeading({ level: 3 }).run(), 'H')}
          {button('bulletList', t('editor.bulletList'), () => editor?.chain().focus().toggleBulletList().run(), '•')}
          {button('orderedList', t('editor.orderedList'), () => editor?.chain().focus().toggleOrderedList().run(), '1.')}
          {button('link', t('editor.link'), setLink, t('editor.link'))}
          <button type="button" title={t('editor.image')} aria-label={t('editor.image')} onClick={() => fileInput.current?.click()} disabled={!editor || uploading}>
            {uploading ? t('editor.uploading') : t('editor.image')}
          </button>
          <input
            ref={fileInput}
            type="file"
            accept="image/jpeg,image/png,image/webp,image/gif"
            hidden
            data-testid={`editor-${name}-image`}
            onChange={(event) => {
              const file = event.target.files?.[0]
              if (file) void insertImage(file)
              event.target.value = ''
            }}
          />
        </div>
        <EditorContent editor={editor} className="editor__content" />
      </div>
      <input type="hidden" name={name} value={json} />
      {uploadError ? <p className="field-error" role="alert">{uploadError}</p> : null}
      {error ? <p className="field-error">{error}</p> : null}
    </div>
  )
}
