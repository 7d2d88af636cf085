import { useFetcher } from '@remix-run/react'
import { useEffect } from 'react'

/** Loads `url` a moment after it stops changing (typing), and nothing while it is undefined. */
export function useDebouncedFetcher<T>(url: string | undefined, delayMs = 300) {
  const fetcher = useFetcher<T>()
  const { load } = fetcher
  useEffect(() => {
    if (!url) return
    const timer = setTimeout(() => load(url), delayMs)
    return () => clearTimeout(timer)
  }, [url, load, delayMs])
  return fetcher
}
