/** Per-field error messages and the matching aria attributes for a form's inputs. */
export function useFieldErrors(errors: Record<string, string>, idPrefix = '', format: (message: string) => string = (message) => message) {
  const idFor = (key: string) => `${idPrefix}${key}-error`
  return {
    fieldError: (key: string) =>
      errors[key] ? (
        <p className="field-error" id={idFor(key)}>
          {format(errors[key])}
        </p>
      ) : null,
    invalid: (key: string) => ({ 'aria-invalid': Boolean(errors[key]), 'aria-describedby': errors[key] ? idFor(key) : undefined }),
  }
}
