import { useState } from 'react'
import { ACCEPTED_IMAGES, FileUploadButton } from '~/components/file-upload-button'
import { useMessages } from '~/i18n/use-t'
import { examMessages } from '../messages'
import { QuestionImage } from './question-image'

/**
 * A question's picture: uploaded at once (through /api/attachments), shown as a preview, and sent
 * with the form as the hidden `name` field (an attachment id; empty when there is none).
 */
export function ImageField({ name, imageId, label, error }: { name: string; imageId?: string | null; label: string; error?: React.ReactNode }) {
  const t = useMessages(examMessages)
  const [current, setCurrent] = useState(imageId ?? '')
  const [refused, setRefused] = useState(false)
  return (
    <div className="image-field">
      <input type="hidden" name={name} value={current} />
      {current ? <QuestionImage url={`/files/${current}`} alt={label} small /> : null}
      <FileUploadButton
        label={current ? t('question.replaceImage', { what: label }) : t('question.addImage', { what: label })}
        accept={ACCEPTED_IMAGES}
        multiple={false}
        onUploaded={(file) => {
          // The upload endpoint also takes PDFs: a question's picture must be an image.
          const image = file.mimeType.startsWith('image/')
          setRefused(!image)
          if (image) setCurrent(file.id)
        }}
      />
      {refused ? <p className="field-error" role="alert">{t('invalid.image')}</p> : null}
      {current ? (
        <button type="button" className="button button--ghost" onClick={() => setCurrent('')}>
          {t('question.removeImage', { what: label })}
        </button>
      ) : null}
      {error}
    </div>
  )
}
