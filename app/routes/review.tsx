import type { LoaderFunctionArgs } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { useLocalName, useLocale, useT } from '~/i18n/use-t'
import { listReviewQueue } from '~/modules/cases/case.server'
import { requireUser } from '~/utils/auth.server'
import { REVIEWER_ROLES, requireRole } from '~/utils/permissions.server'

export async function loader({ request }: LoaderFunctionArgs) {
  requireRole(await requireUser(request), REVIEWER_ROLES)
  return { queue: await listReviewQueue() }
}

export default function ReviewQueuePage() {
  const { queue } = useLoaderData<typeof loader>()
  const t = useT()
  const locale = useLocale()
  const localName = useLocalName()
  return (
    <>
      <h1>{t('review.title')}</h1>
      {queue.length === 0 ? (
        <p className="empty-state">{t('review.empty')}</p>
      ) : (
        <ol className="hit-list">
          {queue.map((item) => (
            <li key={item.id} className="hit">
              <h3 className="hit__title"><Link to={`/cases/${item.id}`}>{item.title}</Link></h3>
              <p className="hit__meta">
                <span>{localName(item.model)}</span>
                {item.dtcs.map((code) => <code key={code} className="dtc">{code}</code>)}
                <span>{item.author.name}</span>
                {item.station ? <span>{item.station.name}</span> : null}
                {item.submittedAt ? <span>{new Date(item.submittedAt).toLocaleString(locale === 'zh' ? 'zh-CN' : 'en-GB')}</span> : null}
              </p>
            </li>
          ))}
        </ol>
      )}
    </>
  )
}
