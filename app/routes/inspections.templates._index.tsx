import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useLoaderData, useSearchParams } from '@remix-run/react'
import { GeneralErrorBoundary } from '~/components/error-boundary'
import { useLocalName, useLocale, useMessages } from '~/i18n/use-t'
import { inspectionMessages } from '~/modules/inspections/messages'
import { listTemplates, mayEditTemplates } from '~/modules/inspections/templates.server'
import { requireUser } from '~/utils/auth.server'
import { invariantResponse } from '~/utils/permissions.server'

export async function loader({ request }: LoaderFunctionArgs) {
  invariantResponse(mayEditTemplates(await requireUser(request)), 'Forbidden', 403)
  return { templates: await listTemplates() }
}

export const meta: MetaFunction = () => [{ title: 'GTAC · 检查表 / Checklists' }]

export default function ChecklistTemplates() {
  const { templates } = useLoaderData<typeof loader>()
  const t = useMessages(inspectionMessages)
  const localName = useLocalName()
  const locale = useLocale()
  const [params] = useSearchParams()
  const published = templates.find((template) => `${template.key}.${template.version}` === params.get('published'))
  const date = (value: string | Date) => new Date(value).toLocaleDateString(locale === 'zh' ? 'zh-CN' : 'en-GB', { dateStyle: 'medium' })
  return (
    <section>
      <p><Link to="/inspections">← {t('title')}</Link></p>
      <header className="search-head">
        <div>
          <h1>{t('templates')}</h1>
          <p className="muted">{t('templatesIntro')}</p>
        </div>
        <div className="button-row">
          <Link className="button" to="/inspections/templates/new">{t('templateNew')}</Link>
        </div>
      </header>
      {published ? <p className="notice notice--ok" role="status">{t('templatePublished', { name: localName(published), version: published.version })}</p> : null}
      {templates.length === 0 ? (
        <p className="empty-state">{t('templatesEmpty')}</p>
      ) : (
        <ul className="template-list">
          {templates.map((template) => (
            <li key={template.key} className="inspection-row">
              <div className="inspection-row__head">
                <span className="inspection-row__title">{localName(template)}</span>
                <code>{template.key}</code>
              </div>
              <p className="hit__meta">
                <span>{t('templateSummary', { sections: template.sectionCount, items: template.itemCount, version: template.version, date: date(template.createdAt) })}</span>
                <Link to={`/inspections/templates/${template.key}`} aria-label={`${t('templateEdit')} · ${localName(template)}`}>{t('templateEdit')}</Link>
              </p>
            </li>
          ))}
        </ul>
      )}
    </section>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
