import { Link, isRouteErrorResponse, useRouteError } from '@remix-run/react'
import { useT } from '~/i18n/use-t'

/** One error page for every route: 404, 403 and 400 get their own words, anything else a generic message. */
export function GeneralErrorBoundary() {
  const error = useRouteError()
  const t = useT()
  const status = isRouteErrorResponse(error) ? error.status : 500
  const message =
    status === 404 ? t('error.notFound') : status === 403 ? t('error.forbidden') : status === 400 ? t('error.badRequest') : t('error.generic')
  if (!isRouteErrorResponse(error)) console.error(error)
  return (
    <section className="error-page" role="alert">
      <p className="error-page__status">{status}</p>
      <h1>{message}</h1>
      <Link to="/cases" className="button">
        {t('nav.cases')}
      </Link>
    </section>
  )
}
