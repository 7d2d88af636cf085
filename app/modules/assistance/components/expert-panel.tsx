import { Form, useNavigation } from '@remix-run/react'
import { useEffect, useState } from 'react'
import { useLocalName, useMessages } from '~/i18n/use-t'
import { assistanceMessages } from '../messages'

type System = { code: string; nameZh: string; nameEn: string }
type Expert = { id: string; name: string; systems: string[]; online: boolean }

/** The expert's own desk: declared systems, online/offline, and who else is online. */
export function ExpertPanel({ profile, systems, experts }: { profile: { systems: string[]; available: boolean }; systems: System[]; experts: Expert[] }) {
  const t = useMessages(assistanceMessages)
  const localName = useLocalName()
  const busy = useNavigation().state !== 'idle'
  const online = experts.filter((expert) => expert.online)
  const systemName = (code: string) => localName(systems.find((system) => system.code === code) ?? { nameZh: code, nameEn: code })
  const [canNotify, setCanNotify] = useState(false)
  useEffect(() => setCanNotify(typeof Notification !== 'undefined' && Notification.permission === 'default'), [])

  return (
    <section className="card expert-panel" aria-labelledby="expert-panel-title">
      <h2 id="expert-panel-title">
        {t('expert.panel')}{' '}
        <span className={profile.available ? 'badge badge--online' : 'badge badge--draft'}>{profile.available ? t('expert.online') : t('expert.offline')}</span>
      </h2>
      <Form method="post" className="expert-panel__form">
        <input type="hidden" name="intent" value="availability" />
        <fieldset className="system-choices">
          <legend>{t('expert.systems')}</legend>
          {systems.map((system) => (
            <label key={system.code}>
              <input type="checkbox" name="systems" value={system.code} defaultChecked={profile.systems.includes(system.code)} /> {localName(system)}
            </label>
          ))}
        </fieldset>
        <div className="button-row">
          <button className="button" name="available" value={profile.available ? 'false' : 'true'} disabled={busy}>
            {profile.available ? t('expert.goOffline') : t('expert.goOnline')}
          </button>
          <button className="button button--ghost" name="available" value={String(profile.available)} disabled={busy}>
            {t('expert.save')}
          </button>
          {canNotify ? (
            <button type="button" className="link-button" onClick={() => Notification.requestPermission().then(() => setCanNotify(false))}>
              {t('expert.enableNotifications')}
            </button>
          ) : null}
        </div>
      </Form>
      <h3 className="small">{t('expert.whoIsOnline')}</h3>
      {online.length === 0 ? (
        <p className="muted small">{t('expert.nobodyOnline')}</p>
      ) : (
        <ul className="presence-list">
          {online.map((expert) => (
            <li key={expert.id}>
              <span className="presence-dot" aria-hidden="true" /> {expert.name}{' '}
              <span className="muted small">{expert.systems.map(systemName).join(' · ')}</span>
            </li>
          ))}
        </ul>
      )}
    </section>
  )
}
