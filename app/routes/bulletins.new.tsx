import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { useActionData, useLoaderData } from '@remix-run/react'
import { GeneralErrorBoundary } from '~/components/error-boundary'
import { useMessages } from '~/i18n/use-t'
import { isBulletinEditor } from '~/modules/bulletins/audience.server'
import { saveBulletin } from '~/modules/bulletins/bulletin.server'
import { BulletinForm } from '~/modules/bulletins/components/bulletin-form'
import { bulletinFormOptions, draftFromQuery, parseBulletinForm } from '~/modules/bulletins/form.server'
import { bulletinMessages } from '~/modules/bulletins/messages'
import { requireUser } from '~/utils/auth.server'
import { invariantResponse } from '~/utils/permissions.server'
import { fieldErrors } from '~/utils/validation'

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request)
  invariantResponse(isBulletinEditor(user), 'Only trainers, engineers and admins write bulletins', 403)
  return { options: await bulletinFormOptions(), draft: draftFromQuery(new URL(request.url).searchParams) }
}

export const meta: MetaFunction = () => [{ title: '新建通报 / New bulletin · GTAC' }]

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request)
  const parsed = parseBulletinForm(await request.formData())
  if (!parsed.success) return Response.json({ errors: fieldErrors(parsed.error) }, { status: 400 })
  const saved = await saveBulletin({ user, input: parsed.data })
  if (saved.ok) return redirect(`/bulletins/${saved.id}`)
  invariantResponse(saved.reason !== 'forbidden', 'Forbidden', 403)
  return Response.json({ errors: saved.reason === 'invalid' ? saved.errors : { _form: 'not found' } }, { status: 400 })
}

export default function NewBulletinPage() {
  const { options, draft } = useLoaderData<typeof loader>()
  const actionData = useActionData<{ errors?: Record<string, string> }>()
  const t = useMessages(bulletinMessages)
  return (
    <section>
      <h1>{t('new')}</h1>
      <BulletinForm values={draft} options={options} errors={actionData?.errors ?? {}} />
    </section>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
