import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { useActionData, useLoaderData } from '@remix-run/react'
import type { JSONContent } from '@tiptap/core'
import { GeneralErrorBoundary } from '~/components/error-boundary'
import { useMessages } from '~/i18n/use-t'
import { openBulletin, saveBulletin } from '~/modules/bulletins/bulletin.server'
import { BulletinForm } from '~/modules/bulletins/components/bulletin-form'
import { bulletinFormOptions, parseBulletinForm } from '~/modules/bulletins/form.server'
import { bulletinMessages } from '~/modules/bulletins/messages'
import { requireUser } from '~/utils/auth.server'
import { invariantResponse } from '~/utils/permissions.server'
import { fieldErrors } from '~/utils/validation'

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request)
  const bulletin = await openBulletin({ user, bulletinId: params.bulletinId! })
  invariantResponse(bulletin, 'Bulletin not found')
  invariantResponse(bulletin.authorId === user.id || user.role === 'ADMIN', 'Only its author or an admin edits a bulletin', 403)
  const { supersedes, attachments, ...values } = bulletin
  return { values: { ...values, body: bulletin.body as JSONContent, supersedesId: supersedes?.id ?? null, attachments: attachments.map((file) => ({ ...file, url: `/files/${file.id}` })) }, options: await bulletinFormOptions() }
}

export const meta: MetaFunction = () => [{ title: '编辑通报 / Edit bulletin · GTAC' }]

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request)
  const parsed = parseBulletinForm(await request.formData())
  if (!parsed.success) return Response.json({ errors: fieldErrors(parsed.error) }, { status: 400 })
  const saved = await saveBulletin({ user, input: parsed.data, bulletinId: params.bulletinId! })
  if (saved.ok) return redirect(`/bulletins/${saved.id}`)
  invariantResponse(saved.reason !== 'not-found', 'Bulletin not found')
  invariantResponse(saved.reason === 'invalid', 'Forbidden', 403)
  return Response.json({ errors: saved.errors }, { status: 400 })
}

export default function EditBulletinPage() {
  const { values, options } = useLoaderData<typeof loader>()
  const actionData = useActionData<{ errors?: Record<string, string> }>()
  const t = useMessages(bulletinMessages)
  return (
    <section>
      <h1>{t('edit')} · {t('number', { number: values.number })}</h1>
      <BulletinForm values={values} options={options} errors={actionData?.errors ?? {}} />
    </section>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
