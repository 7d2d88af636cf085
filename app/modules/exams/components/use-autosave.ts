import { useCallback, useEffect, useRef, useState } from 'react'

export type SaveState = 'idle' | 'pending' | 'saving' | 'saved' | 'error' | 'closed'
export type Answers = Record<string, string[]>

const DEBOUNCE_MS = 500
const RETRY_MS = 3000

/**
 * The answers of a running attempt, saved through `PUT /api/attempts/:id/answers` shortly after
 * each change (one request per changed question, in order), retried while the network is down,
 * and sent with `keepalive` when the page is hidden or closed. A 409 means the attempt ended.
 */
export function useAutosave(attemptId: string, initial: Answers, onClosed: () => void) {
  const [answers, setAnswers] = useState<Answers>(initial)
  const [state, setState] = useState<SaveState>('idle')
  const [savedAt, setSavedAt] = useState<Date | null>(null)
  const latest = useRef<Answers>(initial)
  const dirty = useRef(new Set<string>())
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined)
  const running = useRef<Promise<void> | null>(null)
  const closed = useRef(false)
  const onClosedRef = useRef(onClosed)
  useEffect(() => {
    onClosedRef.current = onClosed
  })

  // keepalive: a save under way when the tab closes still reaches the server.
  const send = useCallback(
    (questionId: string) =>
      fetch(`/api/attempts/${attemptId}/answers`, {
        method: 'PUT',
        headers: { 'Content-Type': 'application/json' },
        credentials: 'same-origin',
        keepalive: true,
        body: JSON.stringify({ questionId, optionIds: latest.current[questionId] ?? [] }),
      }),
    [attemptId],
  )

  const drain = useCallback(async () => {
    setState('saving')
    while (dirty.current.size > 0 && !closed.current) {
      const [questionId] = dirty.current
      dirty.current.delete(questionId)
      let response: Response
      try {
        response = await send(questionId)
      } catch {
        dirty.current.add(questionId)
        setState('error')
        return 'retry' as const
      }
      if (response.status === 409) {
        closed.current = true
        setState('closed')
        onClosedRef.current()
        return 'closed' as const
      }
      if (response.status >= 500) {
        dirty.current.add(questionId)
        setState('error')
        return 'retry' as const
      }
      // Any other refusal (a signed-out session, a malformed answer) will not succeed on retry.
      if (!response.ok) {
        setState('error')
        return 'failed' as const
      }
    }
    if (!closed.current) {
      setSavedAt(new Date())
      setState(dirty.current.size > 0 ? 'pending' : 'saved')
    }
    return 'done' as const
  }, [send])

  const flush = useCallback(async (): Promise<void> => {
    clearTimeout(timer.current)
    if (running.current) await running.current
    if (closed.current || dirty.current.size === 0) return
    const run = drain().then((outcome) => {
      if (outcome === 'retry') timer.current = setTimeout(() => void flush(), RETRY_MS)
    })
    running.current = run
    try {
      await run
    } finally {
      running.current = null
    }
  }, [drain])

  const change = useCallback(
    (questionId: string, optionIds: string[]) => {
      if (closed.current) return
      latest.current = { ...latest.current, [questionId]: optionIds }
      setAnswers(latest.current)
      dirty.current.add(questionId)
      setState('pending')
      clearTimeout(timer.current)
      timer.current = setTimeout(() => void flush(), DEBOUNCE_MS)
    },
    [flush],
  )

  // Switching away saves at once; closing the tab sends everything unsaved together, since the
  // page will not live to send them one after another.
  useEffect(() => {
    const sendNow = () => {
      if (closed.current || dirty.current.size === 0) return
      clearTimeout(timer.current)
      for (const questionId of dirty.current) void send(questionId).catch(() => undefined)
      dirty.current.clear()
    }
    const onVisibility = () => {
      if (document.visibilityState === 'hidden') void flush()
    }
    window.addEventListener('pagehide', sendNow)
    document.addEventListener('visibilitychange', onVisibility)
    return () => {
      window.removeEventListener('pagehide', sendNow)
      document.removeEventListener('visibilitychange', onVisibility)
      clearTimeout(timer.current)
    }
  }, [send, flush])

  return { answers, change, flush, state, savedAt, latest }
}
