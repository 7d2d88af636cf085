import { useCallback, useEffect, useRef, useState, type ReactNode } from 'react'
import type { Socket } from 'socket.io-client'
import { useSocket } from '~/components/realtime'
import { useMessages } from '~/i18n/use-t'
import { liveMessages } from '../messages'
import { PeerMesh, loadSimplePeer } from '../peer-mesh'
import { LIVE_EVENTS, type Participant, type SignalMessage } from '../rooms'
import { useConnectionStats } from '../use-connection-stats'
import { useAudioLevel, useLocalMedia } from '../use-local-media'
import { VideoTile } from './video-tile'

type Remote = Participant & { stream?: MediaStream }
type JoinReply = { ok: true; self: Participant; peers: Participant[]; ice: RTCConfiguration } | { ok: false; error: string }
type Phase = 'prejoin' | 'joining' | 'call'

/** What a tool inside the call (snapshots, annotation, recording) gets to work with. */
export type CallTools = {
  roomId: string
  socket: Socket
  /** The call's section: remote videos are `.video-tile[data-participant] video`, ours is `.video-tile--local video`. */
  container: HTMLElement | null
  participants: Array<{ participantId: string; name: string }>
}

const byId = (participants: Participant[]) => Object.fromEntries(participants.map((participant) => [participant.participantId, participant]))

/**
 * A video call for up to four people, reusable by any module: it knows a room id and asks the
 * server (which asks the owning module) whether this user may join. Pre-join shows the camera,
 * the microphone level and the device choice; the call itself is a simple-peer mesh signalled
 * over the page's socket.io connection.
 */
export function LiveCall({ roomId, selfName, tools }: { roomId: string; selfName: string; tools?: (call: CallTools) => ReactNode }) {
  const t = useMessages(liveMessages)
  const socket = useSocket()
  const media = useLocalMedia()
  const micLevel = useAudioLevel(media.stream)
  const [participantId] = useState(() => (typeof crypto !== 'undefined' && 'randomUUID' in crypto ? crypto.randomUUID() : ''))
  const [phase, setPhase] = useState<Phase>('prejoin')
  const [error, setError] = useState<string | null>(null)
  const [remotes, setRemotes] = useState<Record<string, Remote>>({})
  const [muted, setMuted] = useState(false)
  const [videoOff, setVideoOff] = useState(false)
  const [sharing, setSharing] = useState(false)
  const [lowBandwidth, setLowBandwidth] = useState(false)
  const [signalingUp, setSignalingUp] = useState(true)
  const mesh = useRef<PeerMesh | null>(null)
  const section = useRef<HTMLElement>(null)
  const connections = useCallback(() => mesh.current?.peerConnections() ?? [], [])
  const stats = useConnectionStats(connections, phase === 'call')

  const enterCall = useCallback(
    async (reply: Extract<JoinReply, { ok: true }>) => {
      const SimplePeer = await loadSimplePeer()
      mesh.current ??= new PeerMesh(SimplePeer, socket!, roomId, media.stream!, reply.ice, {
        onStream: (id, stream) => setRemotes((current) => (current[id] ? { ...current, [id]: { ...current[id], stream } } : current)),
        onClosed: (id) => setRemotes((current) => (current[id] ? { ...current, [id]: { ...current[id], stream: undefined } } : current)),
      })
      setRemotes(byId(reply.peers))
      mesh.current.connectToAll(reply.peers.map((peer) => peer.participantId))
      setPhase('call')
    },
    [socket, roomId, media.stream],
  )

  const requestJoin = useCallback(async () => {
    if (!socket) return { ok: false, error: 'generic' } as const
    try {
      return (await socket.timeout(20_000).emitWithAck(LIVE_EVENTS.join, { roomId, participantId, muted, videoOff })) as JoinReply
    } catch {
      return { ok: false, error: 'generic' } as const
    }
  }, [socket, roomId, participantId, muted, videoOff])

  const join = async () => {
    if (!media.stream) return
    setError(null)
    setPhase('joining')
    const reply = await requestJoin()
    if (!reply.ok) {
      setPhase('prejoin')
      return setError(reply.error === 'full' ? t('error.full') : reply.error === 'forbidden' ? t('error.forbidden') : t('error.generic'))
    }
    await enterCall(reply)
  }

  const leave = useCallback(() => {
    socket?.emit(LIVE_EVENTS.leave, { roomId })
    mesh.current?.destroy()
    mesh.current = null
    setRemotes({})
    setSharing(false)
    setPhase('prejoin')
  }, [socket, roomId])

  // While in the call: relay signals, follow who comes and goes, and rejoin after the socket reconnects.
  useEffect(() => {
    if (!socket || phase !== 'call') return
    const onJoined = (peer: Participant) => {
      mesh.current?.peerJoined(peer.participantId)
      setRemotes((current) => ({ ...current, [peer.participantId]: peer }))
    }
    const onLeft = ({ participantId: id }: { participantId: string }) => {
      mesh.current?.peerLeft(id)
      setRemotes(({ [id]: _gone, ...rest }) => rest)
    }
    const onSignal = (message: SignalMessage) => mesh.current?.handleSignal(message)
    const onState = (peer: Participant) => setRemotes((current) => (current[peer.participantId] ? { ...current, [peer.participantId]: { ...current[peer.participantId], ...peer } } : current))
    const onDisconnect = () => setSignalingUp(false)
    const onReconnect = async () => {
      setSignalingUp(true)
      const reply = await requestJoin()
      if (reply.ok) await enterCall(reply)
      else leave()
    }
    socket.on(LIVE_EVENTS.peerJoined, onJoined)
    socket.on(LIVE_EVENTS.peerLeft, onLeft)
    socket.on(LIVE_EVENTS.signal, onSignal)
    socket.on(LIVE_EVENTS.peerState, onState)
    socket.on('disconnect', onDisconnect)
    socket.on('connect', onReconnect)
    return () => {
      socket.off(LIVE_EVENTS.peerJoined, onJoined)
      socket.off(LIVE_EVENTS.peerLeft, onLeft)
      socket.off(LIVE_EVENTS.signal, onSignal)
      socket.off(LIVE_EVENTS.peerState, onState)
      socket.off('disconnect', onDisconnect)
      socket.off('connect', onReconnect)
    }
  }, [socket, phase, requestJoin, enterCall, leave])

  // Leaving the page leaves the call.
  useEffect(() => () => leave(), [leave])

  const toggleMute = () => {
    const next = !muted
    media.stream?.getAudioTracks().forEach((track) => (track.enabled = !next))
    setMuted(next)
    if (phase === 'call') socket?.emit(LIVE_EVENTS.state, { roomId, muted: next, videoOff })
  }
  const setOutgoingVideo = (off: boolean) => {
    media.stream?.getVideoTracks().forEach((track) => (track.enabled = !off))
    setVideoOff(off)
    if (phase === 'call') socket?.emit(LIVE_EVENTS.state, { roomId, muted, videoOff: off })
  }
  const toggleVideo = () => setOutgoingVideo(!videoOff)
  // Low bandwidth: our video stops (a disabled track sends almost nothing); audio, chat and snapshots go on.
  const toggleLowBandwidth = () => {
    setLowBandwidth(!lowBandwidth)
    setOutgoingVideo(!lowBandwidth)
  }
  const poorLink = Object.values(stats).some((link) => link.quality === 'poor')
  const sendVideoTrack = (track: MediaStreamTrack) => {
    const old = media.stream?.getVideoTracks()[0]
    if (mesh.current) mesh.current.replaceVideoTrack(track)
    else if (media.stream) {
      if (old) media.stream.removeTrack(old)
      media.stream.addTrack(track)
    }
    old?.stop()
  }
  const switchCamera = async () => {
    const cameras = media.devices.cameras
    const currentId = media.stream?.getVideoTracks()[0]?.getSettings().deviceId
    const next = cameras[(cameras.findIndex((camera) => camera.deviceId === currentId) + 1) % cameras.length]
    if (!next) return
    const fresh = await navigator.mediaDevices.getUserMedia({ video: { deviceId: { exact: next.deviceId } } }).catch(() => null)
    if (fresh) sendVideoTrack(fresh.getVideoTracks()[0])
  }
  const backToCamera = async () => {
    const camera = await navigator.mediaDevices.getUserMedia({ video: true }).catch(() => null)
    if (camera) sendVideoTrack(camera.getVideoTracks()[0])
    setSharing(false)
  }
  const toggleScreenShare = async () => {
    if (sharing) return backToCamera()
    const screen = await navigator.mediaDevices.getDisplayMedia({ video: true }).catch(() => null)
    if (!screen) return
    const track = screen.getVideoTracks()[0]
    // The browser's own "stop sharing" bar ends the track.
    track.addEventListener('ended', () => void backToCamera())
    sendVideoTrack(track)
    setSharing(true)
  }
  const canShareScreen = typeof navigator !== 'undefined' && Boolean(navigator.mediaDevices?.getDisplayMedia) && !matchMedia('(pointer: coarse)').matches
  const people = Object.values(remotes)

  return (
    <section className="card live-call" aria-labelledby="live-call-title" ref={section}>
      <h2 id="live-call-title">{t('title')}</h2>
      {error ? <p className="notice notice--error" role="alert">{error}</p> : null}
      {media.error ? <p className="notice notice--error" role="alert">{t('error.media', { reason: media.error })}</p> : null}
      {!signalingUp ? <p className="notice notice--warning" role="status">{t('reconnecting')}</p> : null}

      {phase !== 'call' ? (
        <div className="prejoin">
          <VideoTile stream={media.stream} name={t('you')} local muted={muted} videoOff={videoOff} />
          <div className="prejoin__controls">
            <p className="muted small">{t('prejoin')}</p>
            <div className="field">
              <label htmlFor="camera-choice">{t('camera')}</label>
              <select id="camera-choice" onChange={(event) => void media.open(event.target.value, media.stream?.getAudioTracks()[0]?.getSettings().deviceId)}>
                {media.devices.cameras.map((camera, index) => (
                  <option key={camera.deviceId || index} value={camera.deviceId}>{camera.label || `${t('camera')} ${index + 1}`}</option>
                ))}
              </select>
            </div>
            <div className="field">
              <label htmlFor="microphone-choice">{t('microphone')}</label>
              <select id="microphone-choice" onChange={(event) => void media.open(media.stream?.getVideoTracks()[0]?.getSettings().deviceId, event.target.value)}>
                {media.devices.microphones.map((microphone, index) => (
                  <option key={microphone.deviceId || index} value={microphone.deviceId}>{microphone.label || `${t('microphone')} ${index + 1}`}</option>
                ))}
              </select>
            </div>
            <label className="small" htmlFor="mic-level">{t('micLevel')}</label>
            <meter id="mic-level" className="mic-meter" min={0} max={1} value={micLevel} />
            <div className="button-row">
              <button type="button" className="button" onClick={() => void join()} disabled={!media.stream || phase === 'joining' || !socket}>
                {phase === 'joining' ? t('joining') : t('join')}
              </button>
            </div>
          </div>
        </div>
      ) : (
        <>
          <div className="video-grid" data-count={people.length + 1}>
            {people.map((peer) => (
              <VideoTile key={peer.participantId} participantId={peer.participantId} stream={peer.stream} name={peer.name} muted={peer.muted} videoOff={peer.videoOff} stats={stats[peer.participantId]} />
            ))}
            <VideoTile stream={media.stream} name={`${selfName} (${t('you')})`} local muted={muted} videoOff={videoOff} />
          </div>
          {people.length === 0 ? <p className="muted">{t('waiting')}</p> : null}
          {poorLink && !lowBandwidth ? <p className="notice notice--warning" role="status">{t('lowBandwidthHint')}</p> : null}
          <div className="call-controls" role="toolbar" aria-label={t('title')}>
            <button type="button" className="button button--ghost" aria-pressed={muted} onClick={toggleMute}>{muted ? t('unmute') : t('mute')}</button>
            <button type="button" className="button button--ghost" aria-pressed={videoOff} onClick={toggleVideo} disabled={lowBandwidth}>{videoOff ? t('videoOn') : t('videoOff')}</button>
            <button type="button" className="button button--ghost" aria-pressed={lowBandwidth} onClick={toggleLowBandwidth}>{t('lowBandwidth')}</button>
            {media.devices.cameras.length > 1 ? <button type="button" className="button button--ghost" onClick={() => void switchCamera()}>{t('switchCamera')}</button> : null}
            {canShareScreen ? (
              <button type="button" className="button button--ghost" aria-pressed={sharing} onClick={() => void toggleScreenShare()}>{sharing ? t('stopSharing') : t('shareScreen')}</button>
            ) : null}
            <button type="button" className="button button--danger" onClick={leave}>{t('leave')}</button>
          </div>
          <p className="small muted">{t('participants', { count: people.length + 1 })}: {[selfName, ...people.map((peer) => peer.name)].join(' · ')}</p>
          {tools && socket ? tools({ roomId, socket, container: section.current, participants: people.map(({ participantId: id, name }) => ({ participantId: id, name })) }) : null}
        </>
      )}
    </section>
  )
}
