import { useCallback, useEffect, useRef, useState } from 'react'

export type MediaDevices = { cameras: MediaDeviceInfo[]; microphones: MediaDeviceInfo[] }

/** On a phone the technician shows the car: the rear camera first. */
const prefersRearCamera = () => typeof matchMedia !== 'undefined' && matchMedia('(pointer: coarse)').matches

function constraints(cameraId: string | undefined, microphoneId: string | undefined): MediaStreamConstraints {
  return {
    video: cameraId
      ? { deviceId: { exact: cameraId }, width: { ideal: 1280 }, height: { ideal: 720 } }
      : { facingMode: { ideal: prefersRearCamera() ? 'environment' : 'user' }, width: { ideal: 1280 }, height: { ideal: 720 } },
    audio: microphoneId ? { deviceId: { exact: microphoneId }, echoCancellation: true, noiseSuppression: true } : { echoCancellation: true, noiseSuppression: true },
  }
}

/** The camera and microphone, with the device lists to choose from; stopped when the component goes. */
export function useLocalMedia() {
  const [stream, setStream] = useState<MediaStream | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [devices, setDevices] = useState<MediaDevices>({ cameras: [], microphones: [] })
  const current = useRef<MediaStream | null>(null)

  const open = useCallback(async (cameraId?: string, microphoneId?: string) => {
    try {
      const next = await navigator.mediaDevices.getUserMedia(constraints(cameraId, microphoneId))
      current.current?.getTracks().forEach((track) => track.stop())
      current.current = next
      setStream(next)
      setError(null)
      const all = await navigator.mediaDevices.enumerateDevices()
      setDevices({ cameras: all.filter((device) => device.kind === 'videoinput'), microphones: all.filter((device) => device.kind === 'audioinput') })
      return next
    } catch (failure) {
      setError((failure as Error).message || String(failure))
      return null
    }
  }, [])

  useEffect(() => {
    void open()
    return () => current.current?.getTracks().forEach((track) => track.stop())
  }, [open])

  return { stream, error, devices, open }
}

/** The loudness (0-1) of a stream's audio, ten times a second; for the level meter and "who is speaking". */
export function useAudioLevel(stream: MediaStream | null) {
  const [level, setLevel] = useState(0)
  useEffect(() => {
    if (!stream || stream.getAudioTracks().length === 0 || typeof AudioContext === 'undefined') return
    const context = new AudioContext()
    const analyser = context.createAnalyser()
    analyser.fftSize = 512
    context.createMediaStreamSource(stream).connect(analyser)
    const samples = new Uint8Array(analyser.fftSize)
    const timer = setInterval(() => {
      analyser.getByteTimeDomainData(samples)
      let peak = 0
      for (const sample of samples) peak = Math.max(peak, Math.abs(sample - 128))
      setLevel(peak / 128)
    }, 100)
    return () => {
      clearInterval(timer)
      void context.close()
    }
  }, [stream])
  return level
}
