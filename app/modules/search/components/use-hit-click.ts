import { useCallback } from 'react'

/**
 * Tells the curators' insights which hit of a logged search was opened (a beacon: navigation is
 * not held up). The log's id may still be on its way in the page's stream.
 */
export function useHitClick(logId: PromiseLike<string | null> | string | null) {
  return useCallback(
    (hitId: string) => {
      if (!logId || typeof navigator.sendBeacon !== 'function') return
      void Promise.resolve(logId).then((id) => {
        if (id) navigator.sendBeacon('/search/clicks', new URLSearchParams({ logId: id, hitId }))
      })
    },
    [logId],
  )
}
