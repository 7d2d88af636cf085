/**
 * npm run bench:realtime — the live call and the request chat, each next to a baseline measured
 * in the same run:
 * - join -> first decoded remote frame (two Chromium contexts, fake camera, loopback): the app's
 *   request page vs a minimal simple-peer page (tests/bench/realtime-minimal.ts). Timed inside
 *   the joining page, from the Join click to the remote <video> having a decoded frame
 *   (readyState >= HAVE_CURRENT_DATA and videoWidth > 0). BENCH_CALL_RUNS (default 5) runs
 *   each, after one warm-up run each, alternating app and minimal.
 * - chat: BENCH_ROOMS (default 50) requests, each watched by 4 sockets (technician, station
 *   manager, expert, admin: 200 sockets); a message is sent the way the request page sends text
 *   while its socket is up (`assistance:message` emitted on the sender's socket, acknowledged once
 *   committed) and timed until the committed message's `assistance:message` reaches each of the
 *   other 3 watchers. The page's fallback, a POST like its form's (files, no socket), is timed the
 *   same way for reference. The baseline is a plain socket.io server (its own process)
 *   broadcasting a client's emit to a 4-socket room; a second baseline, the same server inserting
 *   each message into the app's PostgreSQL before the broadcast, is the floor of any chat that
 *   stores a message before anyone sees it.
 *   BENCH_MESSAGES (default 200) messages on each path, one every BENCH_INTERVAL_MS (default 100:
 *   a message per room every 5 s, a latency test below the app's capacity), after one unmeasured
 *   message per room; the four paths take turns in BENCH_CHAT_ROUNDS (default 4) blocks.
 * - memory per connected socket: VmRSS of the server process before and after connecting the
 *   200 watching sockets, then BENCH_EXTRA_SOCKETS (default 4800) more (RSS moves by tens of MB with
 *   garbage collection: the larger count is the figure); the same for the plain server.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import os from 'node:os'
import { performance } from 'node:perf_hooks'
import { chromium, type Browser, type BrowserContext, type Page } from '@playwright/test'
import { io as connect, type Socket } from 'socket.io-client'
import { chromiumArgs } from '../../playwright.config'
import { startServices } from '../../app/runtime/services.server'
import { freshDataDir, ms, percentile, writeResults } from './bench-utils'
import { claimedRequest, cpuMs, postMessage, settledRss, signIn, startAppServer, stopChild, type ChildServer } from './realtime-app'
import { startMinimalCallServer } from './realtime-minimal'

const callRuns = Number(process.env.BENCH_CALL_RUNS ?? 5)
const roomCount = Number(process.env.BENCH_ROOMS ?? 50)
const messageCount = Number(process.env.BENCH_MESSAGES ?? 200)
const intervalMs = Number(process.env.BENCH_INTERVAL_MS ?? 100)
const chatRounds = Number(process.env.BENCH_CHAT_ROUNDS ?? 4)
const extraSockets = Number(process.env.BENCH_EXTRA_SOCKETS ?? 4800)
const port = Number(process.env.BENCH_PORT ?? 3292)
const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/lib/chromium/chromium'

// Everything started is stopped in reverse order, also on Ctrl-C.
const cleanups: Array<() => Promise<unknown> | unknown> = []
let cleaning: Promise<void> | undefined
const cleanUp = () =>
  (cleaning ??= (async () => {
    for (const step of cleanups.reverse()) await Promise.resolve().then(step).catch((error) => console.error('cleanup:', error))
  })())
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => void cleanUp().then(() => process.exit(130)))
// Bounded: whatever hangs, everything is stopped after BENCH_DEADLINE_MINUTES (default 12).
const deadline = setTimeout(() => {
  console.error('bench:realtime: deadline reached, stopping everything')
  void cleanUp().then(() => process.exit(1))
}, Number(process.env.BENCH_DEADLINE_MINUTES ?? 12) * 60_000)
deadline.unref()

const sleep = (millis: number) => new Promise((resolve) => setTimeout(resolve, millis))
const median = (values: number[]) => percentile(values, 50)
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`

// ---------------------------------------------------------------------------------------------
// join -> first frame

type Marks = { click?: number; tile?: number; stream?: number; frame?: number }
type Wire = { t: number; dir: 'in' | 'out' | 'pc'; head: string }
type CallRun = {
  firstFrameMs: number
  /**
   * From the click: the join emitted and answered, the remote tile shown, our offer sent, the
   * answer and the first remote ICE candidate received, the remote stream attached, ICE and
   * DTLS connected, the first frame.
   */
  steps: Record<
    'joinSent' | 'joinAcked' | 'tileShown' | 'offerSent' | 'answerReceived' | 'firstCandidateIn' | 'streamAttached' | 'iceConnected' | 'connected' | 'firstFrame',
    number | null
  >
}

/**
 * Records every WebSocket frame of the page (socket.io upgrades to WebSocket at once) and the
 * state changes of its RTCPeerConnections (simple-peer constructs `window.RTCPeerConnection`) with their times.
 */
const wireTap = () => {
  const log: Array<{ t: number; dir: 'in' | 'out' | 'pc'; head: string }> = []
  ;(window as unknown as { __wire: typeof log }).__wire = log
  const Original = window.WebSocket
  window.WebSocket = class extends Original {
    constructor(...args: ConstructorParameters<typeof WebSocket>) {
      super(...args)
      this.addEventListener('message', (event) => log.push({ t: performance.now(), dir: 'in', head: typeof event.data === 'string' ? event.data.slice(0, 200) : '' }))
    }
    send(data: string | ArrayBufferLike | Blob | ArrayBufferView) {
      log.push({ t: performance.now(), dir: 'out', head: typeof data === 'string' ? data.slice(0, 200) : '' })
      super.send(data)
    }
  }
  const Connection = window.RTCPeerConnection
  window.RTCPeerConnection = class extends Connection {
    constructor(...args: ConstructorParameters<typeof RTCPeerConnection>) {
      super(...args)
      this.addEventListener('iceconnectionstatechange', () => log.push({ t: performance.now(), dir: 'pc', head: `ice:${this.iceConnectionState}` }))
      this.addEventListener('connectionstatechange', () => log.push({ t: performance.now(), dir: 'pc', head: `connection:${this.connectionState}` }))
    }
  }
}

/** Installed in the joining page before the click: notes the click and polls the first remote video. */
const probe = () => {
  const marks: Marks = {}
  ;(window as unknown as { __marks: Marks }).__marks = marks
  document.addEventListener('click', () => (marks.click ??= performance.now()), { capture: true })
  const timer = setInterval(() => {
    if (marks.click === undefined) return
    const now = performance.now()
    const video = document.querySelector<HTMLVideoElement>('.video-tile[data-participant] video')
    if (!video) return
    marks.tile ??= now
    if (video.srcObject) marks.stream ??= now
    if (video.readyState >= 2 && video.videoWidth > 0) {
      marks.frame = now
      clearInterval(timer)
    }
  }, 2)
}

async function timeJoin(page: Page, clickJoin: () => Promise<void>): Promise<CallRun> {
  await page.evaluate(probe)
  await clickJoin()
  await page.waitForFunction(() => (window as unknown as { __marks: Marks }).__marks.frame !== undefined, undefined, { timeout: 30_000, polling: 50 })
  const { marks, wire } = await page.evaluate(() => ({
    marks: (window as unknown as { __marks: Marks }).__marks,
    wire: (window as unknown as { __wire: Wire[] }).__wire,
  }))
  const click = marks.click!
  const after = wire.filter((frame) => frame.t >= click)
  const at = (found: Wire | undefined) => (found ? found.t - click : null)
  const joinSent = after.find((frame) => frame.dir === 'out' && /^42\d*\["(live:)?join"/.test(frame.head))
  const ackId = joinSent && /^42(\d+)/.exec(joinSent.head)?.[1]
  const joinAcked = joinSent && after.find((frame) => frame.dir === 'in' && frame.t >= joinSent.t && (ackId ? frame.head.startsWith(`43${ackId}[`) : frame.head.startsWith('43')))
  return {
    firstFrameMs: marks.frame! - click,
    steps: {
      joinSent: at(joinSent),
      joinAcked: at(joinAcked),
      tileShown: marks.tile! - click,
      offerSent: at(after.find((frame) => frame.dir === 'out' && frame.head.includes('"type":"offer"'))),
      answerReceived: at(after.find((frame) => frame.dir === 'in' && frame.head.includes('"type":"answer"'))),
      firstCandidateIn: at(after.find((frame) => frame.dir === 'in' && frame.head.includes('"candidate"'))),
      streamAttached: marks.stream! - click,
      iceConnected: at(after.find((frame) => frame.dir === 'pc' && /^ice:(connected|completed)/.test(frame.head))),
      connected: at(after.find((frame) => frame.dir === 'pc' && frame.head === 'connection:connected')),
      firstFrame: marks.frame! - click,
    },
  }
}

async function participantContext(browser: Browser, baseUrl?: string, cookie?: string) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, permissions: ['camera', 'microphone'] })
  await context.addInitScript(wireTap)
  if (baseUrl && cookie) {
    const [name, ...value] = cookie.split('=')
    await context.addCookies([{ name, value: value.join('='), url: baseUrl }])
  }
  return context
}

/** Technician joins first; the expert's click is timed. A fresh request (and fresh pages) per run. */
async function appCallRun(app: ChildServer, cookies: Record<string, string>, tech: BrowserContext, expert: BrowserContext) {
  const id = await claimedRequest(app.baseUrl, { tech: cookies.tech, expert: cookies.expert })
  const pages = await Promise.all([tech.newPage(), expert.newPage()])
  try {
    for (const page of pages) {
      const response = await page.goto(`${app.baseUrl}/assistance/${id}`)
      if (response?.status() !== 200) throw new Error(`${page.url()}: ${response?.status()}`)
      await page.locator('html[data-realtime="connected"]').waitFor({ state: 'attached', timeout: 60_000 })
      await page.getByRole('button', { name: /^加入$|^Join$/ }).and(page.locator(':enabled')).waitFor({ timeout: 60_000 })
    }
    const [techPage, expertPage] = pages
    await techPage.getByRole('button', { name: /^加入$|^Join$/ }).click()
    await techPage.getByRole('button', { name: /^离开$|^Leave$/ }).waitFor({ timeout: 60_000 })
    return await timeJoin(expertPage, () => expertPage.getByRole('button', { name: /^加入$|^Join$/ }).click())
  } finally {
    await Promise.all(pages.map((page) => page.close()))
  }
}

async function minimalCallRun(baseUrl: string, first: BrowserContext, second: BrowserContext, run: number) {
  const pages = await Promise.all([first.newPage(), second.newPage()])
  try {
    for (const page of pages) {
      await page.goto(`${baseUrl}/?room=run-${run}`)
      await page.locator('#join:enabled').waitFor({ timeout: 60_000 })
    }
    const [firstPage, secondPage] = pages
    await firstPage.locator('#join').click()
    await firstPage.locator('html[data-joined="yes"]').waitFor({ state: 'attached', timeout: 60_000 })
    return await timeJoin(secondPage, () => secondPage.locator('#join').click())
  } finally {
    await Promise.all(pages.map((page) => page.close()))
  }
}

// ---------------------------------------------------------------------------------------------
// chat and memory

type Room = { id: string; sockets: Socket[] }
type SocketOptions = { cookie?: string }

function openSocket(url: string, { cookie }: SocketOptions) {
  const socket = connect(url, { transports: ['websocket'], forceNew: true, reconnection: false, extraHeaders: cookie ? { cookie } : {} })
  return new Promise<Socket>((resolve, reject) => {
    socket.once('connect', () => resolve(socket))
    socket.once('connect_error', (error) => reject(error))
  })
}

/** Connects and subscribes `count` sockets, `concurrency` at a time; `spec(i)` says with what. */
async function connectMany(count: number, spec: (i: number) => { url: string; cookie?: string; watch: [string, unknown] }, concurrency = 20) {
  const sockets: Socket[] = new Array(count)
  let next = 0
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < count) {
        const i = next++
        const { url, cookie, watch } = spec(i)
        const socket = await openSocket(url, { cookie })
        const reply = (await socket.timeout(10_000).emitWithAck(watch[0], watch[1])) as { ok: boolean; error?: string }
        if (!reply.ok) throw new Error(`${watch[0]} refused: ${reply.error}`)
        sockets[i] = socket
      }
    }),
  )
  return sockets
}

const closeAll = async (sockets: Socket[]) => {
  for (const socket of sockets) socket?.disconnect()
  await sleep(500)
}

type ChatResult = {
  latencies: number[]
  lost: number
  eventsReceived: number
  sendMs: number[]
  serverCpuMs: number
  seconds: number
}

type ChatPath = { name: string; rooms: Room[]; event: string; roomOf: (payload: unknown) => string; send: (room: Room, sender: number) => Promise<void>; serverPid: number }

/**
 * Times messages on one path: round-robin over the rooms, the sender alternating between the
 * room's sockets 0 and 2. A message's latency at each other socket of its room: from just before
 * sending to its event. One message per room is in flight at a time (the app's event names the
 * request, not the message).
 */
function chatMeter({ rooms, event, roomOf, send, serverPid }: ChatPath) {
  type Pending = { t0: number; waiting: Set<Socket>; record: boolean; done: () => void; finished: Promise<void> }
  const pending = new Map<string, Pending>()
  const result: ChatResult = { latencies: [], lost: 0, eventsReceived: 0, sendMs: [], serverCpuMs: 0, seconds: 0 }
  let recording = false
  let next = 0
  const listeners: Array<() => void> = []
  for (const room of rooms) {
    for (const socket of room.sockets) {
      const listener = (payload: unknown) => {
        const now = performance.now()
        if (recording) result.eventsReceived++
        const message = pending.get(roomOf(payload))
        if (!message || !message.waiting.delete(socket)) return
        if (message.record) result.latencies.push(now - message.t0)
        if (message.waiting.size === 0) message.done()
      }
      socket.on(event, listener)
      listeners.push(() => socket.off(event, listener))
    }
  }

  const one = async (room: Room, sender: number, record: boolean) => {
    while (pending.has(room.id)) await pending.get(room.id)!.finished
    let done!: () => void
    const finished = new Promise<void>((resolve) => (done = resolve))
    const message: Pending = { t0: performance.now(), waiting: new Set(room.sockets.filter((_, i) => i !== sender)), record, done, finished }
    pending.set(room.id, message)
    await send(room, sender)
    if (record) result.sendMs.push(performance.now() - message.t0)
    const timer = setTimeout(done, 10_000)
    await finished
    clearTimeout(timer)
    if (record) result.lost += message.waiting.size
    pending.delete(room.id)
  }

  return {
    /** One unmeasured message per room, one after the other. */
    async warmUp() {
      for (const room of rooms) await one(room, 0, false)
    },
    /** `count` measured messages, one every `intervalMs`; the server's CPU time over the block. */
    async block(count: number) {
      recording = true
      const cpuBefore = cpuMs(serverPid)
      const started = performance.now()
      const inFlight: Array<Promise<void>> = []
      for (let i = 0; i < count; i++, next++) {
        const wait = started + i * intervalMs - performance.now()
        if (wait > 0) await sleep(wait)
        inFlight.push(one(rooms[next % rooms.length], Math.floor(next / rooms.length) % 2 === 0 ? 0 : 2, true))
      }
      await Promise.all(inFlight)
      result.seconds += (performance.now() - started) / 1000
      result.serverCpuMs += cpuMs(serverPid) - cpuBefore
      recording = false
    },
    finish() {
      for (const off of listeners) off()
      return result
    },
  }
}

/**
 * `messageCount` messages on each path, the paths taking turns in `chatRounds` blocks: the
 * machine is shared, and a change in its load then falls on every path rather than on the one
 * that happened to run last.
 */
async function measureChats(paths: ChatPath[]) {
  const meters = paths.map(chatMeter)
  for (const [index, meter] of meters.entries()) {
    const started = performance.now()
    await meter.warmUp()
    console.log(`  warm-up ${paths[index].name}: ${paths[index].rooms.length} messages in ${((performance.now() - started) / 1000).toFixed(1)} s`)
  }
  await sleep(500)
  for (let round = 0; round < chatRounds; round++) {
    const count = Math.floor((messageCount * (round + 1)) / chatRounds) - Math.floor((messageCount * round) / chatRounds)
    for (const meter of meters) await meter.block(count)
    console.log(`  round ${round + 1} of ${chatRounds}: ${count} messages on each path`)
  }
  return meters.map((meter) => meter.finish())
}

type MemoryResult = { baseline: number; withChatSockets: number; withAll: number; perSocket: number; perSocketFirst: number }

/** RSS before, with the chat's sockets, and with `extraSockets` more; the extra ones are closed again. */
async function measureMemory(pid: number, baseline: number, connectExtra: () => Promise<Socket[]>, chatSockets: number): Promise<MemoryResult> {
  const withChatSockets = await settledRss(pid)
  const extra = await connectExtra()
  const withAll = await settledRss(pid)
  await closeAll(extra)
  return {
    baseline,
    withChatSockets,
    withAll,
    perSocket: (withAll - baseline) / (chatSockets + extraSockets),
    perSocketFirst: (withChatSockets - baseline) / chatSockets,
  }
}

/** The plain socket.io server; with `storeUrl`, its `chat-stored` event inserts each message there first. */
function startRawServer(storeUrl: string) {
  const child: ChildProcess = spawn('node', ['--import', 'tsx', 'tests/bench/realtime-raw-server.ts'], {
    env: { ...process.env, BENCH_STORE_URL: storeUrl },
    stdio: ['ignore', 'pipe', 'inherit'],
  })
  return new Promise<{ pid: number; url: string; stop: () => Promise<void> }>((resolve, reject) => {
    child.stdout!.on('data', (chunk: Buffer) => {
      const port = /listening on (\d+)/.exec(chunk.toString())?.[1]
      if (port) resolve({ pid: child.pid!, url: `http://127.0.0.1:${port}`, stop: () => stopChild(child, 5000) })
    })
    child.once('exit', (code) => reject(new Error(`raw socket.io server exited with ${code}`)))
  })
}

// ---------------------------------------------------------------------------------------------

const summary = (values: number[]) => ({ p50: percentile(values, 50), p95: percentile(values, 95), p99: percentile(values, 99), max: Math.max(...values) })

// Figures from a busy machine are worth less: the load average goes with them.
const loadAverages: Record<string, number> = {}
const noteLoad = (when: string) => (loadAverages[when] = Number(os.loadavg()[0].toFixed(2)))

try {
  noteLoad('start')
  const dataDir = freshDataDir('realtime')
  const app = await startAppServer(dataDir, port)
  cleanups.push(app.stop)
  const emails = { tech: 'tech@gtac.test', manager: 'manager@gtac.test', expert: 'expert@gtac.test', admin: 'admin@gtac.test' }
  const cookies: Record<string, string> = {}
  for (const [role, email] of Object.entries(emails)) cookies[role] = await signIn(app.baseUrl, email)

  // --- join -> first frame -------------------------------------------------------------------
  const minimal = await startMinimalCallServer()
  cleanups.push(minimal.stop)
  const browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs })
  cleanups.push(() => browser.close())
  const techContext = await participantContext(browser, app.baseUrl, cookies.tech)
  const expertContext = await participantContext(browser, app.baseUrl, cookies.expert)
  const minimalA = await participantContext(browser)
  const minimalB = await participantContext(browser)

  console.log(`Join -> first remote frame: 1 warm-up + ${callRuns} runs each, app and minimal page alternating…`)
  const appRuns: CallRun[] = []
  const minimalRuns: CallRun[] = []
  for (let run = 0; run <= callRuns; run++) {
    const appRun = await appCallRun(app, cookies, techContext, expertContext)
    const minimalRun = await minimalCallRun(minimal.baseUrl, minimalA, minimalB, run)
    console.log(`  ${run === 0 ? 'warm-up' : `run ${run}  `}  app ${ms(appRun.firstFrameMs).padStart(10)}   minimal ${ms(minimalRun.firstFrameMs).padStart(10)}`)
    if (run === 0) continue
    appRuns.push(appRun)
    minimalRuns.push(minimalRun)
  }
  await browser.close()
  await minimal.stop()
  noteLoad('afterCalls')

  // --- memory: the app ----------------------------------------------------------------------------
  const roles = ['tech', 'manager', 'expert', 'admin'] as const
  const systems = ['engine', 'transmission', 'ev'] // the systems expert@ answers
  console.log(`Creating ${roomCount} claimed requests…`)
  const requestIds: string[] = []
  for (let i = 0; i < roomCount; i++) requestIds.push(await claimedRequest(app.baseUrl, { tech: cookies.tech, expert: cookies.expert }, systems[i % systems.length]))

  const chatSockets = roomCount * roles.length
  const appBaseline = await settledRss(app.pid)
  console.log(`App: connecting ${chatSockets} sockets (${roles.join(', ')} on each request page's subscription)…`)
  const appSpec = (i: number) => ({ url: app.baseUrl, cookie: cookies[roles[i % roles.length]], watch: ['assistance:watch', { requestId: requestIds[Math.floor(i / roles.length) % roomCount] }] as [string, unknown] })
  const appSockets = await connectMany(chatSockets, appSpec)
  cleanups.push(() => closeAll(appSockets))
  const appMemory = await measureMemory(app.pid, appBaseline, () => connectMany(extraSockets, appSpec), chatSockets)
  const appRooms: Room[] = requestIds.map((id, r) => ({ id, sockets: appSockets.slice(r * roles.length, (r + 1) * roles.length) }))

  // --- memory: plain socket.io ---------------------------------------------------------------------
  // The app's own embedded PostgreSQL (this process reuses the instance the server runs).
  const services = await startServices(() => {})
  cleanups.push(services.stop)
  const raw = await startRawServer(services.databaseUrl)
  cleanups.push(raw.stop)
  await sleep(500)
  const rawBaseline = await settledRss(raw.pid)
  console.log(`Plain socket.io: connecting ${chatSockets} sockets…`)
  const rawSpec = (i: number) => ({ url: raw.url, watch: ['watch', { room: `room-${Math.floor(i / roles.length) % roomCount}` }] as [string, unknown] })
  const rawSockets = await connectMany(chatSockets, rawSpec)
  cleanups.push(() => closeAll(rawSockets))
  const rawMemory = await measureMemory(raw.pid, rawBaseline, () => connectMany(extraSockets, rawSpec), chatSockets)
  const rawRooms: Room[] = Array.from({ length: roomCount }, (_, r) => ({ id: `room-${r}`, sockets: rawSockets.slice(r * roles.length, (r + 1) * roles.length) }))

  // --- chat: the app's two ways and plain socket.io, taking turns ----------------------------------
  let sent = 0
  const appEvent = { event: 'assistance:message', roomOf: (payload: unknown) => (payload as { requestId: string }).requestId, serverPid: app.pid }
  console.log(`Chat: ${messageCount} messages on each path, one every ${intervalMs} ms, in ${chatRounds} rounds…`)
  const [appChat, appFormChat, rawChat, storedChat] = await measureChats([
    {
      name: 'app socket',
      rooms: appRooms,
      ...appEvent,
      send: async (room, sender) => {
        const reply = (await room.sockets[sender].timeout(30_000).emitWithAck('assistance:message', { requestId: room.id, body: `bench message ${++sent}` })) as { ok: boolean; error?: string }
        if (!reply.ok) throw new Error(`message to ${room.id} refused: ${reply.error}`)
      },
    },
    { name: 'app POST', rooms: appRooms, ...appEvent, send: (room, sender) => postMessage(app.baseUrl, cookies[roles[sender]], room.id, `bench message ${++sent}`) },
    {
      name: 'plain socket.io',
      rooms: rawRooms,
      event: 'chat',
      roomOf: (payload) => (payload as { room: string }).room,
      send: async (room, sender) => void room.sockets[sender].emit('chat', { room: room.id }),
      serverPid: raw.pid,
    },
    {
      name: 'plain socket.io + INSERT',
      rooms: rawRooms,
      event: 'chat-stored',
      roomOf: (payload) => (payload as { room: string }).room,
      send: async (room, sender) => void room.sockets[sender].emit('chat-stored', { room: room.id, body: `bench message ${++sent}` }),
      serverPid: raw.pid,
    },
  ])
  await closeAll(appSockets)
  await closeAll(rawSockets)
  await raw.stop()

  noteLoad('end')

  // --- report ------------------------------------------------------------------------------------
  const appFrame = median(appRuns.map((run) => run.firstFrameMs))
  const minimalFrame = median(minimalRuns.map((run) => run.firstFrameMs))
  const stepNames = Object.keys(appRuns[0].steps) as Array<keyof CallRun['steps']>
  const medianSteps = (runs: CallRun[]) =>
    Object.fromEntries(stepNames.map((step) => [step, median(runs.map((run) => run.steps[step]).filter((value): value is number => value !== null))]))
  const appSteps = medianSteps(appRuns)
  const minimalSteps = medianSteps(minimalRuns)
  const appLatency = summary(appChat.latencies)
  const appFormLatency = summary(appFormChat.latencies)
  const rawLatency = summary(rawChat.latencies)
  const storedLatency = summary(storedChat.latencies)

  console.log('')
  console.log(`Load average (1 min) at start / after the calls / end: ${Object.values(loadAverages).join(' / ')} on ${os.availableParallelism()} cores`)
  console.log(`Join -> first decoded remote frame, loopback, fake camera, median of ${callRuns} (ratio to the minimal simple-peer page)`)
  console.log(`  app request page    ${ms(appFrame).padStart(10)}   ×${(appFrame / minimalFrame).toFixed(2)}   runs: ${appRuns.map((run) => run.firstFrameMs.toFixed(0)).join(', ')} ms`)
  console.log(`  minimal simple-peer ${ms(minimalFrame).padStart(10)}   ×1.00   runs: ${minimalRuns.map((run) => run.firstFrameMs.toFixed(0)).join(', ')} ms`)
  console.log('  where the time goes (median ms after the click):  app / minimal')
  for (const step of stepNames) console.log(`    ${step.padEnd(16)} ${String(appSteps[step]?.toFixed(0)).padStart(6)} / ${String(minimalSteps[step]?.toFixed(0)).padStart(6)}`)
  console.log('')
  console.log(`Chat: ${chatSockets} sockets in ${roomCount} rooms, ${messageCount} messages at ${(1000 / intervalMs).toFixed(0)}/s, latency to each other watcher (${appChat.latencies.length} / ${rawChat.latencies.length} samples)`)
  console.log('                      p50          p95          p99          max          lost  events/msg   server CPU/msg')
  for (const [name, result, latency] of [
    ['app (emit -> event)', appChat, appLatency],
    ['app (POST -> event)', appFormChat, appFormLatency],
    ['plain socket.io', rawChat, rawLatency],
    ['plain + INSERT', storedChat, storedLatency],
  ] as const) {
    console.log(
      `  ${name.padEnd(20)}${ms(latency.p50).padEnd(13)}${ms(latency.p95).padEnd(13)}${ms(latency.p99).padEnd(13)}${ms(latency.max).padEnd(13)}` +
        `${String(result.lost).padEnd(6)}${(result.eventsReceived / messageCount).toFixed(1).padEnd(13)}${ms(result.serverCpuMs / messageCount)}`,
    )
  }
  console.log(`  ratio app (socket) / plain: p50 ×${(appLatency.p50 / rawLatency.p50).toFixed(2)}, p95 ×${(appLatency.p95 / rawLatency.p95).toFixed(2)}`)
  console.log(`  ratio app (socket) / plain + INSERT (the floor of a chat that stores before it broadcasts): p50 ×${(appLatency.p50 / storedLatency.p50).toFixed(2)}, p95 ×${(appLatency.p95 / storedLatency.p95).toFixed(2)}`)
  console.log(`  ratio app (POST) / plain: p50 ×${(appFormLatency.p50 / rawLatency.p50).toFixed(1)}, p95 ×${(appFormLatency.p95 / rawLatency.p95).toFixed(1)}`)
  console.log(`  app acknowledgement: p50 ${ms(percentile(appChat.sendMs, 50))}, p95 ${ms(percentile(appChat.sendMs, 95))}; POST response: p50 ${ms(percentile(appFormChat.sendMs, 50))}, p95 ${ms(percentile(appFormChat.sendMs, 95))}`)
  console.log('')
  console.log(`Memory (server VmRSS, settled): before, with ${chatSockets} sockets, with ${chatSockets + extraSockets}; per socket over all ${chatSockets + extraSockets} (over the first ${chatSockets})`)
  for (const [name, memory] of [
    ['app', appMemory],
    ['plain socket.io', rawMemory],
  ] as const) {
    console.log(
      `  ${name.padEnd(16)} ${mb(memory.baseline).padStart(9)} ${mb(memory.withChatSockets).padStart(9)} ${mb(memory.withAll).padStart(9)}   ${kb(memory.perSocket)} (${kb(memory.perSocketFirst)})`,
    )
  }
  console.log(`  ratio app / plain per socket: ×${(appMemory.perSocket / rawMemory.perSocket).toFixed(1)}`)

  writeResults('realtime', {
    joinToFirstFrame: {
      runs: callRuns,
      app: { medianMs: appFrame, runsMs: appRuns.map((run) => run.firstFrameMs), steps: appSteps },
      minimal: { medianMs: minimalFrame, runsMs: minimalRuns.map((run) => run.firstFrameMs), steps: minimalSteps },
      ratio: appFrame / minimalFrame,
    },
    chat: {
      sockets: chatSockets,
      rooms: roomCount,
      messages: messageCount,
      intervalMs,
      app: { ...appLatency, samples: appChat.latencies.length, lost: appChat.lost, eventsReceived: appChat.eventsReceived, ackP50: percentile(appChat.sendMs, 50), serverCpuMsPerMessage: appChat.serverCpuMs / messageCount },
      appForm: {
        ...appFormLatency,
        samples: appFormChat.latencies.length,
        lost: appFormChat.lost,
        eventsReceived: appFormChat.eventsReceived,
        postP50: percentile(appFormChat.sendMs, 50),
        serverCpuMsPerMessage: appFormChat.serverCpuMs / messageCount,
      },
      raw: { ...rawLatency, samples: rawChat.latencies.length, lost: rawChat.lost, eventsReceived: rawChat.eventsReceived, serverCpuMsPerMessage: rawChat.serverCpuMs / messageCount },
      rawWithInsert: { ...storedLatency, samples: storedChat.latencies.length, lost: storedChat.lost, eventsReceived: storedChat.eventsReceived, serverCpuMsPerMessage: storedChat.serverCpuMs / messageCount },
      ratioP50: appLatency.p50 / rawLatency.p50,
      ratioP95: appLatency.p95 / rawLatency.p95,
      ratioP95ToRawWithInsert: appLatency.p95 / storedLatency.p95,
    },
    memory: { extraSockets, app: appMemory, raw: rawMemory },
    loadAverages,
    cores: os.availableParallelism(),
  })
} finally {
  await cleanUp()
}
