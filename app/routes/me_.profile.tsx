import {
  redirect,
  unstable_composeUploadHandlers,
  unstable_createMemoryUploadHandler,
  unstable_parseMultipartFormData,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from '@remix-run/node'
import { Form, useActionData, useLoaderData, useNavigation } from '@remix-run/react'
import { GeneralErrorBoundary } from '~/components/error-boundary'
import { useFieldErrors } from '~/components/field-errors'
import { useLocalName, useMessages, useT } from '~/i18n/use-t'
import { getCatalogue } from '~/modules/catalogue/catalogue.server'
import { AttachmentRejectedError, deleteAttachment, saveAttachment } from '~/modules/files/attachment.server'
import { Avatar } from '~/modules/members/components/avatar'
import { MemberNav } from '~/modules/members/components/member-nav'
import { memberMessages } from '~/modules/members/messages'
import { AVATAR_MAX_BYTES, AVATAR_TYPES, PROFILE_LANGUAGE_CODES, PROFILE_LANGUAGE_NAMES } from '~/modules/members/profile-options'
import { profileOf, saveProfile } from '~/modules/members/profile.server'
import { profileSchema } from '~/modules/members/schema'
import { requireUser } from '~/utils/auth.server'
import { fieldErrors } from '~/utils/validation'

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request)
  const [profile, catalogue] = await Promise.all([profileOf(user.id), getCatalogue()])
  return { profile, systems: catalogue.systems }
}

export const meta: MetaFunction = () => [{ title: '编辑资料 / Edit profile · GTAC' }]

const rejected = (errors: Record<string, string>, status = 400) => Response.json({ errors }, { status })

export async function action({ request }: ActionFunctionArgs) {
  if (request.headers.has('Authorization')) throw new Response('Forbidden', { status: 403 })
  const user = await requireUser(request)
  if (Number(request.headers.get('Content-Length') ?? 0) > AVATAR_MAX_BYTES + 64 * 1024) return rejected({ avatar: 'file-too-large' }, 413)
  let avatar: Awaited<ReturnType<typeof saveAttachment>> | undefined
  let form: FormData
  try {
    form = await unstable_parseMultipartFormData(
      request,
      unstable_composeUploadHandlers(async ({ name, filename, data }) => {
        if (name !== 'avatar') return undefined
        if (!filename) {
          for await (const chunk of data) void chunk // an empty file field: nothing chosen
          return ''
        }
        avatar = await saveAttachment({ user, fileName: filename, data, limitBytes: AVATAR_MAX_BYTES })
        return avatar.id
      }, unstable_createMemoryUploadHandler({ maxPartSize: 16 * 1024 })),
    )
  } catch (error) {
    if (avatar) await deleteAttachment(avatar.id)
    if (error instanceof AttachmentRejectedError) return rejected({ avatar: error.message }, error.message === 'file-too-large' ? 413 : 415)
    throw error
  }
  // Nothing is kept unless everything is valid: the stored picture goes if the rest is refused.
  if (avatar && !AVATAR_TYPES.includes(avatar.mimeType)) {
    await deleteAttachment(avatar.id)
    return rejected({ avatar: 'unsupported-type' }, 415)
  }
  const parsed = profileSchema.safeParse({ name: form.get('name'), expertise: form.getAll('expertise'), languages: form.getAll('languages'), removeAvatar: form.get('removeAvatar') ?? undefined })
  if (!parsed.success) {
    if (avatar) await deleteAttachment(avatar.id)
    return rejected(fieldErrors(parsed.error))
  }
  await saveProfile({ userId: user.id, input: parsed.data, avatarId: avatar?.id })
  return redirect('/me?saved=profile')
}

export default function ProfilePage() {
  const { profile, systems } = useLoaderData<typeof loader>()
  const actionData = useActionData<{ errors?: Record<string, string> }>()
  const t = useMessages(memberMessages)
  const common = useT()
  const localName = useLocalName()
  const navigation = useNavigation()
  const errors = actionData?.errors ?? {}
  const avatarMessage = errors.avatar === 'file-too-large' || errors.avatar === 'unsupported-type' ? t(`avatar.${errors.avatar}`) : undefined
  const { fieldError, invalid } = useFieldErrors(avatarMessage ? { ...errors, avatar: avatarMessage } : errors, 'profile-', avatarMessage ? (message) => message : undefined)
  return (
    <>
      <h1>{common('member.title')}</h1>
      <MemberNav />
      <section className="card" aria-labelledby="profile-edit-title">
        <h2 id="profile-edit-title">{t('editProfile')}</h2>
        <Form method="post" encType="multipart/form-data" noValidate style={{ maxWidth: '40rem' }}>
          <div className="field">
            <label htmlFor="profile-name">{common('member.name')}</label>
            <input id="profile-name" name="name" defaultValue={profile.name} maxLength={60} required autoComplete="name" {...invalid('name')} />
            {fieldError('name')}
          </div>
          <fieldset className="choices" {...invalid('expertise')}>
            <legend>{t('expertise')}</legend>
            {systems.map((system) => (
              <label key={system.code} className="choice">
                <input type="checkbox" name="expertise" value={system.code} defaultChecked={profile.expertise.includes(system.code)} /> {localName(system)}
              </label>
            ))}
          </fieldset>
          {fieldError('expertise')}
          <fieldset className="choices" {...invalid('languages')}>
            <legend>{t('languages')}</legend>
            {PROFILE_LANGUAGE_CODES.map((code) => (
              <label key={code} className="choice" lang={code}>
                <input type="checkbox" name="languages" value={code} defaultChecked={profile.languages.includes(code)} /> {PROFILE_LANGUAGE_NAMES[code]}
              </label>
            ))}
          </fieldset>
          {fieldError('languages')}
          <div className="field">
            <label htmlFor="profile-avatar">{t('avatar')}</label>
            <div className="button-row" style={{ alignItems: 'center' }}>
              <Avatar name={profile.name} avatarId={profile.avatarId} size={56} />
              <input id="profile-avatar" name="avatar" type="file" accept={AVATAR_TYPES.join(',')} aria-invalid={Boolean(errors.avatar)} aria-describedby={errors.avatar ? 'profile-avatar-hint profile-avatar-error' : 'profile-avatar-hint'} />
            </div>
            <p className="small muted" id="profile-avatar-hint">{t('avatarHint')}</p>
            {fieldError('avatar')}
            {profile.avatarId ? (
              <label className="choice">
                <input type="checkbox" name="removeAvatar" /> {t('removeAvatar')}
              </label>
            ) : null}
          </div>
          <div className="button-row">
            <button type="submit" className="button" disabled={navigation.state !== 'idle'}>{t('save')}</button>
          </div>
        </Form>
      </section>
    </>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
