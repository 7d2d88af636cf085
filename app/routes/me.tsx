import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData, useNavigation } from '@remix-run/react'
import { useRef, useState } from 'react'
import { z } from 'zod'
import { GeneralErrorBoundary } from '~/components/error-boundary'
import { translate, type Locale, type MessageKey } from '~/i18n/messages'
import { useLocalName, useLocale, useMessages, useT } from '~/i18n/use-t'
import { getCatalogue } from '~/modules/catalogue/catalogue.server'
import { Avatar } from '~/modules/members/components/avatar'
import { MemberNav } from '~/modules/members/components/member-nav'
import { memberMessages } from '~/modules/members/messages'
import { PROFILE_LANGUAGE_NAMES, type ProfileLanguage } from '~/modules/members/profile-options'
import { profileOf } from '~/modules/members/profile.server'
import { listCertifications, listPositionCertificates } from '~/modules/exams/certification.server'
import { CertificationList } from '~/modules/exams/components/certification-list'
import { examMessages } from '~/modules/exams/messages'
import { createApiToken, listApiTokens, revokeApiToken } from '~/utils/api-token.server'
import { requireUser } from '~/utils/auth.server'
import { parseForm } from '~/utils/form.server'
import { invariantResponse } from '~/utils/permissions.server'

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request)
  const [tokens, certifications, positions, profile, catalogue] = await Promise.all([
    listApiTokens({ userId: user.id }),
    listCertifications({ userId: user.id }),
    listPositionCertificates({ userId: user.id }),
    profileOf(user.id),
    getCatalogue(),
  ])
  const saved = new URL(request.url).searchParams.get('saved') === 'profile'
  return { user, tokens, certifications, positions, profile, systems: catalogue.systems, saved }
}

export const meta: MetaFunction = ({ data, matches }) => {
  const locale = (matches.find((match) => match.id === 'root')?.data as { locale?: Locale } | undefined)?.locale ?? 'zh'
  return [{ title: data ? `${translate(locale, 'member.title')} · GTAC` : translate(locale, 'app.name') }]
}

const actionSchema = z.discriminatedUnion('intent', [
  z.object({
    intent: z.literal('create'),
    name: z
      .string({ required_error: 'validation.tokenName', invalid_type_error: 'validation.tokenName' })
      .trim()
      .min(1, 'validation.tokenName')
      .max(60, 'validation.tokenName'),
  }),
  z.object({ intent: z.literal('revoke'), tokenId: z.string().min(1) }),
])

export async function action({ request }: ActionFunctionArgs) {
  // Tokens are managed from a signed-in browser only: a leaked token must not mint or revoke others.
  if (request.headers.has('Authorization')) throw new Response('Forbidden', { status: 403 })
  const user = await requireUser(request)
  const parsed = await parseForm(request, actionSchema)
  if (!parsed.ok) return parsed.response
  const input = parsed.data
  if (input.intent === 'create') {
    const { id, name, token } = await createApiToken({ userId: user.id, name: input.name })
    // The only time the token is readable: the database keeps its hash.
    return { created: { id, name, token } }
  }
  // Scoped by user: somebody else's token id is "not found", whether or not it exists.
  invariantResponse(await revokeApiToken({ userId: user.id, tokenId: input.tokenId }), 'Token not found')
  return { revoked: true }
}

type ActionData = { errors?: Record<string, string>; created?: { id: string; name: string; token: string }; revoked?: boolean }

function CopyableToken({ token }: { token: string }) {
  const t = useT()
  const [copied, setCopied] = useState(false)
  const codeRef = useRef<HTMLElement>(null)
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(token)
      setCopied(true)
    } catch {
      // No clipboard access (plain http on another host): select the text for Ctrl-C instead.
      if (codeRef.current) window.getSelection()?.selectAllChildren(codeRef.current)
    }
  }
  return (
    <div className="notice notice--ok" role="status">
      <p style={{ marginTop: 0 }}>{t('member.tokenOnce')}</p>
      <code className="token-value" ref={codeRef}>{token}</code>
      <p className="button-row" style={{ marginBottom: 0 }}>
        <button type="button" className="button button--ghost" onClick={copy}>
          {copied ? `✔ ${t('member.copied')}` : t('member.copy')}
        </button>
      </p>
    </div>
  )
}

export default function MemberCenterPage() {
  const { user, tokens, certifications, positions, profile, systems, saved } = useLoaderData<typeof loader>()
  const examText = useMessages(examMessages)
  const memberText = useMessages(memberMessages)
  const localName = useLocalName()
  const systemName = (code: string) => {
    const system = systems.find((entry) => entry.code === code)
    return system ? localName(system) : code
  }
  const listed = (items: string[]) => (items.length > 0 ? items.join('、') : <span className="muted">{memberText('noneGiven')}</span>)
  const actionData = useActionData<ActionData>()
  const navigation = useNavigation()
  const t = useT()
  const locale = useLocale()
  const busy = navigation.state === 'submitting'
  const nameError = actionData?.errors?.name
  const formatDate = (value: string | Date) =>
    new Date(value).toLocaleString(locale === 'zh' ? 'zh-CN' : 'en-GB', { dateStyle: 'medium', timeStyle: 'short' })

  return (
    <>
      <h1>{t('member.title')}</h1>
      <MemberNav />

      <section className="card" aria-labelledby="profile-title">
        <div className="case-header" style={{ alignItems: 'center' }}>
          <h2 id="profile-title">{t('member.profile')}</h2>
          <Link to="/me/profile" className="button button--ghost">{memberText('editProfile')}</Link>
        </div>
        {saved ? <p className="notice notice--ok" role="status">{memberText('profileSaved')}</p> : null}
        <div className="profile-head">
          <Avatar name={profile.name} avatarId={profile.avatarId} size={72} />
          <strong>{profile.name}</strong>
        </div>
        <dl className="facts">
          <dt>{t('member.name')}</dt>
          <dd>{profile.name}</dd>
          <dt>{t('auth.email')}</dt>
          <dd>{user.email}</dd>
          <dt>{t('member.role')}</dt>
          <dd>{t(`role.${user.role}`)}</dd>
          <dt>{t('member.station')}</dt>
          <dd>{user.stationName ?? <span className="muted">{t('common.none')}</span>}</dd>
          <dt>{memberText('expertise')}</dt>
          <dd>{listed(profile.expertise.map(systemName))}</dd>
          <dt>{memberText('languages')}</dt>
          <dd>{listed(profile.languages.map((code) => PROFILE_LANGUAGE_NAMES[code as ProfileLanguage] ?? code))}</dd>
        </dl>
      </section>

      <section className="card" aria-labelledby="certifications-title">
        <h2 id="certifications-title">{examText('cert.title')}</h2>
        <CertificationList certifications={certifications} positions={positions} />
      </section>

      <section className="card" aria-labelledby="tokens-title">
        <h2 id="tokens-title">{t('member.tokens')}</h2>
        <p className="muted small">{t('member.tokensHint')}</p>

        {actionData?.created ? <CopyableToken key={`copy-${actionData.created.id}`} token={actionData.created.token} /> : null}
        {actionData?.revoked ? <p className="notice notice--ok" role="status">{t('member.revoked')}</p> : null}

        <Form method="post" className="field" noValidate key={`create-${actionData?.created?.id ?? 'new'}`}>
          <input type="hidden" name="intent" value="create" />
          <label htmlFor="token-name">{t('member.tokenName')}</label>
          <div className="button-row">
            <input
              id="token-name"
              name="name"
              required
              maxLength={60}
              autoComplete="off"
              placeholder={t('member.tokenNamePlaceholder')}
              style={{ flex: '1 1 14rem', maxWidth: '24rem' }}
              aria-invalid={Boolean(nameError)}
              aria-describedby={nameError ? 'token-name-error' : undefined}
            />
            <button type="submit" className="button" disabled={busy}>{t('member.createToken')}</button>
          </div>
          {nameError ? <p className="field-error" id="token-name-error">{t(nameError as MessageKey)}</p> : null}
        </Form>

        {tokens.length === 0 ? (
          <p className="muted">{t('member.noTokens')}</p>
        ) : (
          <ul className="comment-list" aria-label={t('member.tokens')}>
            {tokens.map((token) => (
              <li key={token.id} className="case-header" style={{ alignItems: 'center' }}>
                <div style={{ minWidth: 0, overflowWrap: 'anywhere' }}>
                  <strong>{token.name}</strong>
                  <p className="hit__meta" style={{ margin: 0 }}>
                    <span>{t('member.createdOn', { date: formatDate(token.createdAt) })}</span>
                    <span>{token.lastUsedAt ? t('member.lastUsedOn', { date: formatDate(token.lastUsedAt) }) : t('member.neverUsed')}</span>
                  </p>
                </div>
                <Form
                  method="post"
                  className="inline-form"
                  onSubmit={(event) => {
                    if (!window.confirm(t('member.revokeConfirm', { name: token.name }))) event.preventDefault()
                  }}
                >
                  <input type="hidden" name="intent" value="revoke" />
                  <input type="hidden" name="tokenId" value={token.id} />
                  <button type="submit" className="button button--ghost" disabled={busy} aria-label={`${t('member.revoke')}: ${token.name}`}>
                    {t('member.revoke')}
                  </button>
                </Form>
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
