import { useLocale } from '~/i18n/use-t'
import { localizeValidationMessage } from '~/i18n/validation-messages'

/** Per-field error messages (in the reader's language) and the matching aria attributes for a form's inputs. */
export function useFieldErrors(errors: Record<string, string>, idPrefix = '', format?: (message: string) => string) {
  const locale = useLocale()
  const show = format ?? ((message: string) => localizeValidationMessage(message, locale))
  const idFor = (key: string) => `${idPrefix}${key}-error`
  return {
    fieldError: (key: string) =>
      errors[key] ? (
        <p className="field-error" id={idFor(key)}>
          {show(errors[key])}
        </p>
      ) : null,
    /** A message in the reader's language, for errors shown elsewhere than under one field. */
    message: show,
    invalid: (key: string) => ({ 'aria-invalid': Boolean(errors[key]), 'aria-describedby': errors[key] ? idFor(key) : undefined }),
  }
}
