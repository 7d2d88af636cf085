import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { GeneralErrorBoundary } from '~/components/error-boundary'
import { useLocale, useMessages } from '~/i18n/use-t'
import { getCatalogue } from '~/modules/catalogue/catalogue.server'
import { SynonymGroupForm } from '~/modules/search/components/synonym-group-form'
import { searchMessages } from '~/modules/search/messages'
import { synonymGroupSchema } from '~/modules/search/schema'
import { deleteSynonymGroup, getSynonymGroup, isVocabularyCurator, saveSynonymGroup } from '~/modules/search/vocabulary.server'
import { requireUser } from '~/utils/auth.server'
import { invariantResponse } from '~/utils/permissions.server'
import { fieldErrors } from '~/utils/validation'

async function requireCurator(request: Request) {
  const user = await requireUser(request)
  invariantResponse(isVocabularyCurator(user), 'Only engineers and admins keep the search vocabulary', 403)
  return user
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireCurator(request)
  const [group, catalogue] = await Promise.all([getSynonymGroup(params.groupId!), getCatalogue()])
  invariantResponse(group, 'No such synonym group')
  return { group, systems: catalogue.systems }
}

export const meta: MetaFunction = () => [{ title: '编辑同义词组 / Edit synonym group · GTAC' }]

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireCurator(request)
  const form = await request.formData()
  if (form.get('intent') === 'delete') {
    invariantResponse(await deleteSynonymGroup(params.groupId!), 'No such synonym group')
    return redirect('/search/vocabulary?saved=deleted')
  }
  const parsed = synonymGroupSchema.safeParse(Object.fromEntries(form))
  if (!parsed.success) return Response.json({ errors: fieldErrors(parsed.error) }, { status: 400 })
  invariantResponse(await saveSynonymGroup({ user, id: params.groupId!, input: parsed.data }), 'No such synonym group')
  return redirect(`/search/vocabulary?saved=1&q=${encodeURIComponent(parsed.data.standard)}`)
}

export default function SynonymGroupPage() {
  const { group, systems } = useLoaderData<typeof loader>()
  const actionData = useActionData<{ errors?: Record<string, string> }>()
  const t = useMessages(searchMessages)
  const locale = useLocale()
  return (
    <>
      <p><Link to="/search/vocabulary">← {t('vocabulary.back')}</Link></p>
      <h1>{t('vocabulary.edit')}</h1>
      <section className="card" aria-labelledby="synonym-edit">
        <h2 id="synonym-edit">{group.standard}</h2>
        {group.updatedBy ? (
          <p className="small muted">{t('vocabulary.updated', { name: group.updatedBy.name, date: new Date(group.updatedAt).toLocaleString(locale === 'zh' ? 'zh-CN' : 'en-GB', { dateStyle: 'medium', timeStyle: 'short' }) })}</p>
        ) : null}
        <SynonymGroupForm intent="save" values={group} systems={systems} errors={actionData?.errors ?? {}} submitLabel={t('vocabulary.save')} />
        <Form
          method="post"
          className="button-row"
          onSubmit={(event) => {
            if (!window.confirm(t('vocabulary.deleteConfirm', { term: group.standard }))) event.preventDefault()
          }}
        >
          <input type="hidden" name="intent" value="delete" />
          <button type="submit" className="button button--danger">{t('vocabulary.delete')}</button>
        </Form>
      </section>
    </>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
