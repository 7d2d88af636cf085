import type SimplePeerType from 'simple-peer'
import type { Socket } from 'socket.io-client'
import { LIVE_EVENTS, type SignalMessage } from './rooms'

type SimplePeerConstructor = typeof SimplePeerType
type Peer = SimplePeerType.Instance & { _pc?: RTCPeerConnection }
type Connection = { connectionId: string; peer: Peer; initiator: boolean }

export type MeshEvents = {
  onStream: (participantId: string, stream: MediaStream) => void
  onClosed: (participantId: string) => void
}

const RETRY_MS = 1500

let loading: Promise<SimplePeerConstructor> | undefined
/** simple-peer's prebuilt browser bundle (see app/routes/vendor.simple-peer[.]js.ts), loaded once. */
export function loadSimplePeer() {
  loading ??= new Promise((resolve, reject) => {
    const existing = (window as unknown as { SimplePeer?: SimplePeerConstructor }).SimplePeer
    if (existing) return resolve(existing)
    const script = document.createElement('script')
    script.src = '/vendor/simple-peer.js'
    script.onload = () => resolve((window as unknown as { SimplePeer: SimplePeerConstructor }).SimplePeer)
    script.onerror = () => {
      loading = undefined
      reject(new Error('could not load the WebRTC library'))
    }
    document.head.append(script)
  })
  return loading
}

/**
 * One simple-peer connection per other participant (a mesh of up to four). Exactly one side
 * initiates: the one who joined later. Connections are keyed by participant id and tagged with
 * a connection id, so signals of a replaced connection are dropped. simple-peer cannot restart
 * ICE: a failed connection is destroyed and the initiator opens a new one.
 */
export class PeerMesh {
  private connections = new Map<string, Connection>()
  private present = new Set<string>()
  private destroyed = false

  constructor(
    private readonly SimplePeer: SimplePeerConstructor,
    private readonly socket: Socket,
    private readonly roomId: string,
    private stream: MediaStream,
    private readonly config: RTCConfiguration,
    private readonly events: MeshEvents,
  ) {}

  /** We joined (or rejoined): open fresh connections to everyone already there. */
  connectToAll(participantIds: string[]) {
    for (const participantId of participantIds) {
      this.present.add(participantId)
      this.open(participantId, crypto.randomUUID(), true)
    }
  }

  /** Someone joined or rejoined: drop what we had with them and wait for their offer. */
  peerJoined(participantId: string) {
    this.present.add(participantId)
    this.close(participantId)
  }

  peerLeft(participantId: string) {
    this.present.delete(participantId)
    this.close(participantId)
    this.events.onClosed(participantId)
  }

  handleSignal({ from, connectionId, data }: SignalMessage) {
    const current = this.connections.get(from)
    if (current?.connectionId === connectionId) return current.peer.signal(data as SimplePeerType.SignalData)
    if ((data as { type?: string }).type !== 'offer') return
    this.present.add(from)
    this.open(from, connectionId, false).peer.signal(data as SimplePeerType.SignalData)
  }

  /** Swaps the outgoing camera (switch, screen share) on every connection without renegotiating. */
  replaceVideoTrack(next: MediaStreamTrack) {
    const previous = this.stream.getVideoTracks()[0]
    for (const { peer } of this.connections.values()) {
      if (previous) peer.replaceTrack(previous, next, this.stream)
    }
    if (previous) this.stream.removeTrack(previous)
    this.stream.addTrack(next)
  }

  peerConnections() {
    return [...this.connections.entries()].flatMap(([participantId, { peer }]) => (peer._pc ? [{ participantId, pc: peer._pc }] : []))
  }

  destroy() {
    this.destroyed = true
    for (const participantId of [...this.connections.keys()]) this.close(participantId)
  }

  private open(participantId: string, connectionId: string, initiator: boolean) {
    this.close(participantId)
    const peer = new this.SimplePeer({ initiator, stream: this.stream, config: this.config, trickle: true }) as Peer
    const connection = { connectionId, peer, initiator }
    this.connections.set(participantId, connection)
    peer.on('signal', (data) => this.socket.emit(LIVE_EVENTS.signal, { roomId: this.roomId, to: participantId, connectionId, data }))
    peer.on('stream', (stream: MediaStream) => this.events.onStream(participantId, stream))
    const lost = () => this.lost(participantId, connection)
    peer.on('close', lost)
    peer.on('error', lost)
    return connection
  }

  private lost(participantId: string, connection: Connection) {
    if (this.connections.get(participantId) !== connection) return
    this.connections.delete(participantId)
    this.events.onClosed(participantId)
    if (!connection.initiator || this.destroyed) return
    setTimeout(() => {
      if (!this.destroyed && this.present.has(participantId) && !this.connections.has(participantId)) this.open(participantId, crypto.randomUUID(), true)
    }, RETRY_MS)
  }

  private close(participantId: string) {
    const connection = this.connections.get(participantId)
    if (!connection) return
    this.connections.delete(participantId)
    connection.peer.removeAllListeners()
    connection.peer.on('error', () => {}) // a late error of a connection we dropped is of no interest
    connection.peer.destroy()
  }
}
