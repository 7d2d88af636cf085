import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Form, Link, useLoaderData, useSearchParams } from '@remix-run/react'
import { GeneralErrorBoundary } from '~/components/error-boundary'
import { useRevalidateOn } from '~/components/realtime'
import { useLocalName, useMessages } from '~/i18n/use-t'
import { isBulletinEditor } from '~/modules/bulletins/audience.server'
import { listAllBulletins, listBulletinsForReader, typeName } from '~/modules/bulletins/bulletin.server'
import { BulletinList } from '~/modules/bulletins/components/bulletin-list'
import { bulletinMessages } from '~/modules/bulletins/messages'
import { bulletinFilterSchema } from '~/modules/bulletins/schema'
import { listVehicleModels } from '~/modules/catalogue/catalogue.server'
import { NOTIFICATION_EVENTS } from '~/modules/notifications/events'
import { requireUser } from '~/utils/auth.server'

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request)
  const parsed = bulletinFilterSchema.safeParse(Object.fromEntries(new URL(request.url).searchParams))
  const filters = parsed.success ? parsed.data : {}
  const editor = isBulletinEditor(user)
  const [mine, all, models] = await Promise.all([listBulletinsForReader({ user, filters }), editor ? listAllBulletins() : [], listVehicleModels()])
  return { mine, all: all.map((bulletin) => ({ ...bulletin, type: typeName(bulletin.type) })), models, editor }
}

export const meta: MetaFunction = () => [{ title: '技术通报 / Bulletins · GTAC' }]

export default function BulletinsPage() {
  const { mine, all, models, editor } = useLoaderData<typeof loader>()
  const t = useMessages(bulletinMessages)
  const localName = useLocalName()
  const [params] = useSearchParams()
  // A bulletin published for us arrives as a notification: the list follows.
  useRevalidateOn([NOTIFICATION_EVENTS.created])
  return (
    <section className="bulletins">
      <div className="page-title-row">
        <h1>{t('title')}</h1>
        {editor ? <Link to="/bulletins/new" className="button">{t('new')}</Link> : null}
      </div>
      <Form method="get" className="filter-row" aria-label={t('filter')}>
        <div className="field">
          <label htmlFor="filter-model">{t('filter.model')}</label>
          <select id="filter-model" name="model" defaultValue={params.get('model') ?? ''}>
            <option value="">{t('anyModel')}</option>
            {models.map((model) => <option key={model.id} value={model.id}>{localName(model)}</option>)}
          </select>
        </div>
        <div className="field">
          <label htmlFor="filter-dtc">{t('filter.dtc')}</label>
          <input id="filter-dtc" name="dtc" defaultValue={params.get('dtc') ?? ''} placeholder="P0300" maxLength={5} />
        </div>
        <button type="submit" className="button button--ghost">{t('apply')}</button>
      </Form>
      {mine.length === 0 ? <p className="empty-state">{t('empty')}</p> : <BulletinList bulletins={mine} />}
      {editor ? (
        <section className="card" aria-labelledby="all-bulletins">
          <h2 id="all-bulletins">{t('manage')}</h2>
          <BulletinList bulletins={all} />
        </section>
      ) : null}
    </section>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
