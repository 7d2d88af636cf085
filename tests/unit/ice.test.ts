import crypto from 'node:crypto'
import { afterEach, beforeEach, describe, expect, test } from 'vitest'
import { getIceConfig, turnCredential } from '../../app/modules/live/ice.server'
import { getEnv, resetEnvCache } from '../../app/utils/env.server'

const ICE_ENV = ['STUN_URLS', 'TURN_URLS', 'TURN_SECRET', 'TURN_CREDENTIAL_TTL_SECONDS', 'ICE_TRANSPORT_POLICY'] as const
const saved = Object.fromEntries(ICE_ENV.map((name) => [name, process.env[name]]))

function setIceEnv(values: Partial<Record<(typeof ICE_ENV)[number], string>>) {
  for (const name of ICE_ENV) delete process.env[name]
  Object.assign(process.env, values)
  resetEnvCache()
}

beforeEach(() => setIceEnv({}))
afterEach(() => {
  for (const name of ICE_ENV) {
    if (saved[name] === undefined) delete process.env[name]
    else process.env[name] = saved[name]
  }
  resetEnvCache()
})

const now = new Date('2025-12-31T23:00:00Z') // 1767222000
const secret = 'north-wind-secret'
const turnUrls = 'turn:turn.example.com:3478?transport=udp,turns:turn.example.com:443?transport=tcp'

describe('TURN credentials (coturn REST API scheme)', () => {
  test('username is "<expiry>:<user id>" and the password base64(HMAC-SHA1(secret, username))', () => {
    const { username, credential, expiresAt } = turnCredential({ secret, userId: 'user-42', ttlSeconds: 3600, now })
    expect(username).toBe('1767225600:user-42')
    // printf '%s' '1767225600:user-42' | openssl dgst -sha1 -hmac 'north-wind-secret' -binary | base64
    expect(credential).toBe('PJrkMqQgVBMisAknUaDdqVBaKrw=')
    expect(credential).toBe(crypto.createHmac('sha1', secret).update('1767225600:user-42').digest('base64'))
    expect(expiresAt).toEqual(new Date('2026-01-01T00:00:00Z'))
  })

  test('the number in the username is an expiry: now plus the configured TTL, whole seconds', () => {
    setIceEnv({ TURN_URLS: turnUrls, TURN_SECRET: secret, TURN_CREDENTIAL_TTL_SECONDS: '600' })
    const { iceServers } = getIceConfig({ userId: 'user-7', now: new Date('2025-12-31T23:00:00.999Z') })
    const turn = iceServers.find((server) => server.username)!
    expect(turn.username).toBe(`${1767222000 + 600}:user-7`)
    expect(turn.credential).toBe(crypto.createHmac('sha1', secret).update(turn.username!).digest('base64'))
  })

  test('the TTL defaults to an hour', () => {
    setIceEnv({ TURN_URLS: turnUrls, TURN_SECRET: secret })
    const { iceServers } = getIceConfig({ userId: 'user-7', now })
    expect(iceServers[0].username).toBe('1767225600:user-7')
  })
})

describe('ICE configuration from the environment', () => {
  test('nothing configured: no ICE servers at all (loopback and LAN need none), policy all', () => {
    expect(getIceConfig({ userId: 'u', now })).toEqual({ iceServers: [], iceTransportPolicy: 'all' })
  })

  test('STUN only: one server with every STUN URL and no credential', () => {
    setIceEnv({ STUN_URLS: ' stun:stun.example:3478 , stun:stun2.example:19302,' })
    expect(getIceConfig({ userId: 'u', now })).toEqual({
      iceServers: [{ urls: ['stun:stun.example:3478', 'stun:stun2.example:19302'] }],
      iceTransportPolicy: 'all',
    })
  })

  test('STUN and TURN with relay-only policy: TURN URLs share one time-limited credential', () => {
    setIceEnv({ STUN_URLS: 'stun:stun.example:3478', TURN_URLS: turnUrls, TURN_SECRET: secret, ICE_TRANSPORT_POLICY: 'relay' })
    const { username, credential } = turnCredential({ secret, userId: 'u', ttlSeconds: 3600, now })
    expect(getIceConfig({ userId: 'u', now })).toEqual({
      iceServers: [
        { urls: ['stun:stun.example:3478'] },
        { urls: ['turn:turn.example.com:3478?transport=udp', 'turns:turn.example.com:443?transport=tcp'], username, credential },
      ],
      iceTransportPolicy: 'relay',
    })
  })
})

describe('ICE settings validation', () => {
  const errorFor = (values: Parameters<typeof setIceEnv>[0]) => {
    setIceEnv(values)
    return () => getEnv()
  }

  test('TURN_URLS without TURN_SECRET, and the reverse, are refused', () => {
    expect(errorFor({ TURN_URLS: turnUrls })).toThrow(/TURN_SECRET: TURN_URLS and TURN_SECRET go together/)
    expect(errorFor({ TURN_SECRET: secret })).toThrow(/TURN_URLS: TURN_URLS and TURN_SECRET go together/)
  })

  test('every URL needs its scheme', () => {
    expect(errorFor({ STUN_URLS: 'stun:ok.example:3478,stun.example:3478' })).toThrow(/STUN_URLS: "stun\.example:3478" must start with stun:/)
    expect(errorFor({ STUN_URLS: 'turn:turn.example:3478' })).toThrow(/STUN_URLS: "turn:turn\.example:3478" must start with stun:/)
    expect(errorFor({ TURN_URLS: 'http://turn.example', TURN_SECRET: secret })).toThrow(/TURN_URLS: "http:\/\/turn\.example" must start with turn: or turns:/)
  })

  test('relay-only needs a TURN server; the policy and the TTL take only their values', () => {
    expect(errorFor({ ICE_TRANSPORT_POLICY: 'relay' })).toThrow(/ICE_TRANSPORT_POLICY=relay sends all media through TURN/)
    expect(errorFor({ ICE_TRANSPORT_POLICY: 'none' })).toThrow(/ICE_TRANSPORT_POLICY/)
    expect(errorFor({ TURN_URLS: turnUrls, TURN_SECRET: secret, TURN_CREDENTIAL_TTL_SECONDS: 'an hour' })).toThrow(/TURN_CREDENTIAL_TTL_SECONDS/)
  })
})
