/** What the recorder sends: the browser's first supported choice (Chrome: WebM, Safari: MP4). */
const MIME_TYPES = ['video/webm;codecs=vp8,opus', 'video/webm;codecs=vp9,opus', 'video/webm', 'video/mp4']
const FRAME_RATE = 15
const WIDTH = 1280
const HEIGHT = 720
const INSET_WIDTH = 256
const RETRY_DELAYS_MS = [500, 1500, 4000]

export const canRecordCalls = () => typeof MediaRecorder !== 'undefined' && MIME_TYPES.some((type) => MediaRecorder.isTypeSupported(type))

const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/**
 * Records the call as everyone sees it: the first other person's video full frame, the rest (and
 * us) as insets, and every voice mixed. It records a canvas and a mixed audio track, not the
 * peers' own tracks: a camera switch or someone joining would otherwise end the recording.
 * Each one-second chunk is uploaded as soon as it is made, numbered, so a crashed tab loses at
 * most the last seconds.
 */
export class CallRecorder {
  private readonly canvas = document.createElement('canvas')
  private readonly audio = new AudioContext()
  private readonly mix = this.audio.createMediaStreamDestination()
  private readonly heard = new WeakSet<MediaStream>()
  private recorder: MediaRecorder | null = null
  private drawing: ReturnType<typeof setInterval> | undefined
  private sequence = 0
  private uploads: Promise<void> = Promise.resolve()
  private finishing: Promise<void> | null = null

  constructor(
    private readonly recordingId: string,
    private readonly container: HTMLElement,
  ) {
    this.canvas.width = WIDTH
    this.canvas.height = HEIGHT
  }

  start() {
    this.draw()
    this.drawing = setInterval(() => this.draw(), 1000 / FRAME_RATE)
    const mimeType = MIME_TYPES.find((type) => MediaRecorder.isTypeSupported(type))!
    const stream = new MediaStream([...this.canvas.captureStream(FRAME_RATE).getVideoTracks(), ...this.mix.stream.getAudioTracks()])
    this.recorder = new MediaRecorder(stream, { mimeType, videoBitsPerSecond: 1_200_000, audioBitsPerSecond: 64_000 })
    this.recorder.ondataavailable = (event) => {
      if (event.data.size > 0) this.upload(event.data, this.recorder!.mimeType || mimeType)
    }
    this.recorder.start(1000)
  }

  /** Someone joined who has not accepted yet: nothing of them may be recorded. */
  pause() {
    if (this.recorder?.state === 'recording') this.recorder.pause()
  }

  resume() {
    if (this.recorder?.state === 'paused') this.recorder.resume()
  }

  /** Stops, sends the last chunk, then tells the server the recording is complete. */
  finish() {
    this.finishing ??= (async () => {
      const recorder = this.recorder
      if (recorder && recorder.state !== 'inactive') {
        const stopped = new Promise((resolve) => recorder.addEventListener('stop', resolve, { once: true }))
        recorder.stop()
        await stopped
      }
      clearInterval(this.drawing)
      void this.audio.close()
      await this.uploads
      await fetch(`/api/live/recordings/${this.recordingId}/finish`, { method: 'POST', keepalive: true }).catch(() => undefined)
    })()
    return this.finishing
  }

  private videos() {
    const all = [...this.container.querySelectorAll<HTMLVideoElement>('.video-tile video')]
    const isLocal = (video: HTMLVideoElement) => Boolean(video.closest('.video-tile--local'))
    return [...all.filter((video) => !isLocal(video)), ...all.filter(isLocal)]
  }

  private draw() {
    const context = this.canvas.getContext('2d')!
    context.fillStyle = '#111'
    context.fillRect(0, 0, WIDTH, HEIGHT)
    const playing = this.videos().filter((video) => video.videoWidth > 0)
    const [main, ...insets] = playing
    if (main) drawContained(context, main, 0, 0, WIDTH, HEIGHT)
    insets.forEach((video, index) => {
      const height = Math.round((INSET_WIDTH * video.videoHeight) / video.videoWidth)
      const x = WIDTH - (INSET_WIDTH + 12) * (index + 1)
      drawContained(context, video, x, HEIGHT - height - 12, INSET_WIDTH, height)
    })
    for (const video of this.videos()) this.hear(video.srcObject)
  }

  /** Every voice in the call (ours too) goes into the one mixed track, also those who join later. */
  private hear(source: MediaProvider | null) {
    if (!(source instanceof MediaStream) || this.heard.has(source) || source.getAudioTracks().length === 0) return
    this.heard.add(source)
    this.audio.createMediaStreamSource(source).connect(this.mix)
  }

  private upload(chunk: Blob, mimeType: string) {
    const sequence = this.sequence++
    this.uploads = this.uploads.then(async () => {
      for (const delay of [0, ...RETRY_DELAYS_MS]) {
        await wait(delay)
        const response = await fetch(`/api/live/recordings/${this.recordingId}/chunks/${sequence}`, { method: 'POST', headers: { 'Content-Type': mimeType }, body: chunk }).catch(() => null)
        // A refusal (4xx) will not change on a retry; a network error or 5xx may.
        if (response && response.status < 500) return
      }
    })
  }
}

function drawContained(context: CanvasRenderingContext2D, video: HTMLVideoElement, x: number, y: number, width: number, height: number) {
  const scale = Math.min(width / video.videoWidth, height / video.videoHeight)
  const drawnWidth = video.videoWidth * scale
  const drawnHeight = video.videoHeight * scale
  context.drawImage(video, x + (width - drawnWidth) / 2, y + (height - drawnHeight) / 2, drawnWidth, drawnHeight)
}
