import { useState } from 'react'
import { uploadFile, type UploadedFile } from './rich-text-editor'

export const ACCEPTED_UPLOADS = 'image/jpeg,image/png,image/webp,image/gif,application/pdf'
export const ACCEPTED_IMAGES = 'image/jpeg,image/png,image/webp,image/gif'

/** A button that uploads photos or PDFs through /api/attachments and hands back each stored file. */
export function FileUploadButton({
  label,
  onUploaded,
  accept = ACCEPTED_UPLOADS,
  multiple = true,
}: {
  label: string
  onUploaded: (file: UploadedFile) => void
  accept?: string
  multiple?: boolean
}) {
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  return (
    <>
      <label className="button button--ghost" aria-busy={busy}>
        {label}
        <input
          type="file"
          className="visually-hidden"
          multiple={multiple}
          accept={accept}
          onChange={async (event) => {
            setError(null)
            setBusy(true)
            for (const file of Array.from(event.target.files ?? [])) {
              try {
                onUploaded(await uploadFile(file))
              } catch (failure) {
                setError(`${file.name}: ${(failure as Error).message}`)
              }
            }
            setBusy(false)
            event.target.value = ''
          }}
        />
      </label>
      {error ? <p className="field-error" role="alert">{error}</p> : null}
    </>
  )
}
