import { useCallback } from 'react'

/** Tells the curators' insights which hit of a logged search was opened (a beacon: navigation is not held up). */
export function useHitClick(logId: string | null) {
  return useCallback(
    (hitId: string) => {
      if (!logId || typeof navigator.sendBeacon !== 'function') return
      navigator.sendBeacon('/search/clicks', new URLSearchParams({ logId, hitId }))
    },
    [logId],
  )
}
