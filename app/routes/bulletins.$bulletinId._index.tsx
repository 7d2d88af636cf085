import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Form, Link, useLoaderData, useNavigation } from '@remix-run/react'
import { GeneralErrorBoundary } from '~/components/error-boundary'
import { useLocalName, useLocale, useMessages } from '~/i18n/use-t'
import { isBulletinEditor } from '~/modules/bulletins/audience.server'
import { acknowledgeBulletin, openBulletin } from '~/modules/bulletins/bulletin.server'
import { BulletinTypeBadge } from '~/modules/bulletins/components/bulletin-list'
import { bulletinMessages } from '~/modules/bulletins/messages'
import { requireUser } from '~/utils/auth.server'
import { invariantResponse } from '~/utils/permissions.server'

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request)
  const bulletin = await openBulletin({ user, bulletinId: params.bulletinId! })
  invariantResponse(bulletin, 'Bulletin not found')
  const { body: _editorJson, ...shown } = bulletin
  return { bulletin: shown, canEdit: isBulletinEditor(user) && (bulletin.authorId === user.id || user.role === 'ADMIN'), canSeeReceipts: isBulletinEditor(user) }
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `${data.bulletin.title} · GTAC` : 'GTAC' }]

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request)
  invariantResponse(await acknowledgeBulletin({ user, bulletinId: params.bulletinId! }), 'Bulletin not found')
  return { ok: true }
}

export default function BulletinPage() {
  const { bulletin, canEdit, canSeeReceipts } = useLoaderData<typeof loader>()
  const t = useMessages(bulletinMessages)
  const locale = useLocale()
  const localName = useLocalName()
  const navigation = useNavigation()
  const when = (value: Date | string) => new Date(value).toLocaleString(locale === 'zh' ? 'zh-CN' : 'en-GB')
  const audience = [...bulletin.audienceRoles.map((role) => t(`role.${role}` as 'role.ADMIN')), ...bulletin.audienceRegions, ...bulletin.audienceStations]
  return (
    <article className="bulletin">
      <p><Link to="/bulletins">← {t('title')}</Link></p>
      <header className="case-header">
        <div>
          <p className="hit__meta">
            <BulletinTypeBadge type={bulletin.type} />
            <span>{t('number', { number: bulletin.number })}</span>
            {bulletin.publishedAt ? <span>{t(new Date(bulletin.publishedAt) > new Date() ? 'scheduled' : 'published', { time: when(bulletin.publishedAt) })}</span> : <span className="badge badge--draft">{t('draft')}</span>}
            {bulletin.expiresAt ? <span>{t('expires', { time: when(bulletin.expiresAt) })}</span> : null}
            <span>{t('by', { name: bulletin.author.name })}</span>
          </p>
          <h1>{bulletin.title}</h1>
          {bulletin.supersedes ? <p className="small"><Link to={`/bulletins/${bulletin.supersedes.id}`}>{t('supersedes', { number: bulletin.supersedes.number, title: bulletin.supersedes.title })}</Link></p> : null}
          {bulletin.supersededBy?.publishedAt ? (
            <p className="notice notice--warning"><Link to={`/bulletins/${bulletin.supersededBy.id}`}>{t('supersededBy', { number: bulletin.supersededBy.number, title: bulletin.supersededBy.title })}</Link></p>
          ) : null}
        </div>
        <div className="button-row">
          {canEdit ? <Link to={`/bulletins/${bulletin.id}/edit`} className="button button--ghost">{t('edit')}</Link> : null}
          {canSeeReceipts && bulletin.publishedAt ? <Link to={`/bulletins/${bulletin.id}/receipts`} className="button button--ghost">{t('receipts')}</Link> : null}
        </div>
      </header>

      {bulletin.addressed && bulletin.requiresAck ? (
        <div className={bulletin.acknowledgedAt ? 'notice' : 'notice notice--warning'} role="status">
          {bulletin.acknowledgedAt ? t('ackDone', { time: when(bulletin.acknowledgedAt) }) : t('ackRequired')}
        </div>
      ) : null}

      <section className="card">
        {/* Rendered from the editor's schema when saved: no stored HTML is ever trusted. */}
        <div className="rich-text" dangerouslySetInnerHTML={{ __html: bulletin.bodyHtml }} />
        {bulletin.attachments.length > 0 ? (
          <>
            <h2>{t('attachments')}</h2>
            <ul>
              {bulletin.attachments.map((file) => <li key={file.id}><a href={`/files/${file.id}`}>{file.fileName}</a></li>)}
            </ul>
          </>
        ) : null}
      </section>

      <section className="card bulletin-facts">
        <h2>{t('applicability')}</h2>
        <dl>
          <dt>{t('filter.model')}</dt>
          <dd>{bulletin.models.length ? bulletin.models.map(localName).join('、') : t('anyModel')}</dd>
          {bulletin.yearFrom || bulletin.yearTo ? <><dt>{t('yearsLabel')}</dt><dd>{t('years', { from: bulletin.yearFrom ?? '…', to: bulletin.yearTo ?? '…' })}</dd></> : null}
          {bulletin.vinFrom || bulletin.vinTo ? <><dt>VIN</dt><dd>{t('vinRange', { from: bulletin.vinFrom ?? '…', to: bulletin.vinTo ?? '…' })}</dd></> : null}
          {bulletin.systems.length ? <><dt>{t('systems')}</dt><dd>{bulletin.systemNames.map(localName).join('、')}</dd></> : null}
          {bulletin.dtcs.length ? <><dt>{t('dtcs')}</dt><dd>{bulletin.dtcs.map((code) => <code key={code} className="dtc">{code}</code>)}</dd></> : null}
          <dt>{t('audience')}</dt>
          <dd>{audience.length ? audience.join('、') : t('everyone')}</dd>
        </dl>
      </section>

      {bulletin.addressed && bulletin.requiresAck && !bulletin.acknowledgedAt ? (
        <Form method="post" className="button-row">
          <button type="submit" className="button" disabled={navigation.state !== 'idle'}>{t('ackButton')}</button>
        </Form>
      ) : null}
    </article>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
