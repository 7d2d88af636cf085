import crypto from 'node:crypto'
import { getEnv } from '~/utils/env.server'

export type IceServer = { urls: string[]; username?: string; credential?: string }
export type IceTransportPolicy = 'all' | 'relay'
export type IceConfig = { iceServers: IceServer[]; iceTransportPolicy: IceTransportPolicy }

export type IceSettings = {
  stunUrls: string[]
  turnUrls: string[]
  turnSecret?: string
  ttlSeconds: number
  iceTransportPolicy: IceTransportPolicy
}

/**
 * coturn's REST-API credential (`use-auth-secret`): the username carries its own expiry, so coturn
 * checks it with nothing but the shared secret and no user database.
 */
export function turnCredential({ secret, userId, ttlSeconds, now = new Date() }: { secret: string; userId: string; ttlSeconds: number; now?: Date }) {
  const expiresAt = Math.floor(now.getTime() / 1000) + ttlSeconds
  const username = `${expiresAt}:${userId}`
  const credential = crypto.createHmac('sha1', secret).update(username).digest('base64')
  return { username, credential, expiresAt: new Date(expiresAt * 1000) }
}

/** The RTCPeerConnection configuration for one user; pure, so tests can feed it a coturn of their own. */
export function buildIceConfig(settings: IceSettings, { userId, now = new Date() }: { userId: string; now?: Date }): IceConfig {
  const iceServers: IceServer[] = []
  if (settings.stunUrls.length > 0) iceServers.push({ urls: settings.stunUrls })
  if (settings.turnUrls.length > 0 && settings.turnSecret) {
    const { username, credential } = turnCredential({ secret: settings.turnSecret, userId, ttlSeconds: settings.ttlSeconds, now })
    iceServers.push({ urls: settings.turnUrls, username, credential })
  }
  return { iceServers, iceTransportPolicy: settings.iceTransportPolicy }
}

/** ICE servers from STUN_URLS, TURN_URLS/TURN_SECRET and ICE_TRANSPORT_POLICY, with a fresh TURN credential. */
export function getIceConfig({ userId, now = new Date() }: { userId: string; now?: Date }): IceConfig {
  const env = getEnv()
  return buildIceConfig(
    {
      stunUrls: env.STUN_URLS,
      turnUrls: env.TURN_URLS,
      turnSecret: env.TURN_SECRET,
      ttlSeconds: env.TURN_CREDENTIAL_TTL_SECONDS,
      iceTransportPolicy: env.ICE_TRANSPORT_POLICY,
    },
    { userId, now },
  )
}
