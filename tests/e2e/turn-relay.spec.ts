import { expect, test, type Page } from './fixtures'
import { buildIceConfig, turnCredential, type IceConfig } from '../../app/modules/live/ice.server'
import { startCoturn, type RunningCoturn } from '../setup/coturn'

let coturn: RunningCoturn

test.beforeAll(async () => {
  test.setTimeout(180_000) // a fresh machine installs coturn first
  coturn = await startCoturn()
})

test.afterAll(async () => {
  await coturn?.stop()
})

const relayOnly = (turnUrls: string[]) =>
  buildIceConfig({ stunUrls: [], turnUrls, turnSecret: coturn.secret, ttlSeconds: 600, iceTransportPolicy: 'relay' }, { userId: 'e2e-tech' })

type CallResult = {
  outcome: 'connected' | 'failed' | 'no candidates' | 'gave up'
  candidateTypes: string[]
  candidateErrors: number[]
  pair?: { local: string; remote: string; localAddress: string; relayProtocol: string }
  echo?: string
  framesDecoded?: number
}

/**
 * Two RTCPeerConnections in one page, signalled in-page, each carrying a data channel and a canvas
 * video track. Resolves on `connected` (then measures), on `failed`, when neither side gathered a
 * candidate, or after `giveUpMs`.
 */
function call(page: Page, config: IceConfig, giveUpMs: number) {
  return page.evaluate(
    async ({ config, giveUpMs }): Promise<CallResult> => {
      const a = new RTCPeerConnection(config)
      const b = new RTCPeerConnection(config)
      const candidateTypes: string[] = []
      const candidateErrors: number[] = []
      const remoteDescriptionSet = new Map<RTCPeerConnection, Promise<void>>()
      const remoteDescriptionReady = new Map<RTCPeerConnection, () => void>()
      for (const pc of [a, b]) remoteDescriptionSet.set(pc, new Promise((resolve) => remoteDescriptionReady.set(pc, resolve)))
      for (const [pc, other] of [[a, b], [b, a]]) {
        pc.addEventListener('icecandidate', ({ candidate }) => {
          if (!candidate) return
          candidateTypes.push(candidate.type ?? 'unknown')
          void remoteDescriptionSet.get(other)!.then(() => other.addIceCandidate(candidate))
        })
        pc.addEventListener('icecandidateerror', (event) => candidateErrors.push((event as RTCPeerConnectionIceErrorEvent).errorCode))
      }

      const canvas = Object.assign(document.createElement('canvas'), { width: 160, height: 120 })
      const context = canvas.getContext('2d')!
      let hue = 0
      const paint = setInterval(() => {
        context.fillStyle = `hsl(${(hue += 12) % 360} 80% 50%)`
        context.fillRect(0, 0, canvas.width, canvas.height)
      }, 33)
      const stream = canvas.captureStream(30)
      a.addTrack(stream.getVideoTracks()[0], stream)
      const video = Object.assign(document.createElement('video'), { muted: true, autoplay: true, playsInline: true })
      document.body.append(video)
      b.addEventListener('track', ({ streams }) => (video.srcObject = streams[0]))
      const channel = a.createDataChannel('probe')
      b.addEventListener('datachannel', ({ channel: echo }) => echo.addEventListener('message', ({ data }) => echo.send(`echo:${data}`)))

      const settled = new Promise<CallResult['outcome']>((resolve) => {
        const timer = setTimeout(() => resolve('gave up'), giveUpMs)
        const settle = (outcome: CallResult['outcome']) => (clearTimeout(timer), resolve(outcome))
        a.addEventListener('connectionstatechange', () => {
          if (a.connectionState === 'connected' || a.connectionState === 'failed') settle(a.connectionState)
        })
        // Relay-only and no relay candidate on either side once gathering is over: nothing can ever connect.
        for (const pc of [a, b]) {
          pc.addEventListener('icegatheringstatechange', () => {
            if ([a, b].every((each) => each.iceGatheringState === 'complete') && candidateTypes.length === 0) settle('no candidates')
          })
        }
      })
      await a.setLocalDescription(await a.createOffer())
      await b.setRemoteDescription(a.localDescription!)
      remoteDescriptionReady.get(b)!()
      await b.setLocalDescription(await b.createAnswer())
      await a.setRemoteDescription(b.localDescription!)
      remoteDescriptionReady.get(a)!()

      const outcome = await settled
      const result: CallResult = { outcome, candidateTypes, candidateErrors }
      if (outcome === 'connected') {
        const deadline = Date.now() + 10_000
        if (channel.readyState !== 'open') await new Promise((resolve) => channel.addEventListener('open', resolve, { once: true }))
        const echoed = new Promise<string>((resolve) => channel.addEventListener('message', ({ data }) => resolve(String(data)), { once: true }))
        channel.send('ping')
        result.echo = await echoed

        const stats = await a.getStats()
        const transport = [...stats.values()].find((report) => report.type === 'transport')
        const pair = stats.get(transport.selectedCandidatePairId)
        const local = stats.get(pair.localCandidateId)
        const remote = stats.get(pair.remoteCandidateId)
        result.pair = { local: local.candidateType, remote: remote.candidateType, localAddress: local.address, relayProtocol: local.relayProtocol }

        const framesDecoded = async () =>
          [...(await b.getStats()).values()].find((report) => report.type === 'inbound-rtp' && report.kind === 'video')?.framesDecoded ?? 0
        while ((result.framesDecoded = await framesDecoded()) < 5 && Date.now() < deadline) {
          await new Promise((resolve) => requestAnimationFrame(resolve))
        }
      }
      clearInterval(paint)
      a.close()
      b.close()
      video.remove()
      return result
    },
    { config, giveUpMs },
  )
}

for (const transport of ['udp', 'tcp'] as const) {
  test(`a relay-only call through coturn (client to TURN over ${transport}) connects on a relay/relay pair and carries data and video`, async ({ page }) => {
    await page.goto('/login')
    const urls = coturn.urls.filter((url) => url.endsWith(`transport=${transport}`))
    const result = await call(page, relayOnly(urls), 20_000)

    expect(result.outcome).toBe('connected')
    expect(new Set(result.candidateTypes)).toEqual(new Set(['relay']))
    expect(result.pair).toEqual({ local: 'relay', remote: 'relay', localAddress: '127.0.0.1', relayProtocol: transport })
    expect(result.echo).toBe('echo:ping')
    expect(result.framesDecoded).toBeGreaterThanOrEqual(5)
  })
}

test('coturn refuses a wrong and an expired credential: no relay candidate, the call never connects', async ({ page }) => {
  await page.goto('/login')
  const good = relayOnly(coturn.urls)
  const wrongSecret = turnCredential({ secret: 'not-the-secret', userId: 'e2e-tech', ttlSeconds: 600 })
  const expired = turnCredential({ secret: coturn.secret, userId: 'e2e-tech', ttlSeconds: 600, now: new Date(Date.now() - 3_600_000) })

  for (const { username, credential } of [wrongSecret, expired]) {
    const config: IceConfig = { ...good, iceServers: [{ urls: coturn.urls, username, credential }] }
    const result = await call(page, config, 15_000)
    expect(result).toMatchObject({ outcome: 'no candidates', candidateTypes: [] })
    expect(result.candidateErrors).toContain(401)
  }
})
