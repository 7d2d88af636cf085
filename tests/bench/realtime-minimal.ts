import fs from 'node:fs'
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { createRequire } from 'node:module'
import path from 'node:path'
import { Server } from 'socket.io'

/**
 * The baseline of the join -> first frame figure: the least a simple-peer call can do. A static
 * page (simple-peer's prebuilt bundle, socket.io's client bundle) and a socket.io signaling
 * server, on 127.0.0.1 so that getUserMedia is allowed. Like the app's call: the camera is
 * opened before Join (same constraints), the socket is connected on load, the newcomer
 * initiates to everyone already in the room, trickle ICE, no ICE servers (the app's default),
 * and a remote video is `.video-tile[data-participant] video`, so one probe times both.
 */
const require = createRequire(import.meta.url)
const files: Record<string, string> = {
  '/simplepeer.min.js': path.join(path.dirname(require.resolve('simple-peer/package.json')), 'simplepeer.min.js'),
  '/socket.io.min.js': path.join(path.dirname(require.resolve('socket.io-client/package.json')), 'dist/socket.io.min.js'),
}

const page = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>minimal simple-peer call</title>
<script src="/socket.io.min.js"></script><script src="/simplepeer.min.js"></script></head>
<body><button id="join" type="button" disabled>Join</button><div id="videos"></div>
<script>
const room = new URLSearchParams(location.search).get('room')
const self = crypto.randomUUID()
const config = { iceServers: [], iceTransportPolicy: 'all' }
const socket = io()
const peers = new Map()
let stream = null
const join = document.getElementById('join')
const ready = () => { if (stream && socket.connected) join.disabled = false }
function open(id, initiator) {
  const peer = new SimplePeer({ initiator, stream, config, trickle: true })
  peers.set(id, peer)
  peer.on('signal', (data) => socket.emit('signal', { to: id, data }))
  peer.on('stream', (remote) => {
    const figure = document.createElement('figure')
    figure.className = 'video-tile'
    figure.dataset.participant = id
    const video = document.createElement('video')
    video.autoplay = true
    video.playsInline = true
    video.srcObject = remote
    figure.append(video)
    document.getElementById('videos').append(figure)
  })
  peer.on('error', (error) => console.error('peer', error))
  return peer
}
socket.on('connect', ready)
socket.on('signal', ({ from, data }) => {
  const peer = peers.get(from) || (data.type === 'offer' ? open(from, false) : null)
  if (peer) peer.signal(data)
})
navigator.mediaDevices
  .getUserMedia({ video: { facingMode: { ideal: 'user' }, width: { ideal: 1280 }, height: { ideal: 720 } }, audio: { echoCancellation: true, noiseSuppression: true } })
  .then((media) => { stream = media; ready() })
join.addEventListener('click', () => {
  join.disabled = true
  socket.emit('join', { room, id: self }, ({ peers: others }) => {
    for (const other of others) open(other, true)
    document.documentElement.dataset.joined = 'yes'
  })
})
</script></body></html>`

export async function startMinimalCallServer() {
  const httpServer = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1')
    const file = files[url.pathname]
    if (file) {
      response.writeHead(200, { 'content-type': 'text/javascript; charset=utf-8', 'cache-control': 'public, max-age=86400' })
      return void fs.createReadStream(file).pipe(response)
    }
    if (url.pathname === '/') {
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' })
      return void response.end(page)
    }
    response.writeHead(404).end()
  })
  const io = new Server(httpServer, { serveClient: false })
  io.on('connection', (socket) => {
    socket.on('join', async ({ room, id }: { room: string; id: string }, ack: (reply: { peers: string[] }) => void) => {
      const members = await io.in(`room:${room}`).fetchSockets()
      socket.data = { id, room }
      await socket.join([`room:${room}`, `peer:${id}`])
      ack({ peers: members.map((member) => (member.data as { id: string }).id).filter((other) => other !== id) })
    })
    socket.on('signal', ({ to, data }: { to: string; data: unknown }) => {
      socket.to(`peer:${to}`).emit('signal', { from: socket.data.id, data })
    })
  })
  await new Promise<void>((resolve) => httpServer.listen(0, '127.0.0.1', resolve))
  return {
    baseUrl: `http://127.0.0.1:${(httpServer.address() as AddressInfo).port}`,
    stop: async () => {
      await io.close()
      httpServer.closeAllConnections()
    },
  }
}
