import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Link, useActionData, useLoaderData } from '@remix-run/react'
import { GeneralErrorBoundary } from '~/components/error-boundary'
import { useLocalName, useMessages } from '~/i18n/use-t'
import { TemplateEditor } from '~/modules/inspections/components/template-editor'
import { inspectionMessages } from '~/modules/inspections/messages'
import { NEW_TEMPLATE as NEW } from '~/modules/inspections/schema'
import { mayEditTemplates, saveTemplateVersion, templateForEditing } from '~/modules/inspections/templates.server'
import { requireUser } from '~/utils/auth.server'
import { nestFormEntries } from '~/utils/form-paths'
import { invariantResponse } from '~/utils/permissions.server'

export async function loader({ request, params }: LoaderFunctionArgs) {
  invariantResponse(mayEditTemplates(await requireUser(request)), 'Forbidden', 403)
  if (params.key === NEW) return { template: null }
  const template = await templateForEditing(params.key!)
  invariantResponse(template, 'Checklist not found')
  return { template }
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request)
  const outcome = await saveTemplateVersion({ user, key: params.key === NEW ? null : params.key!, fields: nestFormEntries(await request.formData()) })
  if (outcome.ok) return redirect(`/inspections/templates?published=${encodeURIComponent(`${outcome.key}.${outcome.version}`)}`)
  if (outcome.reason === 'invalid-input') return Response.json({ errors: outcome.errors }, { status: 400 })
  throw outcome.reason === 'forbidden' ? new Response('Forbidden', { status: 403 }) : new Response('Checklist not found', { status: 404 })
}

export const meta: MetaFunction = () => [{ title: 'GTAC · 检查表 / Checklist' }]

export default function ChecklistTemplateEditor() {
  const { template } = useLoaderData<typeof loader>()
  const actionData = useActionData<{ errors?: Record<string, string> }>()
  const t = useMessages(inspectionMessages)
  const localName = useLocalName()
  return (
    <section>
      <p><Link to="/inspections/templates">{t('template.back')}</Link></p>
      <h1>{template ? t('templateEditTitle', { name: localName(template) }) : t('templateNewTitle')}</h1>
      <p className="muted">{template ? t('templateEditHint', { version: template.version, next: template.version + 1 }) : t('templateNewHint')}</p>
      <TemplateEditor key={template ? `${template.key}.${template.version}` : NEW} template={template} isNew={!template} errors={actionData?.errors ?? {}} />
    </section>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
